using System.CommandLine;
using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;

namespace PortAnalyzers.Cli;

/// <summary>
/// port-inventory PATH [--format table|markdown|json|sarif] [--output FILE] [--fail-on error|warning|note|none]
/// [--baseline INVENTORY.json] [--sarif-category NAME] [--source-root DIR] [--verbose]
/// Exit codes: 0 clean; 1 findings at or above --fail-on (default warning), ports claimed by two projects or a
/// cross-file finding (PORTX02..06), or in review mode (--baseline) a new one of those; 2 usage error or could not load.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (!MSBuildLocator.IsRegistered)
        {
            MSBuildLocator.RegisterDefaults();
        }

        return await RunAsync(args, Console.Out, Console.Error);
    }

    private sealed record Options(
        Argument<string> Path,
        Option<string> Format,
        Option<FileInfo?> Output,
        Option<string> FailOn,
        Option<FileInfo?> Baseline,
        Option<string> SarifCategory,
        Option<DirectoryInfo?> SourceRoot,
        Option<bool> Verbose);

    private static (RootCommand Command, Options Options) Command()
    {
        var options = new Options(
            new Argument<string>("path") { Description = "A solution (.sln, .slnx), a project (.csproj) or a folder (every solution and project under it, each project once, plus docker-compose and Kubernetes files)." },
            new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "table" },
            new Option<FileInfo?>("--output", "-o") { Description = "Write the output to this file instead of standard output." },
            new Option<string>("--fail-on") { Description = "Exit 1 when a finding at or above this severity is reported (in review mode: when a new one appears). Ports two projects bind and cross-file findings count as warnings.", DefaultValueFactory = _ => "warning" },
            new Option<FileInfo?>("--baseline") { Description = "Review mode: an inventory JSON (--format json) of the target branch. Prints, as Markdown for a pull request comment, only the ports added, removed or changed (value, role, source) and the new findings." },
            new Option<string>("--sarif-category") { Description = "SARIF only: the code scanning category (runs[0].automationDetails.id).", DefaultValueFactory = _ => "port-inventory" },
            new Option<DirectoryInfo?>("--source-root") { Description = "SARIF only: the folder artifact URIs are relative to (%SRCROOT%). Default: the repository root (the nearest folder holding .git), else the inventory root." },
            new Option<bool>("--verbose", "-v") { Description = "Progress and per-project timings on standard error." });
        options.Format.AcceptOnlyFromAmong("table", "markdown", "json", "sarif");
        options.FailOn.AcceptOnlyFromAmong("error", "warning", "note", "none");
        options.Baseline.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo?>() is { Exists: false } file)
            {
                result.AddError($"--baseline {file.FullName} does not exist");
            }
        });
        options.SourceRoot.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<DirectoryInfo?>() is { Exists: false } directory)
            {
                result.AddError($"--source-root {directory.FullName} does not exist");
            }
        });

        var command = new RootCommand("port-inventory: every network port of every project of a solution or folder (C#, appsettings*.json, launchSettings.json, Dockerfiles, container items, docker-compose, Kubernetes), the PortAnalyzers findings, and ports two projects claim. Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error or could not load.");
        command.Arguments.Add(options.Path);
        command.Options.Add(options.Format);
        command.Options.Add(options.Output);
        command.Options.Add(options.FailOn);
        command.Options.Add(options.Baseline);
        command.Options.Add(options.SarifCategory);
        command.Options.Add(options.SourceRoot);
        command.Options.Add(options.Verbose);
        command.Validators.Add(result =>
        {
            if (result.GetValue(options.Baseline) is not null && result.GetValue(options.Format) is "json" or "sarif")
            {
                result.AddError("--baseline prints Markdown for a pull request: use it without --format, or with --format markdown");
            }
        });
        return (command, options);
    }

    // Separate from Main so that no MSBuild type is loaded before the locator has registered the SDK's MSBuild.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var (command, options) = Command();
        command.SetAction((result, cancellationToken) => ExecuteAsync(result, options, output, error, cancellationToken));
        var parse = command.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine("port-inventory: " + parseError.Message);
            }

            error.WriteLine("Run 'port-inventory --help' for usage.");
            return 2;
        }

        // No default exception handler: an unexpected exception must not look like exit code 1 (findings).
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    private static async Task<int> ExecuteAsync(ParseResult parse, Options options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var input = parse.GetValue(options.Path)!;
        var format = parse.GetValue(options.Format)!;
        var failOn = parse.GetValue(options.FailOn)!;
        var baselineFile = parse.GetValue(options.Baseline);
        bool verbose = parse.GetValue(options.Verbose);

        Inventory inventory;
        try
        {
            inventory = await InventoryRunner.RunAsync(input, (format == "table" && baselineFile is null) || verbose ? error : TextWriter.Null, verbose, cancellationToken);
        }
        catch (LoadException e)
        {
            error.WriteLine("port-inventory: " + e.Message);
            return 2;
        }

        string text;
        int code;
        if (baselineFile is not null)
        {
            InventorySnapshot baseline;
            try
            {
                baseline = InventorySnapshot.Parse(File.ReadAllText(baselineFile.FullName));
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or KeyNotFoundException or InvalidOperationException)
            {
                error.WriteLine($"port-inventory: --baseline {baselineFile.FullName} is not an inventory JSON document (--format json): {e.Message}");
                return 2;
            }

            var review = Review.Compare(baseline, InventorySnapshot.Parse(Formatters.JsonDocument(inventory)));
            text = review.Markdown(baselineFile.Name);
            code = review.Fails(failOn) ? 1 : 0;
        }
        else
        {
            text = format switch
            {
                "markdown" => Formatters.Markdown(inventory),
                "json" => Formatters.JsonDocument(inventory),
                "sarif" => Formatters.Sarif(inventory, parse.GetValue(options.SourceRoot)?.FullName, parse.GetValue(options.SarifCategory)!),
                _ => Formatters.Table(inventory),
            };
            code = ExitCode(inventory, failOn);
        }

        if (parse.GetValue(options.Output) is { } outputFile)
        {
            File.WriteAllText(outputFile.FullName, text);
        }
        else
        {
            output.Write(text);
        }

        return code;
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

    internal static int Rank(string severity) => severity switch
    {
        "error" => 3,
        "warning" => 2,
        _ => 1,
    };
}
