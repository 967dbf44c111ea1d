using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Sinks;

/// <summary>
/// Numbers that are not ports, standing in networking code. Every rule must stay silent on every one of them.
/// </summary>
public class TrapTests
{
    private const string Prelude = """
        using System;
        using System.Net;
        using System.Net.Http;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Server.Kestrel.Core;

        """;

    public static TheoryData<string> Traps => new()
    {
        // Timeouts and delays.
        "void M() => Thread.Sleep(50000);",
        "Task M() => Task.Delay(60000);",
        "object M() => TimeSpan.FromMilliseconds(60000);",
        "object M() => TimeSpan.FromSeconds(50000);",
        "void M(Socket s) { s.ReceiveTimeout = 60000; s.SendTimeout = 55000; }",
        "void M(TcpClient c) { c.ReceiveTimeout = 60000; c.SendTimeout = 60000; }",
        "object M() => new HttpClient { Timeout = TimeSpan.FromMilliseconds(65000) };",
        "object M() => new CancellationTokenSource(60000);",
        "void M(KestrelServerOptions k) => k.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(60000);",
        // Sizes and buffers.
        "object M() => new byte[65536];",
        "object M() => new byte[49152];",
        "void M(Socket s) { s.ReceiveBufferSize = 65536; s.SendBufferSize = 60000; }",
        "void M(TcpClient c) => c.ReceiveBufferSize = 65535;",
        "object M() => new System.IO.MemoryStream(60000);",
        "object M() => new System.Text.StringBuilder(50000);",
        "void M(KestrelServerOptions k) { k.Limits.MaxRequestBodySize = 60000; k.Limits.MaxRequestHeadersTotalSize = 65536; }",
        "void M(Socket s) { var b = new byte[60000]; s.Receive(b, 0, 60000, SocketFlags.None); }",
        // Counts, backlogs, retries.
        "void M(Socket s) => s.Listen(60000);",
        "void M(TcpListener l) => l.Start(50000);",
        "object M() => new SemaphoreSlim(50000);",
        "object M() => new System.Collections.Generic.List<int>(60000);",
        "void M(KestrelServerOptions k) => k.Limits.MaxConcurrentConnections = 60000;",
        "int Retries = 50000; int Count() => Retries;",
        "object M() => Enumerable(60000); static object Enumerable(int count) => count;",
        // Status codes, years, versions, limits.
        "object M() => Results.StatusCode(404);",
        "void M(HttpContext c) => c.Response.StatusCode = 503;",
        "object M() => new DateTime(2024, 1, 1);",
        "object M() => new Version(60000, 1);",
        "object M() => new TcpListener(IPAddress.Any, ushort.MaxValue);",
        "object M() => new TcpListener(IPAddress.Any, IPEndPoint.MaxPort);",
        "object M() => new IPEndPoint(IPAddress.Any, IPEndPoint.MinPort);",
        "const int MaxPort = 65535; const int MinPort = 1024; bool Ok(int p) => p >= MinPort && p <= MaxPort;",
        "bool M(int port) => port > 49151 && port < 65536;",
        "object M() => Random.Shared.Next(49152, 65535);",
        // Numbers in URLs that are not ports.
        "Task M(HttpClient c) => c.GetAsync(\"http://api.example.com/orders/60251\");",
        "Task M(HttpClient c) => c.GetAsync(\"https://api.example.com/search?port=60251&limit=65535\");",
        "Task M(HttpClient c) => c.GetAsync(\"https://docs.example.com/page#60251\");",
        "object M() => new Uri(\"https://example.com/v60251/items\");",
        "void M(WebApplication app) => app.MapGet(\"/orders/{id:int}\", (int id) => id);",
        "object M() => new Uri(\"/relative/60251\", UriKind.Relative);",
        "string M() => \"Listening on port 60251\";",
        "string M() => \"localhost:60251\";",
        "object M() => string.Format(\"{0}:{1}\", \"h\", 60251);",
        // Camel-case near misses.
        "void Report(int id) { } void M() => Report(60251);",
        "void M(int reportId = 60251) { }",
        "class Transport { public int Id { get; set; } } object M() => new Transport { Id = 60251 };",
        "int Support = 60251; int Passport = 60000; int Viewport = 50000;",
        "void Import(int count) { } void Export(int rows) { } void M() { Import(60000); Export(55555); }",
        // Port 0 and values that only flow from configuration.
        "object M() => new TcpListener(IPAddress.Any, 0);",
        "object M(int configured) => new TcpListener(IPAddress.Any, configured);",
        "object M() => new TcpListener(IPAddress.Any, int.Parse(Environment.GetEnvironmentVariable(\"PORT\") ?? \"0\"));",
        // Arithmetic and hashing near sockets.
        "int M(int basePort) => basePort + 60000;",
        "object M() => new TcpListener(IPAddress.Any, 50000 + Environment.ProcessId % 1000);",
        "int M(string s) => s.GetHashCode() % 65536;",
    };

    [Theory]
    [MemberData(nameof(Traps))]
    public Task Number_that_is_not_a_port_is_never_reported(string member)
        => Verify.AnalyzerAsync(Prelude + "class C\n{\n" + member + "\n}\n");

    [Fact]
    public void Suite_has_at_least_forty_traps() => Assert.True(Traps.Count >= 40);
}
