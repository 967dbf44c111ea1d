using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using PortAnalyzers.Analyzers;
using PortAnalyzers.CodeFixes;

namespace PortAnalyzers.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="PortCodeFixProvider"/> with the Roslyn code fix testing library. The library also compiles the
/// fixed code and fails on any compiler diagnostic the test did not declare, and checks Fix All in document,
/// project and solution scope.
/// </summary>
internal static class VerifyFix
{
    public static CSharpCodeFixTest<CSharpPortAnalyzer, PortCodeFixProvider, DefaultVerifier> Create(string source, string fixedSource, string equivalenceKey, params string[] onlyIds)
    {
        var test = new CSharpCodeFixTest<CSharpPortAnalyzer, PortCodeFixProvider, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestReferences.AspNetCore80,
            CodeActionEquivalenceKey = equivalenceKey,
        };

        foreach (var id in Verify.AllIds)
        {
            if (onlyIds.Length > 0 && Array.IndexOf(onlyIds, id) < 0)
            {
                test.DisabledDiagnostics.Add(id);
            }
        }

        return test;
    }

    public static Task FixAsync(string source, string fixedSource, string equivalenceKey, params string[] onlyIds)
        => Create(source, fixedSource, equivalenceKey, onlyIds).RunAsync();

    public const string Configuration = "PortAnalyzers.MakeConfigurable";
    public const string Environment = "PortAnalyzers.MakeConfigurable";
    public const string PortZero = "PortAnalyzers.UsePortZero";
    public const string SafePort = "PortAnalyzers.UseSafePort";
}
