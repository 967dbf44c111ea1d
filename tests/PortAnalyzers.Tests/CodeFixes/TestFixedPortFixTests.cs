using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using PortAnalyzers.Analyzers;
using PortAnalyzers.CodeFixes;
using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.CodeFixes;

/// <summary>PORT008's fix: bind port 0 and read the bound port back into the variable the test uses.</summary>
public class TestFixedPortFixTests
{
    private const string Usings = "using System.Net;\nusing System.Net.Sockets;\n";

    private static CSharpCodeFixTest<CSharpPortAnalyzer, TestFixedPortCodeFixProvider, DefaultVerifier> Create(string source, string? fixedSource)
    {
        var test = new CSharpCodeFixTest<CSharpPortAnalyzer, TestFixedPortCodeFixProvider, DefaultVerifier>
        {
            TestCode = Usings + source,
            FixedCode = Usings + (fixedSource ?? source),
            ReferenceAssemblies = TestReferences.AspNetCore80,
            CodeActionEquivalenceKey = TestFixedPortCodeFixProvider.EquivalenceKey,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        foreach (var id in Verify.AllIds)
        {
            if (id != "PORT008")
            {
                test.DisabledDiagnostics.Add(id);
            }
        }

        return test;
    }

    [Fact]
    public Task TcpListener_port_in_a_local_becomes_0_and_is_read_back_after_Start()
        => Create("""
            public class EchoTests
            {
                public void Echo()
                {
                    int port = 5000;
                    var listener = new TcpListener(IPAddress.Loopback, {|PORT008:port|});
                    listener.Start();
                    using var client = new TcpClient("localhost", port);
                }
            }
            """, """
            public class EchoTests
            {
                public void Echo()
                {
                    int port = 0;
                    var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    port = ((IPEndPoint)listener.LocalEndpoint).Port;
                    using var client = new TcpClient("localhost", port);
                }
            }
            """).RunAsync();

    [Fact]
    public Task Const_local_stops_being_const()
        => Create("""
            public class EchoTests
            {
                public void Echo()
                {
                    // the server's port
                    const int Port = 5000;
                    var listener = TcpListener.Create({|PORT008:Port|});
                    listener.Start();
                    using var client = new TcpClient("localhost", Port);
                }
            }
            """, """
            public class EchoTests
            {
                public void Echo()
                {
                    // the server's port
                    int Port = 0;
                    var listener = TcpListener.Create(Port);
                    listener.Start();
                    Port = ((IPEndPoint)listener.LocalEndpoint).Port;
                    using var client = new TcpClient("localhost", Port);
                }
            }
            """).RunAsync();

    [Fact]
    public Task UdpClient_and_Socket_read_the_port_back_right_after_binding()
        => Create("""
            public class UdpTests
            {
                public void Receive()
                {
                    var port = 5002;
                    using var udp = new UdpClient({|PORT008:port|});
                    udp.Send(new byte[1], 1, "localhost", port);
                }

                public void Bind()
                {
                    int port = 5003;
                    using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    socket.Bind(new IPEndPoint(IPAddress.Loopback, {|PORT008:port|}));
                    System.Console.WriteLine(port);
                }
            }
            """, """
            public class UdpTests
            {
                public void Receive()
                {
                    var port = 0;
                    using var udp = new UdpClient(port);
                    port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
                    udp.Send(new byte[1], 1, "localhost", port);
                }

                public void Bind()
                {
                    int port = 0;
                    using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
                    port = ((IPEndPoint)socket.LocalEndPoint!).Port;
                    System.Console.WriteLine(port);
                }
            }
            """).RunAsync();

    [Fact]
    public Task Literal_used_nowhere_else_becomes_0()
        => Create("""
            public class ServerTests
            {
                public int Start()
                {
                    var listener = new TcpListener(IPAddress.Loopback, {|PORT008:5000|});
                    listener.Start();
                    return ((IPEndPoint)listener.LocalEndpoint).Port;
                }
            }
            """, """
            public class ServerTests
            {
                public int Start()
                {
                    var listener = new TcpListener(IPAddress.Loopback, 0);
                    listener.Start();
                    return ((IPEndPoint)listener.LocalEndpoint).Port;
                }
            }
            """).RunAsync();

    [Theory]
    [InlineData("public void T() { var l = new TcpListener(IPAddress.Loopback, {|PORT008:5000|}); l.Start(); using var c = new TcpClient(\"localhost\", 5000); }")]
    [InlineData("public void T() { int port = 5000; System.Console.WriteLine(port); var l = new TcpListener(IPAddress.Loopback, {|PORT008:port|}); l.Start(); }")]
    [InlineData("public void T() { int port = 5000; var l = new TcpListener(IPAddress.Loopback, {|PORT008:port|}); }")]
    [InlineData("const int Port = 5000; public void T() { var l = new TcpListener(IPAddress.Loopback, {|PORT008:Port|}); l.Start(); }")]
    [InlineData("public void T(HttpListener l) => l.Prefixes.Add(\"http://localhost:{|PORT008:5007|}/\");")]
    public Task No_fix_where_the_shape_does_not_allow_one(string member)
        => Create($"public class ServerTests {{ {member} }}", null).RunAsync();
}
