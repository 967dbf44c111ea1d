using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using PortAnalyzers.Analyzers;

namespace PortAnalyzers.Tests.Infrastructure;

/// <summary>Runs <see cref="ConfigurationFilePortAnalyzer"/> on additional files written with diagnostic markup.</summary>
internal static class VerifyConfiguration
{
    public static Task AnalyzerAsync(string fileName, string json, params string[] onlyIds)
        => AnalyzerAsync(new[] { (fileName, json) }, null, onlyIds);

    public static Task AnalyzerAsync((string Name, string Json)[] files, string? globalConfig, string[] onlyIds, params DiagnosticResult[] expected)
    {
        var test = Create(files, globalConfig, onlyIds);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static CSharpAnalyzerTest<ConfigurationFilePortAnalyzer, DefaultVerifier> Create((string Name, string Json)[] files, string? globalConfig, string[] onlyIds)
    {
        var test = new CSharpAnalyzerTest<ConfigurationFilePortAnalyzer, DefaultVerifier>
        {
            TestCode = "class Program { }",
            ReferenceAssemblies = TestReferences.Net80,
        };

        foreach (var (name, json) in files)
        {
            test.TestState.AdditionalFiles.Add((name, json));
        }

        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        }

        if (onlyIds.Length > 0)
        {
            foreach (var id in Verify.AllIds.Append(DiagnosticIds.UnreadableConfigurationFile))
            {
                if (Array.IndexOf(onlyIds, id) < 0)
                {
                    test.DisabledDiagnostics.Add(id);
                }
            }
        }

        return test;
    }
}
