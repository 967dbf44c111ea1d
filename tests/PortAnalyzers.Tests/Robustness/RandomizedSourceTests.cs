using System.Collections.Immutable;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PortAnalyzers.Analyzers;
using PortAnalyzers.CodeFixes;
using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Robustness;

/// <summary>
/// Thousands of generated and mutated C# sources (truncated, unbalanced, random literals in sink positions) through
/// both analyzers and the code fixes: no exception, ever.
/// </summary>
public class RandomizedSourceTests
{
    private static readonly string[] Templates =
    {
        "using System.Net; using System.Net.Sockets; class C { object M() => new TcpListener(IPAddress.Any, {N}); }",
        "using System.Net.Sockets; class C { object M() => TcpListener.Create({N}); object N() => new UdpClient({N}); }",
        "using System.Net; using System.Net.Sockets; class C { void M(Socket s) { var e = new IPEndPoint(IPAddress.Any, {N}); s.Bind(e); } }",
        "using Microsoft.AspNetCore.Hosting; class C { void M(IWebHostBuilder b) => b.UseUrls(\"{S}\", \"http://*:{N}\"); }",
        "using Microsoft.AspNetCore.Builder; class C { void M(WebApplication app) { app.Urls.Add(\"{S}\"); app.Run(\"{S}\"); } }",
        "using Microsoft.AspNetCore.Server.Kestrel.Core; class C { void M(KestrelServerOptions k) { k.ListenAnyIP({N}); k.ListenLocalhost({N}, o => { }); } }",
        "class Options { public int Port { get; set; } = {N}; public string Url { get; set; } = \"{S}\"; const int AdminPort = {N}; }",
        "class C { void Use(int listenPort, string connectionString) { } void M() { Use({N}, \"{S}\"); int port = {N}; Use(port, \"Host=x;Port={N}\"); } }",
        "using System.Net.Http; using System.Threading.Tasks; class C { Task M(HttpClient c) => c.GetAsync(\"{S}\" + \"/x\"); }",
        "using Microsoft.Extensions.Configuration; using System.Net; using System.Net.Sockets; class C { object M(IConfiguration c) => new TcpListener(IPAddress.Any, c.GetValue(\"Ports:A\", {N})); }",
    };

    private static readonly string[] Fragments = { "(", ")", "{", "}", ";", ",", "\"", "@\"", "$\"", "=>", "new", "port:", "\\", "/*", "//", "#if", "\n", "int.MaxValue", "-", "??", "?" };

