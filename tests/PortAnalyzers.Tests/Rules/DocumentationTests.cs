using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using PortAnalyzers.CodeFixes;
using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Rules;

/// <summary>
/// The descriptors are the one source of truth for the rule pages, the README's rule table, the release tracking
/// files and the severity presets. Every analyzer and every code fix provider is found by reflection, so a new rule
/// or fix that the docs do not describe fails here.
/// </summary>
public class DocumentationTests
{
    private static readonly IReadOnlyList<DiagnosticDescriptor> Descriptors = typeof(Analyzers.CSharpPortAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
        .GroupBy(d => d.Id)
        .Select(g => g.First())
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToList();

    private static readonly ISet<string> Fixable = typeof(PortCodeFixProvider).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
        .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
        .ToHashSet(StringComparer.Ordinal);

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in Descriptors)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    private static DiagnosticDescriptor Descriptor(string id) => Descriptors.Single(d => d.Id == id);

    private static string Severity(DiagnosticDescriptor d) => d.DefaultSeverity.ToString();

    [Fact]
    public void Reflection_finds_both_analyzers_and_both_fix_providers()
    {
        Assert.Equal(11, Descriptors.Count);
        Assert.Contains("PORT009", Descriptors.Select(d => d.Id));
        Assert.Contains("PORT101", Descriptors.Select(d => d.Id));
        Assert.Equal(new[] { "PORT001", "PORT002", "PORT003", "PORT005", "PORT008" }, Fixable.OrderBy(i => i, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Rule_page_has_the_descriptors_title_severity_category_and_code_fix(string id)
    {
        var d = Descriptor(id);
        var page = File.ReadAllText(Repository.PathOf("docs", "rules", id + ".md"));
        Assert.StartsWith($"# {id}: {d.Title}\n", page.Replace("\r\n", "\n"));
        Assert.Matches($@"\n\| Default severity \| {Severity(d)}\b", page);
        Assert.Contains($"\n| Category | {d.Category} |", page);
        var fix = Regex.Match(page, @"\n\| Code fix \| (Yes|No)\b");
        Assert.True(fix.Success, id + ".md has no '| Code fix | Yes/No' row");
        Assert.Equal(Fixable.Contains(id) ? "Yes" : "No", fix.Groups[1].Value);
        Assert.DoesNotContain("No code fix is available yet", page);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Readme_rule_table_has_the_same_row(string id)
    {
        var d = Descriptor(id);
        var readme = File.ReadAllText(Repository.PathOf("README.md"));
        Assert.Contains($"| [{id}](docs/rules/{id}.md) | {d.Title} | {Severity(d)} | {(Fixable.Contains(id) ? "Yes" : "No")} |", readme);
    }

    [Fact]
    public void Readme_rule_table_has_no_other_rows()
    {
        var rows = Regex.Matches(File.ReadAllText(Repository.PathOf("README.md")), @"^\| \[(PORT\d{3})\]", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.Equal(Descriptors.Select(d => d.Id), rows);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Release_tracking_lists_the_rule_with_its_category_and_severity(string id)
    {
        var d = Descriptor(id);
        var tracking = File.ReadAllText(Repository.PathOf("src", "PortAnalyzers", "AnalyzerReleases.Shipped.md"))
            + File.ReadAllText(Repository.PathOf("src", "PortAnalyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains($"{id} | {d.Category} | {Severity(d)} |", tracking);
    }

    [Theory]
    [InlineData("none", "none")]
    [InlineData("all-suggestions", "suggestion")]
    [InlineData("all-warnings", "warning")]
    [InlineData("all-errors", "error")]
    public void Every_preset_sets_every_rule(string mode, string severity)
    {
        var lines = File.ReadAllLines(Repository.PathOf("src", "PortAnalyzers.Package", "globalconfigs", $"PortAnalyzers.{mode}.globalconfig"));
        Assert.Contains("is_global = true", lines);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^global_level = -\d+$"));
        var rules = lines.Where(l => l.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal)).ToList();
        Assert.Equal(Descriptors.Select(d => $"dotnet_diagnostic.{d.Id}.severity = {severity}"), rules);
    }

    /// <summary>Each option key of the code is in the configuration table, and the page of each rule the table says it affects names it.</summary>
    [Fact]
    public void Every_option_is_documented_on_the_pages_of_the_rules_it_affects()
    {
        var keys = typeof(Analyzers.CSharpPortAnalyzer).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => v.StartsWith("port_analyzers.", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.True(keys.Count >= 5, string.Join(", ", keys));
        var table = File.ReadAllLines(Repository.PathOf("docs", "configuration.md"));
        foreach (var key in keys)
        {
            var row = table.FirstOrDefault(l => l.StartsWith($"| `{key}` |", StringComparison.Ordinal));
            Assert.True(row is not null, $"{key} is not in the table of docs/configuration.md");
            var usedBy = row!.Split('|')[4];
            foreach (Match rule in Regex.Matches(usedBy, @"PORT\d{3}"))
            {
                var page = File.ReadAllText(Repository.PathOf("docs", "rules", rule.Value + ".md"));
                Assert.True(page.Contains(key, StringComparison.Ordinal), $"docs/configuration.md says {key} affects {rule.Value}, but {rule.Value}.md does not name it");
            }
        }
    }
}
