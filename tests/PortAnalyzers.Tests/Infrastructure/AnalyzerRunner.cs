using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PortAnalyzers.Analyzers;

namespace PortAnalyzers.Tests.Infrastructure;

/// <summary>
/// Runs the analyzers directly with CompilationWithAnalyzers, collecting analyzer exceptions instead of letting
/// the driver turn them into AD0001. For robustness tests (any input, broken code) where markup is not the point.
/// </summary>
internal static class AnalyzerRunner
{
    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> References = new(
        () => TestReferences.AspNetCore80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));

    public sealed record Result(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions, IReadOnlyList<Diagnostic>? CompilerErrorList = null)
    {
        public IReadOnlyList<Diagnostic> CompilerErrors => CompilerErrorList ?? Array.Empty<Diagnostic>();
    }

    public static async Task<Result> RunAsync(string source, string? globalConfig = null, CancellationToken cancellationToken = default)
    {
        var references = await References.Value;
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Test0.cs", cancellationToken: cancellationToken);
        var compilation = CSharpCompilation.Create("Test", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new TestOptionsProvider(globalConfig)),
            onAnalyzerException: (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new CSharpPortAnalyzer()), options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
        var errors = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return new Result(diagnostics, exceptions, errors);
    }

    private sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly TestOptions options;

        public TestOptionsProvider(string? globalConfig)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in (globalConfig ?? string.Empty).Split('\n'))
            {
                int eq = line.IndexOf('=');
                if (eq > 0)
                {
                    values[line[..eq].Trim()] = line[(eq + 1)..].Trim();
                }
            }

            options = new TestOptions(values);
        }

        public override AnalyzerConfigOptions GlobalOptions => options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;
    }

    private sealed class TestOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> values;

        public TestOptions(Dictionary<string, string> values) => this.values = values;

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
