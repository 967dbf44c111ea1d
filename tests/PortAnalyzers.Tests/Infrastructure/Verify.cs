using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using PortAnalyzers.Analyzers;

namespace PortAnalyzers.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="CSharpPortAnalyzer"/> through the Roslyn analyzer testing library on ASP.NET Core 8 reference
/// assemblies. Markup: {|PORT001:60251|} marks an expected diagnostic on a span.
/// </summary>
internal static class Verify
{
    // Derived from the rule registry: every id the C# analyzer reports (PORT101 is the configuration analyzer's alone).
    public static readonly string[] AllIds = PortAnalyzers.Rules.RuleRegistry.CSharpIds.ToArray();

    /// <summary>Verifies the markup's diagnostics for the given rule ids only (all rules when none are given).</summary>
    public static Task AnalyzerAsync(string source, params string[] onlyIds)
        => AnalyzerAsync(source, editorConfig: null, onlyIds, expected: Array.Empty<DiagnosticResult>());

    public static Task AnalyzerAsync(string source, string? editorConfig, string[] onlyIds, params DiagnosticResult[] expected)
    {
        var test = Create(source, editorConfig, onlyIds);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Like <see cref="AnalyzerAsync(string, string[])"/>, with other reference assemblies (a library's real package).</summary>
    public static Task WithReferencesAsync(ReferenceAssemblies references, string source, params string[] onlyIds)
    {
        var test = Create(source, null, onlyIds);
        test.ReferenceAssemblies = references;
        return test.RunAsync();
    }

    public static CSharpAnalyzerTest<CSharpPortAnalyzer, DefaultVerifier> Create(string source, string? editorConfig, string[] onlyIds)
    {
        var test = new CSharpAnalyzerTest<CSharpPortAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = TestReferences.AspNetCore80,
        };

        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + editorConfig));
        }

        if (onlyIds.Length > 0)
        {
            foreach (var id in AllIds)
            {
                if (Array.IndexOf(onlyIds, id) < 0)
                {
                    test.DisabledDiagnostics.Add(id);
                }
            }
        }

        return test;
    }

    /// <summary>Code that does not compile (unbound calls, missing packages): compiler errors are not compared.</summary>
    public static Task IgnoringCompilerErrorsAsync(string source, params string[] onlyIds)
    {
        var test = Create(source, null, onlyIds);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test.RunAsync();
    }

    /// <summary>As in a test project: MSBuild's IsTestProject=true made visible to the analyzers, plus any other options.</summary>
    public static Task InTestProjectAsync(string source, string? editorConfig, params string[] onlyIds)
        => AnalyzerAsync(source, "build_property.IsTestProject = true\n" + editorConfig, onlyIds);

    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);
}
