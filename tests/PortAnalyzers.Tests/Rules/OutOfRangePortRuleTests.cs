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
    public Task Minus_one_stored_or_declared_as_a_port_is_the_no_port_sentinel()
        => Verify.IgnoringCompilerErrorsAsync(Usings + """
            class Options { public int Port { get; set; } = -1; public int AdminPort = -1; }
            record Response(string Host, int Port);
            class C
            {
                void Use(int port = -1) { }
                void M(Options o, object unbound)
                {
                    int port = -1;
                    o.Port = -1;
                    var response = new Response("", -1);
                    new MissingResponse(port: -1);
                    Use({|PORT004:-2|});
                    new TcpListener(IPAddress.Any, {|PORT004:-1|});
                }
            }
            """, DiagnosticIds.OutOfRangePort);

    [Fact]
    public Task Minus_one_handed_to_a_method_that_acts_on_it_is_out_of_range()
        => Verify.IgnoringCompilerErrorsAsync(Usings + """
            class MailClient { public void Connect(string host, int port, bool useSsl) { } }
            class ProxyClient { public ProxyClient(string host, int port) { } }
            class C
            {
                void M(MailClient client, object unbound)
                {
                    client.Connect("imap.example.com", {|PORT004:-1|}, true);
                    new ProxyClient("proxy", {|PORT004:-1|});
                    unbound.Configure(port: {|PORT004:-1|});
                }
            }
            """, DiagnosticIds.OutOfRangePort);

    [Fact]
    public Task Minus_one_as_the_default_of_a_read_means_not_set()
        => Verify.AnalyzerAsync(Usings + """
            using Microsoft.AspNetCore.Server.Kestrel.Core;
            using Microsoft.Extensions.Configuration;
            class C
            {
                void M(IConfiguration configuration, KestrelServerOptions options)
                {
                    var http1Port = configuration.GetValue("port_http1", -1);
                    if (http1Port != -1) options.ListenAnyIP(http1Port);
                    options.ListenAnyIP(configuration.GetValue("port_http3", -1));
                    options.ListenAnyIP(configuration.GetValue("port_http4", {|PORT004:-5|}));
                }
            }
            """, DiagnosticIds.OutOfRangePort);
}
