using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using PortAnalyzers.Discovery;
using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Sinks;

/// <summary>
/// The analyzer skips an argument, assignment or initializer whose value's shape never resolves (a parameter, a
/// property, a settable field) before it looks up the sink. That shortcut must never skip a value the resolver
/// would have resolved.
/// </summary>
public class ValueShapeTests
{
    private const string Shapes = """
        using System;
        using System.Net;
        using System.Net.Sockets;
        using Microsoft.Extensions.Configuration;

        public class Shapes
        {
            private const int ConstPort = 8080;
            private static readonly int ReadonlyPort = 60251;
            private static readonly string ReadonlyUrl = "http://localhost:5000";
            private const string UrlFormat = "http://{0}:5013/";
            private const string Scheme = "http://";
            private const string PortSuffix = ":5014";
            private int settablePort = 7000;
            private int[] ports = { 1, 2 };
            public int PropertyPort { get; set; } = 9000;

            public void Use(IConfiguration configuration, int parameterPort, string host, string? env)
            {
                const int localConst = 5000;
                int local = 5001;
                string url = $"http://{host}:5002/";
                var a = new TcpListener(IPAddress.Any, 5003);
                a = new TcpListener(IPAddress.Any, ConstPort);
                a = new TcpListener(IPAddress.Any, ReadonlyPort);
                a = new TcpListener(IPAddress.Any, localConst);
                a = new TcpListener(IPAddress.Any, local);
                a = new TcpListener(IPAddress.Any, (int)(long)5004);
                a = new TcpListener(IPAddress.Any, parameterPort);
                a = new TcpListener(IPAddress.Any, PropertyPort);
                a = new TcpListener(IPAddress.Any, settablePort);
                a = new TcpListener(IPAddress.Any, ports[0]);
                a = new TcpListener(IPAddress.Any, configuration.GetValue("Port", 5005));
                a = new TcpListener(IPAddress.Any, int.TryParse(env, out var p) ? p : 5006);
                a = new TcpListener(IPAddress.Any, parameterPort + 1);
                var u = new Uri(url);
                u = new Uri(ReadonlyUrl);
                u = new Uri($"http://{host}:5007/");
                u = new Uri("http://" + host + ":5008/");
                u = new Uri(string.Format("http://{0}:5009/", host));
                u = new Uri(env ?? "http://localhost:5010/");
                u = new Uri(host);
                string composed = string.Format(UrlFormat, host);
                string fallback = env ?? string.Format(UrlFormat, host);
                string joined = Scheme + host + PortSuffix;
                string fromCall = host.Trim();
                string fromRead = configuration.GetValue("Url", "http://localhost:5012/");
                u = new Uri(composed);
                u = new Uri(fallback);
                u = new Uri(joined);
                u = new Uri(fromCall);
                u = new Uri(fromRead);
                settablePort = 5011;
                PropertyPort = parameterPort;
                PropertyPort = ConstPort;
            }
        }
        """;

    [Fact]
    public async Task A_value_skipped_by_its_shape_is_never_one_the_resolver_resolves()
    {
        var compilation = await CompileAsync();
        int skipped = 0, resolved = 0;
        var wronglySkipped = new List<string>();
        foreach (var value in Values(compilation))
        {
            bool mayResolve = PortValueResolver.MayResolve(value);
            bool resolves = PortValueResolver.TryResolve(value, out _);
            skipped += mayResolve ? 0 : 1;
            resolved += resolves ? 1 : 0;
            if (resolves && !mayResolve)
            {
                wronglySkipped.Add($"{value.Syntax.SyntaxTree.FilePath}: {value.Syntax}");
            }
        }

        Assert.Empty(wronglySkipped);

        // Not vacuous: both answers occur in this code.
        Assert.True(skipped >= 5, $"only {skipped} values skipped by shape");
        Assert.True(resolved >= 15, $"only {resolved} values resolved");
    }

    /// <summary>The URL check answers some values before resolving them: its answer must be the resolver's.</summary>
    [Fact]
    public async Task The_url_check_answers_as_the_resolver_would()
    {
        var compilation = await CompileAsync();
        int urls = 0;
        var differing = new List<string>();
        foreach (var value in Values(compilation))
        {
            bool isUrl = SinkResolver.IsUrlValue(value, out _);
            bool resolvesToUrl = PortValueResolver.TryResolve(value, out var full) && full.IsText && SinkResolver.IsWholeUrl(full.Text!);
            urls += isUrl ? 1 : 0;
            if (isUrl != resolvesToUrl)
            {
                differing.Add($"{value.Syntax.SyntaxTree.FilePath}: {value.Syntax} (check {isUrl}, resolver {resolvesToUrl})");
            }
        }

        Assert.Empty(differing);
        Assert.True(urls >= 8, $"only {urls} URLs");
    }

    private static async Task<Compilation> CompileAsync()
    {
        var references = await TestReferences.AspNetCore80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var sources = Directory.EnumerateFiles(Repository.PathOf("samples"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Repository.PathOf("tests", "Fixtures"), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal))
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), new CSharpParseOptions(LanguageVersion.Latest), path))
            .Append(CSharpSyntaxTree.ParseText(Shapes, new CSharpParseOptions(LanguageVersion.Latest), "Shapes.cs"));
        return CSharpCompilation.Create("Shapes", sources, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Every value passed as an argument, assigned or used as an initializer.</summary>
    private static IEnumerable<IOperation> Values(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                IOperation? value = model.GetOperation(node) switch
                {
                    IArgumentOperation { ArgumentKind: not ArgumentKind.ParamArray } argument => argument.Value,
                    ISimpleAssignmentOperation assignment => assignment.Value,
                    IVariableInitializerOperation initializer => initializer.Value,
                    _ => null,
                };
                if (value is not null)
                {
                    yield return value;
                }
            }
        }
    }
}
