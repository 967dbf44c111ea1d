using PortAnalyzers.Knowledge;
using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Rules;

public class BrowserUnsafePortRuleTests
{
    private const string Usings = "using System.Net;\nusing System.Net.Http;\nusing System.Net.Sockets;\nusing System.Threading.Tasks;\nusing Microsoft.AspNetCore.Builder;\nusing Microsoft.AspNetCore.Hosting;\n";

    [Theory]
    [InlineData(5060)]
    [InlineData(6000)]
    [InlineData(6665)]
    [InlineData(6669)]
    [InlineData(10080)]
    [InlineData(4190)]
    [InlineData(2049)]
    public Task Http_listener_on_a_bad_port_is_reported(int port)
        => Verify.AnalyzerAsync(
            Usings + $"class C {{ void M(WebApplication app) => app.Urls.Add(\"http://localhost:{{|#0:{port}|}}\"); }}",
            null,
            new[] { "PORT007" },
            Verify.Diagnostic("PORT007").WithLocation(0).WithArguments((long)port, BrowserBadPorts.ServiceOf(port)!));

    [Fact]
    public Task Raw_sockets_and_clients_never_get_PORT007()
        => Verify.AnalyzerAsync(Usings + """
            class C
            {
                object A() => new TcpListener(IPAddress.Any, 6000);
                object B() => new UdpClient(5060);
                Task D(HttpClient c) => c.GetAsync("http://localhost:6000/");
            }
            """, "PORT007");

    [Fact]
    public Task Good_neighbours_of_bad_ports_are_fine()
        => Verify.AnalyzerAsync(Usings + "class C { void M(IWebHostBuilder b) => b.UseUrls(\"http://*:5059\", \"http://*:6001\", \"http://*:10081\", \"http://*:6670\"); }", "PORT007");

    [Fact]
    public Task Allowed_port_silences_PORT007()
        => Verify.AnalyzerAsync(Usings + "class C { void M(IWebHostBuilder b) => b.UseUrls(\"http://*:6000\"); }", "port_analyzers.allowed_ports = 6000", new[] { "PORT007" });
}
