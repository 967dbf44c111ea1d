using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Rules;

public class EphemeralPortRuleTests
{
    private const string Usings = "using System.Net;\nusing System.Net.Sockets;\n";

    [Theory]
    [InlineData("new TcpListener(IPAddress.Any, {|PORT001:51000|})")]
    [InlineData("TcpListener.Create({|PORT001:51000|})")]
    [InlineData("new UdpClient({|PORT001:51000|})")]
    [InlineData("new UdpClient({|PORT001:51000|}, AddressFamily.InterNetworkV6)")]
    [InlineData("new UdpClient(new IPEndPoint(IPAddress.Loopback, {|PORT001:51000|}))")]
    [InlineData("new TcpListener(new IPEndPoint(IPAddress.Any, {|PORT001:65535|}))")]
    public Task Listener_in_iana_range_is_reported(string expression)
        => Verify.AnalyzerAsync(Usings + $"class C {{ object M() => {expression}; }}", DiagnosticIds.EphemeralPort);

    [Fact]
    public Task Socket_Bind_with_endpoint_in_range_is_reported()
        => Verify.AnalyzerAsync(Usings + """
            class C
            {
                void M(Socket socket) => socket.Bind(new IPEndPoint(IPAddress.Any, {|PORT001:49152|}));
            }
            """, DiagnosticIds.EphemeralPort);

    [Fact]
    public Task Endpoint_in_a_local_then_bound_is_reported_once()
        => Verify.AnalyzerAsync(Usings + """
            class C
            {
                void M(Socket socket)
                {
                    var endpoint = new IPEndPoint(IPAddress.Any, {|PORT001:60000|});
                    socket.Bind(endpoint);
                }
            }
            """, DiagnosticIds.EphemeralPort);

    [Theory]
    [InlineData("new TcpListener(IPAddress.Any, 49151)")]
    [InlineData("new TcpListener(IPAddress.Any, 8080)")]
    [InlineData("new TcpListener(IPAddress.Any, 0)")]
    [InlineData("new TcpClient(\"db.internal\", 60251)")]
    [InlineData("new UdpClient(\"metrics.internal\", 60251)")]
    public Task Ports_below_the_range_zero_and_outgoing_connections_are_not_reported(string expression)
        => Verify.AnalyzerAsync(Usings + $"class C {{ object M() => {expression}; }}", DiagnosticIds.EphemeralPort);

    [Fact]
    public Task Stored_endpoint_has_unknown_role_and_is_reported()
        => Verify.AnalyzerAsync(Usings + """
            class C
            {
                private readonly IPEndPoint endpoint = new IPEndPoint(IPAddress.Any, {|PORT001:50500|});
            }
            """, DiagnosticIds.EphemeralPort);

    [Fact]
    public Task Const_port_is_reported_at_the_sink_with_its_declaration_as_additional_location()
        => Verify.AnalyzerAsync(
            Usings + """
            class C
            {
                private const int Port = {|#1:60251|};
                object M() => new TcpListener(IPAddress.Any, {|#0:Port|});
            }
            """,
            editorConfig: null,
            new[] { DiagnosticIds.EphemeralPort },
            Verify.Diagnostic(DiagnosticIds.EphemeralPort).WithLocation(0).WithLocation(1)
                .WithArguments(60251L, "49152\u201365535", "IANA", 49152));

    [Fact]
    public Task Static_readonly_field_and_local_with_literal_initializer_are_resolved()
        => Verify.AnalyzerAsync(
            Usings + """
            class C
            {
                private static readonly int Port = {|#1:60251|};
                object A() => new TcpListener(IPAddress.Any, {|#0:Port|});
                object B()
                {
                    int listen = {|#3:55555|};
                    return new TcpListener(IPAddress.Any, {|#2:listen|});
                }
            }
            """,
            editorConfig: null,
            new[] { DiagnosticIds.EphemeralPort },
            Verify.Diagnostic(DiagnosticIds.EphemeralPort).WithLocation(0).WithLocation(1).WithArguments(60251L, "49152\u201365535", "IANA", 49152),
            Verify.Diagnostic(DiagnosticIds.EphemeralPort).WithLocation(2).WithLocation(3).WithArguments(55555L, "49152\u201365535", "IANA", 49152));

    [Theory]
    [InlineData("linux", 40000, true)]
    [InlineData("linux", 61000, false)]
    [InlineData("iana", 40000, false)]
    [InlineData("windows", 49152, true)]
    [InlineData("macos", 49151, false)]
    [InlineData("freebsd", 10000, true)]
    [InlineData("all", 32768, true)]
    [InlineData("all", 32767, false)]
    [InlineData("50000-50100,60000-65535", 50050, true)]
    [InlineData("50000-50100,60000-65535", 55000, false)]
    public Task Ephemeral_range_option_selects_the_range(string option, int port, bool reported)
    {
        var literal = reported ? "{|PORT001:" + port + "|}" : port.ToString();
        return Verify.AnalyzerAsync(
            Usings + $"class C {{ object M() => new TcpListener(IPAddress.Any, {literal}); }}",
            $"port_analyzers.ephemeral_range = {option}",
            new[] { DiagnosticIds.EphemeralPort });
    }

    [Fact]
    public Task MSBuild_property_selects_the_range_and_editorconfig_key_wins_over_it()
    {
        var test = Verify.Create(
            Usings + "class C { object M() => new TcpListener(IPAddress.Any, {|PORT001:40000|}); object N() => new TcpListener(IPAddress.Any, 61000); }",
            "build_property.PortAnalyzersEphemeralRange = linux",
            new[] { DiagnosticIds.EphemeralPort });
        return test.RunAsync();
    }

    [Fact]
    public Task Allowed_ports_are_never_reported()
        => Verify.AnalyzerAsync(
            Usings + "class C { object A() => new TcpListener(IPAddress.Any, 60251); object B() => new TcpListener(IPAddress.Any, 50005); object D() => new TcpListener(IPAddress.Any, {|PORT001:50011|}); }",
            "port_analyzers.allowed_ports = 60251, 50000-50010",
            new[] { DiagnosticIds.EphemeralPort });

    [Fact]
    public Task Message_names_value_range_owner_and_way_out()
        => Verify.AnalyzerAsync(
            Usings + "class C { object M() => new TcpListener(IPAddress.Any, {|#0:40000|}); }",
            "port_analyzers.ephemeral_range = linux",
            new[] { DiagnosticIds.EphemeralPort },
            Verify.Diagnostic(DiagnosticIds.EphemeralPort).WithLocation(0).WithArguments(40000L, "32768\u201360999", "Linux default", 32768));
}
