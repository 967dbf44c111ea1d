using System.Collections.Immutable;
using System.Text;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PortAnalyzers.Analyzers;
using PortAnalyzers.Configuration;
using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Configuration;

public class BrokenJsonTests
{
    [Theory]
    [InlineData("{ \"Urls\": \"http://localhost:5000\" ", -1)]
    [InlineData("{ \"Urls\" \"x\" }", 9)]
    [InlineData("{ 'Urls': 1 }", 2)]
    [InlineData("[1, 2]", 0)]
    [InlineData("{ \"a\": tru }", 7)]
    [InlineData("{ \"a\": 1 } }", 11)]
    [InlineData("{ /* never closed ", 2)]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    public void Malformed_json_gives_one_error_with_its_position(string json, int position)
    {
        var result = JsonReader.Parse(json);
        Assert.Null(result.Root);
        Assert.NotNull(result.Error);
        Assert.Equal(position < 0 ? json.Length : position, result.ErrorPosition);
    }

    [Fact]
    public Task Broken_file_gives_one_PORT101_at_the_error()
        => VerifyConfiguration.AnalyzerAsync("/0/appsettings.json", "{\n  \"Urls\": \"http://localhost:6000\"\n  {|PORT101:\"|}Port\": 60251\n}");

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        var json = new string('[', 100_000);
        var result = JsonReader.Parse("{ \"a\": " + json);
        Assert.Null(result.Root);
        Assert.Contains("nesting", result.Error);
    }

    [Fact]
    public async Task Huge_and_binary_files_never_throw()
    {
        var huge = new StringBuilder("{ \"Items\": [");
        for (int i = 0; i < 400_000; i++)
        {
            huge.Append("{ \"Port\": 60251, \"Name\": \"item\" },");
        }

        huge.Append("] }");
        Assert.True(huge.Length > 10_000_000);

        var random = new Random(42);
        var bytes = new char[100_000];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (char)random.Next(0, 0xD7FF);
        }

        var result = await RunAsync(("/p/appsettings.json", huge.ToString()), ("/p/appsettings.Binary.json", new string(bytes)));
        Assert.Empty(result.Exceptions);
        Assert.Single(result.Diagnostics, d => d.Id == "PORT101");
        Assert.Equal(400_000, result.Diagnostics.Count(d => d.Id == "PORT001"));
    }

    private static readonly string[] Fragments = { "{", "}", "[", "]", "\"", ",", ":", "//", "/*", "*/", "\\", "\\u00", "-", "99999", "0", "\uFEFF", "\0", " ", "\n", "true", "null" };

    /// <summary>Thousands of mutated and truncated documents: no exception, and a port's location stays on its digits.</summary>
    [Fact]
    public void Mutated_and_truncated_documents_never_throw_and_locations_point_at_digits()
    {
        const string seed = """
            {
              // comment
              "Urls": "http://localhost:60251;https://*:443",
              "Kestrel": { "Endpoints": { "Http": { "Url": "http://[::1]:6000" } } },
              "ConnectionStrings": { "Db": "Host=pg;Port=5432" },
              "Smtp": { "Port": 2525, },
              "profiles": { "p": { "applicationUrl": "http://localhost:5000" } }
            }
            """;
        var mutation =
            from cut in Gen.Int[0, seed.Length]
            from insertAt in Gen.Int[0, seed.Length]
            from insert in Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i])
            from mode in Gen.Int[0, 2]
            select mode switch
            {
                0 => seed.Substring(0, cut),
                1 => seed.Insert(insertAt, insert),
                _ => seed.Remove(Math.Min(cut, insertAt), Math.Abs(cut - insertAt)),
            };

        TestSeed.Sample(
            mutation,
            json =>
            {
                var text = SourceText.From(json);
                foreach (var kind in new[] { ConfigurationFileKind.AppSettings, ConfigurationFileKind.LaunchSettings })
                {
                    var parsed = JsonReader.Parse(json);
                    if (parsed.Root is null)
                    {
                        Assert.InRange(parsed.ErrorPosition, 0, json.Length);
                        continue;
                    }

                    foreach (var occurrence in ConfigurationPortDiscovery.Discover(parsed.Root, kind, "/p/appsettings.json", text))
                    {
                        var span = occurrence.Location.SourceSpan;
                        var written = json.Substring(span.Start, span.Length);
                        Assert.True(
                            written.All(char.IsDigit) ? long.Parse(written) == occurrence.Value : written.StartsWith('"') || written.StartsWith('-'),
                            $"location '{written}' does not show {occurrence.Value}");
                    }
                }
            },
            iterations: 5000);
    }

    private static async Task<AnalyzerRunner.Result> RunAsync(params (string Path, string Text)[] files)
    {
        var compilation = CSharpCompilation.Create("P", new[] { CSharpSyntaxTree.ParseText("class C { }") });
        var exceptions = new List<Exception>();
        var additional = files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additional),
            onAnalyzerException: (e, _, _) => { lock (exceptions) { exceptions.Add(e); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ConfigurationFilePortAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync();
        return new AnalyzerRunner.Result(diagnostics, exceptions);
    }

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            this.text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}
