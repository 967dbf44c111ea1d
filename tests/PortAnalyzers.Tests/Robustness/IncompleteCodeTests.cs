using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Robustness;

/// <summary>Code as it stands while being typed in an IDE: the analyzers must stay silent or report, never throw.</summary>
public class IncompleteCodeTests
{
    public static TheoryData<string> HalfTypedSources => new()
    {
        "using System.Net.Sockets; class C { void M() { new TcpListener(",
        "using System.Net.Sockets; class C { void M() { new TcpListener(System.Net.IPAddress.Any, ",
        "using System.Net.Sockets; class C { void M() { new TcpListener(System.Net.IPAddress.Any, 60251",
        "using System.Net.Sockets; class C { void M() { var l = TcpListener.Create(6",
        "using System.Net; class C { void M() { var e = new IPEndPoint(IPAddress.Any, port: ); } }",
        "using System.Net.Sockets; class C { void M(Socket s) { s.Bind(new System.Net.IPEndPoint(",
        "using System.Net.Sockets; class C { const int Port = ; void M() => new TcpListener(System.Net.IPAddress.Any, Port); }",
        "using System.Net.Sockets; class C { const int Port = Port; void M() => new TcpListener(System.Net.IPAddress.Any, Port); }",
        "using System.Net.Sockets; class C { static readonly int Port = 60251 void M() => new TcpListener(System.Net.IPAddress.Any, Port); }",
        "class C { void M() { Foo(port: 60251); } }",
        "class C { int Port { get; set; } = ; }",
        "class C { void M() { int port = 60251 } }",
        "class C { void M() { var o = new { Port = 60251 }; } }",
        "using Microsoft.AspNetCore.Builder; class C { void M(WebApplication app) { app.Urls.Add(\"http://*:",
        "using Microsoft.AspNetCore.Builder; class C { void M(WebApplication app) { app.Urls.Add(\"http://*:60251\" + ); } }",
        "using Microsoft.AspNetCore.Hosting; class C { void M(IWebHostBuilder b) { b.UseUrls(\"http://[::1:5000\", null, \"\"); } }",
        "using Microsoft.AspNetCore.Hosting; class C { void M(IWebHostBuilder b) { b.UseUrls(new string[] { \"http://*:1\" }); } }",
        "class C { void M() { new System.Uri(\"http://host:99999999999999999999\"); } }",
        "class C { void M() { new System.Uri(\"://:\"); new System.Uri(\"http://:\"); new System.Uri(\"http://@:/\"); } }",
        "class C { void M() { new System.Net.Sockets.TcpClient(null, 60251); new System.Net.Sockets.TcpClient(\"h\", (int)60251L); } }",
        "class C { void M() { System.Net.Sockets.TcpListener.Create(int.MaxValue); System.Net.Sockets.TcpListener.Create(-2147483648); } }",
        "class C { void M() { new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, ushort.MaxValue + 1); } }",
        "class C<T> where T : struct { void M(T port) { Foo(port); } void Foo(int port) { } }",
        "partial class C { partial void M(int port = 60251); }",
        "class C { void M(int port = 60251) { } void N() => M(); }",
        "#if\nclass",
        "}}}}{{{{ new TcpListener(IPAddress.Any, 60251",
        "class C { void M() { var x = $\"http://localhost:{60251}\"; new System.Uri(x); } }",
        "class C { string Url = @\"http://localhost:60251\"; void M() => new System.Uri(Url); }",
        "class C { void M() => new System.Uri(\"\"\"http://localhost:60251/\"\"\"); }",
        "unsafe class C { void M(delegate* unmanaged<int, void> listen, delegate*<int, int> port) { listen(60251); port(60251); } }",
        "class C { void M(object b) { b.WithHttpEndpoint(port: 60251).WithHostPort(5000).Missing(targetPort: ); } }",
        "class C { void M(System.Net.HttpListener l, string h) { l.Prefixes.Add($\"http://{h}:60251{{/\"); l.Prefixes.Add(string.Format(\"http://{0}:{1\", h)); } }",
    };

    [Theory]
    [MemberData(nameof(HalfTypedSources))]
    public async Task Half_typed_code_never_throws(string source)
    {
        var result = await AnalyzerRunner.RunAsync(source);
        Assert.Empty(result.Exceptions);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task Cancellation_is_honoured()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => AnalyzerRunner.RunAsync("class C { void M() => System.Net.Sockets.TcpListener.Create(60251); }", cancellationToken: cts.Token));
    }
}