    private static Gen<string> Source =>
        from template in Gen.Int[0, Templates.Length - 1].Select(i => Templates[i])
        from numbers in Gen.Select(Gen.Long[-100_000, 10_000_000_000L], Gen.Int[0, 65535], Gen.OneOf(Gen.Const(0L), Gen.Const(65536L), Gen.Const(-1L)))
        from urlPort in Gen.Int[-5, 99999]
        from host in Gen.Int[0, 4].Select(i => new[] { "localhost", "*", "+", "[::1]", "0.0.0.0" }[i])
        from mutation in Gen.Int[0, 3]
        from cut in Gen.Double[0, 1]
        from fragment in Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i])
        select Mutate(
            template.Replace("{N}", Pick(numbers, cut)).Replace("{S}", $"http://{host}:{urlPort}/p?x={urlPort}#{urlPort}"),
            mutation,
            cut,
            fragment);

    private static string Pick((long Wide, int Port, long Edge) numbers, double cut)
        => cut < 0.3 ? numbers.Wide.ToString() : cut < 0.8 ? numbers.Port.ToString() : numbers.Edge.ToString();

    private static string Mutate(string source, int mutation, double cut, string fragment)
    {
        int at = (int)(cut * source.Length);
        return mutation switch
        {
            0 => source,
            1 => source.Substring(0, at),
            2 => source.Insert(at, fragment),
            _ => source.Remove(at, Math.Min(3, source.Length - at)),
        };
    }

    [Fact]
    public async Task Generated_and_mutated_sources_never_throw_in_the_analyzers()
    {
        var references = await TestReferences.AspNetCore80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        TestSeed.Sample(
            Source,
            source =>
            {
                var exceptions = Analyze(source, references, out _);
                Assert.True(exceptions.Count == 0, source + "\n" + string.Join("\n", exceptions));
            },
            iterations: 1500);
    }

    [Fact]
    public async Task Code_fixes_never_throw_on_generated_sources()
    {
        var references = await TestReferences.AspNetCore80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var samples = int.Parse(Environment.GetEnvironmentVariable("PORTANALYZERS_FIX_SAMPLES") ?? "150");
        foreach (var source in Source.Array[samples].Single())
        {
            await AssertFixesDoNotThrowAsync(source, references);
        }
    }

    /// <summary>Inputs the randomized tests once failed on, kept as fixed cases.</summary>
    [Theory]
    [InlineData("using Microsoft.AspNetCore.Hosting; class C { void M(IWebHostBuilder b) => b.UseUrls(\"http://*:5000")]
    [InlineData("using Microsoft.AspNetCore.Hosting; class C { void M(IWebHostBuilder b) => b.UseUrls(@\"http://*:5000")]
    [InlineData("using Microsoft.AspNetCore.Hosting; class C { void M(IWebHostBuilder b) => b.UseUrls(\"\"\"http://*:5000\"\"\"); }")]
    [InlineData("using Microsoft.AspNetCore.Builder; class C { void M(WebApplication app) => app.Urls.Add(\"http://localhost:60251\n")]
    public async Task Code_fixes_leave_malformed_and_raw_literals_alone(string source)
        => await AssertFixesDoNotThrowAsync(source, await TestReferences.AspNetCore80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));

    private static async Task AssertFixesDoNotThrowAsync(string source, ImmutableArray<MetadataReference> references)
    {
        var provider = new PortCodeFixProvider();
        var exceptions = Analyze(source, references, out var diagnostics);
        Assert.Empty(exceptions);

        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("P", LanguageNames.CSharp)
            .WithMetadataReferences(references)
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest));
        project = project.AddAdditionalDocument("appsettings.json", SourceText.From("{ \"Ports\": { } }"), filePath: "/p/appsettings.json").Project;
        var document = project.AddDocument("Test0.cs", SourceText.From(source), filePath: "/src/Test0.cs");
        var tree = await document.GetSyntaxTreeAsync();
        foreach (var diagnostic in diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)))
        {
            var located = Diagnostic.Create(diagnostic.Descriptor, Location.Create(tree!, diagnostic.Location.SourceSpan), diagnostic.AdditionalLocations.Select(l => Location.Create(tree!, l.SourceSpan)), diagnostic.Properties);
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, located, (action, _) => actions.Add(action), CancellationToken.None);
            await provider.RegisterCodeFixesAsync(context);
            foreach (var action in actions)
            {
                var operations = await action.GetOperationsAsync(CancellationToken.None);
                var applied = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
                var text = await applied.GetDocument(document.Id)!.GetTextAsync();
                Assert.NotEqual(source, text.ToString()); // a fix that is offered changes something
            }
        }
    }

    [Fact]
    public async Task Cancellation_during_analysis_stops_it()
    {
        var source = string.Concat(Enumerable.Range(0, 3000).Select(i => $"class C{i} {{ object M() => System.Net.Sockets.TcpListener.Create({i + 1000}); }}\n"));
        using var cts = new CancellationTokenSource();
        var run = AnalyzerRunner.RunAsync(source, cancellationToken: cts.Token);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    private static List<Exception> Analyze(string source, ImmutableArray<MetadataReference> references, out ImmutableArray<Diagnostic> diagnostics)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Test0.cs");
        var compilation = CSharpCompilation.Create("R", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false));
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (e, _, _) => exceptions.Add(e),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        diagnostics = compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new CSharpPortAnalyzer(), new ConfigurationFilePortAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        exceptions.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => new InvalidOperationException(d.ToString())));
        return exceptions;
    }
}
