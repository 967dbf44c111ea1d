using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Rules;

public class PrivilegedPortRuleTests
{
    private const string Usings = "using System.Net;\nusing System.Net.Sockets;\n";

    [Theory]
    [InlineData("new TcpListener(IPAddress.Any, {|PORT005:80|})")]
    [InlineData("new TcpListener(IPAddress.Any, {|PORT005:1023|})")]
    [InlineData("new UdpClient({|PORT005:53|})")]
    [InlineData("TcpListener.Create({|PORT005:1|})")]
    public Task Listener_below_1024_is_reported(string expression)
        => Verify.AnalyzerAsync(Usings + $"class C {{ object M() => {expression}; }}", DiagnosticIds.PrivilegedPort);

    [Theory]
    [InlineData("new TcpListener(IPAddress.Any, 1024)")]
    [InlineData("new TcpClient(\"smtp.example.com\", 25)")]
    [InlineData("new IPEndPoint(IPAddress.Any, 443)")]
    public Task Unprivileged_listeners_connections_and_unknown_roles_are_not_reported(string expression)
        => Verify.AnalyzerAsync(Usings + $"class C {{ object M() => {expression}; }}", DiagnosticIds.PrivilegedPort);

    [Fact]
    public Task Allowed_privileged_port_is_not_reported()
        => Verify.AnalyzerAsync(
            Usings + "class C { object M() => new TcpListener(IPAddress.Any, 443); }",
            "port_analyzers.allowed_ports = 443",
            new[] { DiagnosticIds.PrivilegedPort });
}
