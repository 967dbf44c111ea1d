using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Sinks;

public class SocketSinkTests
{
    [Fact]
    public Task TcpListener_with_ephemeral_literal_is_a_listener()
        => Verify.AnalyzerAsync("""
            using System.Net;
            using System.Net.Sockets;
            class C
            {
                void M() => new TcpListener(IPAddress.Any, {|PORT001:{|PORT002:{|PORT003:60251|}|}|});
            }
            """);
}

/// <summary>Roles of the System.Net.Sockets sinks, asserted through the rules they trigger: listen gets PORT005 on 80,
/// connect never gets PORT001/002/005, unknown gets PORT001 but never PORT002/005.</summary>
public class SocketRoleTests
{
    private const string Usings = "using System.Net;\nusing System.Net.Sockets;\nusing System.Threading.Tasks;\n";
    private static readonly string[] RoleRules = { "PORT001", "PORT002", "PORT005" };

    [Theory]
    [InlineData("new TcpListener(IPAddress.Any, {|PORT005:80|})")]
    [InlineData("new TcpListener(new IPEndPoint(IPAddress.Any, {|PORT005:80|}))")]
    [InlineData("TcpListener.Create({|PORT005:80|})")]
    [InlineData("new UdpClient({|PORT005:80|})")]
    [InlineData("new UdpClient({|PORT005:80|}, AddressFamily.InterNetwork)")]
    [InlineData("new UdpClient(new IPEndPoint(IPAddress.Any, {|PORT005:80|}))")]
    [InlineData("new TcpClient(new IPEndPoint(IPAddress.Any, {|PORT005:80|}))")]
    public Task Listen_sinks(string expression)
        => Verify.AnalyzerAsync(Usings + $"class C {{ object M() => {expression}; }}", RoleRules);

    [Fact]
    public Task Socket_Bind_is_a_listen_sink()
        => Verify.AnalyzerAsync(Usings + "class C { void M(Socket s) => s.Bind(new IPEndPoint(IPAddress.Any, {|PORT002:5432|})); }", RoleRules);

    [Theory]
    [InlineData("new TcpClient(\"h\", 60251)")]
    [InlineData("new UdpClient(\"h\", 60251)")]
    [InlineData("new DnsEndPoint(\"h\", 60251)")]
    [InlineData("new DnsEndPoint(\"h\", 80)")]
    public Task Connect_sinks_in_expressions(string expression)
        => Verify.AnalyzerAsync(Usings + $"class C {{ object M() => {expression}; }}", RoleRules);

    [Theory]
    [InlineData("void M(TcpClient c) => c.Connect(\"h\", 60251);")]
    [InlineData("void M(TcpClient c) => c.Connect(IPAddress.Loopback, 60251);")]
    [InlineData("void M(TcpClient c) => c.Connect(new IPEndPoint(IPAddress.Loopback, 60251));")]
    [InlineData("Task M(TcpClient c) => c.ConnectAsync(\"h\", 60251);")]
    [InlineData("void M(Socket s) => s.Connect(\"h\", 60251);")]
    [InlineData("void M(Socket s) => s.Connect(new IPEndPoint(IPAddress.Loopback, 60251));")]
    [InlineData("void M(Socket s) => s.Connect(new DnsEndPoint(\"h\", 80));")]
    [InlineData("Task M(Socket s) => s.ConnectAsync(\"h\", 60251);")]
    [InlineData("void M(UdpClient u) => u.Connect(\"h\", 60251);")]
    [InlineData("void M(UdpClient u) => u.Send(new byte[1], 1, \"h\", 60251);")]
    [InlineData("void M(Socket s) => s.SendTo(new byte[1], new IPEndPoint(IPAddress.Loopback, 60251));")]
    public Task Connect_sinks_in_statements(string member)
        => Verify.AnalyzerAsync(Usings + $"class C {{ {member} }}", RoleRules);

    [Fact]
    public Task Connect_port_is_still_hardcoded_and_range_checked()
        => Verify.AnalyzerAsync(Usings + "class C { void M(TcpClient c) { c.Connect(\"h\", {|PORT003:60251|}); c.Connect(\"h\", {|PORT004:65536|}); } }", "PORT003", "PORT004");

    [Fact]
    public Task Stored_endpoint_is_unknown_role()
        => Verify.AnalyzerAsync(Usings + "class C { IPEndPoint E = new IPEndPoint(IPAddress.Any, {|PORT001:60251|}); IPEndPoint F = new IPEndPoint(IPAddress.Any, 80); }", RoleRules);

    [Fact]
    public Task Endpoint_local_reaching_a_connect_sink_takes_its_role()
        => Verify.AnalyzerAsync(Usings + """
            class C
            {
                void M(Socket s)
                {
                    var remote = new IPEndPoint(IPAddress.Loopback, 60251);
                    s.Connect(remote);
                }
            }
            """, RoleRules);

    [Theory]
    [InlineData("int")]
    [InlineData("ushort")]
    [InlineData("short")]
    [InlineData("long")]
    [InlineData("uint")]
    public Task Constants_of_every_integral_type_are_resolved(string type)
        => Verify.AnalyzerAsync(Usings + $"class C {{ const {type} P = {{|#1:80|}}; object M() => new TcpListener(IPAddress.Any, {{|#0:(int)P|}}); }}",
            null, new[] { "PORT005" },
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("PORT005", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0).WithLocation(1).WithArguments(80L));

    [Fact]
    public Task Const_local_is_resolved_with_its_declaration()
        => Verify.AnalyzerAsync(Usings + "class C { object M() { const int p = {|#1:80|}; return new TcpListener(IPAddress.Any, {|#0:p|}); } }",
            null, new[] { "PORT005" },
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("PORT005", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0).WithLocation(1).WithArguments(80L));
}
