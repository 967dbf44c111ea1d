using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;

namespace PortAnalyzers.Cli;

/// <summary>
/// port-inventory PATH [--format table|markdown|json|sarif] [--output FILE] [--fail-on error|warning|note|none] [--verbose]
/// Exit codes: 0 clean, 1 findings at or above --fail-on (default warning), ports claimed by two projects or a
/// cross-file finding of the deployment files (PORTX02..06),
/// 2 could not load.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine("usage: port-inventory <solution.sln|solution.slnx|project.csproj|folder> [--format table|markdown|json|sarif] [--output FILE] [--fail-on error|warning|note|none] [--verbose]");
            return args.Length == 0 ? 2 : 0;
        }

        if (!MSBuildLocator.IsRegistered)
        {
            MSBuildLocator.RegisterDefaults();
        }

        return await RunAsync(args, Console.Out, Console.Error);
    }

    // Separate from Main so that no MSBuild type is loaded before the locator has registered the SDK's MSBuild.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var input = args[0];
        var format = Option(args, "--format") ?? "table";
        var outputFile = Option(args, "--output");
        var failOn = Option(args, "--fail-on") ?? "warning";
        bool verbose = args.Contains("--verbose");
        if (format is not ("table" or "markdown" or "json" or "sarif") || failOn is not ("error" or "warning" or "note" or "none"))
        {
            error.WriteLine("port-inventory: --format is table, markdown, json or sarif; --fail-on is error, warning, note or none");
            return 2;
        }

        Inventory inventory;
        try
        {
            inventory = await InventoryRunner.RunAsync(input, format == "table" || verbose ? error : TextWriter.Null, verbose, CancellationToken.None);
        }
        catch (LoadException e)
        {
            error.WriteLine("port-inventory: " + e.Message);
            return 2;
        }

        var text = format switch
        {
            "markdown" => Formatters.Markdown(inventory),
            "json" => Formatters.JsonDocument(inventory),
            "sarif" => Formatters.Sarif(inventory),
            _ => Formatters.Table(inventory),
        };
        if (outputFile is null)
        {
            output.Write(text);
        }
        else
        {
            File.WriteAllText(outputFile, text);
        }

        return ExitCode(inventory, failOn);
    }

    /// <summary>1 when a finding is at or above the threshold, or two projects claim a port (a warning); else 0.</summary>
    public static int ExitCode(Inventory inventory, string failOn) => Fails(inventory, failOn) ? 1 : 0;

    private static bool Fails(Inventory inventory, string failOn)
    {
        if (failOn == "none")
        {
            return false;
        }

        int threshold = Rank(failOn);
        return (inventory.CrossProject.Count > 0 || inventory.CrossFile.Count > 0) && threshold <= Rank("warning")
            || inventory.Projects.SelectMany(p => p.Findings).Any(f => Rank(f.Severity) >= threshold);
    }

    private static int Rank(string severity) => severity switch
    {
        "error" => 3,
        "warning" => 2,
        _ => 1,
    };

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
