using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PortAnalyzers.Cli;

/// <summary>One rule as SARIF's reportingDescriptor describes it.</summary>
public sealed record SarifRule(string Id, string Name, string Title, string Description, string HelpUri, string Level, string Category);

/// <summary>
/// The rules port-inventory can report: every descriptor of every analyzer of the PortAnalyzers assembly (found by
/// reflection, so a new rule needs no change here) and the cross-file PORTX rules of the inventory itself.
/// </summary>
public static class SarifRules
{
    public const string InventoryHelp = "https://github.com/portanalyzers/portanalyzers/blob/main/docs/inventory.md";

    public static string ToolVersion { get; } = Version(typeof(SarifRules).Assembly);

    public static IReadOnlyList<SarifRule> All { get; } = Build();

    private static IReadOnlyList<SarifRule> Build()
    {
        var analyzers = typeof(Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);
        var rules = analyzers
            .SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .Select(d => new SarifRule(
                d.Id,
                Name(d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
                d.Description.ToString(System.Globalization.CultureInfo.InvariantCulture),
                d.HelpLinkUri,
                Level(d.DefaultSeverity),
                d.Category))
            .ToList();
        foreach (var (id, title) in CrossFileRules.Titles)
        {
            rules.Add(new SarifRule(id, Name(title), title, title + ": a cross-file finding of port-inventory, between projects and deployment files.", InventoryHelp + (id == CrossFileRules.ProjectsBindOnePort ? "#cross-project-findings-portx01" : "#cross-file-findings-portx02portx06"), "warning", "PortAnalyzers.Inventory"));
        }

        return rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    // "Port is in the ephemeral range" -> "PortIsInTheEphemeralRange": an identifier-like name, as SARIF suggests.
    private static string Name(string title)
        => string.Concat(title.Split(new[] { ' ', '-', '\'', '(', ')', ',', '.', '/' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));

    private static string Version(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = informational ?? assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version.Substring(0, plus);
    }
}
