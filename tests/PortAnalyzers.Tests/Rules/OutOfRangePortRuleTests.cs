using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Rules;

public class OutOfRangePortRuleTests
{
    private const string Usings = "using System.Net;\nusing System.Net.Sockets;\n";

    [Theory]
    [InlineData("new TcpListener(IPAddress.Any, {|PORT004:65536|})")]
    [InlineData("new TcpListener(IPAddress.Any, {|PORT004:-1|})")]
    [InlineData("new TcpClient(\"db\", {|PORT004:70000|})")]
    [InlineData("new IPEndPoint(IPAddress.Any, {|PORT004:100000|})")]
    public Task Values_outside_0_to_65535_are_errors_in_every_role(string expression)
        => Verify.AnalyzerAsync(Usings + $"class C {{ object M() => {expression}; }}", DiagnosticIds.OutOfRangePort);

    [Fact]
    public Task Out_of_range_value_is_not_also_judged_as_ephemeral_or_hardcoded()
        => Verify.AnalyzerAsync(Usings + "class C { object M() => new TcpListener(IPAddress.Any, {|PORT004:99999|}); }");

    [Theory]
    [InlineData("65535")]
    [InlineData("0")]
    [InlineData("1")]
    public Task Boundary_values_are_valid(string value)
        => Verify.AnalyzerAsync(Usings + $"class C {{ object M() => new TcpClient(\"db\", {value}); }}", DiagnosticIds.OutOfRangePort);

    [Fact]
    public Task Minus_one_in_a_value_named_for_a_port_is_the_no_port_sentinel()
        => Verify.IgnoringCompilerErrorsAsync(Usings + """
            class Options { public int Port { get; set; } = -1; public int AdminPort = -1; }
            class C
            {
                void Use(int port = -1) { }
                void M(Options o, object unbound)
                {
                    int port = -1;
                    o.Port = -1;
                    Use(port: -1);
                    unbound.Configure(port: -1);
                    Use({|PORT004:-2|});
                    new TcpListener(IPAddress.Any, {|PORT004:-1|});
                }
            }
            """, DiagnosticIds.OutOfRangePort);
}
