using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Rules;

/// <summary>PORT008: test code that binds a listener to a fixed non-zero port.</summary>
public class TestFixedPortRuleTests
{
    private const string Usings = "using System;\nusing System.Net;\nusing System.Net.Sockets;\nusing System.Threading.Tasks;\nusing Microsoft.AspNetCore.Builder;\nusing Microsoft.AspNetCore.Hosting;\nusing Microsoft.AspNetCore.Server.Kestrel.Core;\n";

    [Theory]
    [InlineData("void T() { var l = new TcpListener(IPAddress.Loopback, {|PORT008:5000|}); l.Start(); }")]
    [InlineData("void T() => TcpListener.Create({|PORT008:5001|}).Start();")]
    [InlineData("void T() { using var u = new UdpClient({|PORT008:5002|}); }")]
    [InlineData("void T(Socket s) => s.Bind(new IPEndPoint(IPAddress.Any, {|PORT008:5003|}));")]
    [InlineData("void T(KestrelServerOptions k) => k.ListenLocalhost({|PORT008:5004|});")]
    [InlineData("void T(IWebHostBuilder b) => b.UseUrls(\"http://localhost:{|PORT008:5005|}\");")]
    [InlineData("void T(WebApplication app) => app.Urls.Add(\"http://127.0.0.1:{|PORT008:5006|}\");")]
    [InlineData("void T(HttpListener l) => l.Prefixes.Add(\"http://localhost:{|PORT008:5007|}/\");")]
    [InlineData("void T(WebApplication app, string host) => app.Urls.Add($\"http://{host}:{|PORT008:5008|}\");")]
    [InlineData("const int Port = 5009; void T() => new TcpListener(IPAddress.Loopback, {|PORT008:Port|}).Start();")]
    public Task Listener_on_a_fixed_port_in_a_test_project(string member)
        => Verify.InTestProjectAsync(Usings + $"public class ServerTests {{ {member} }}", null, "PORT008");

    [Fact]
    public Task The_projects_own_server_on_a_wildcard_address_is_a_listener()
        => Verify.InTestProjectAsync(Usings + """
            public class ChatServer { public ChatServer(IPAddress address, int port) { } }
            public class ChatTests
            {
                object Bound() => new ChatServer(IPAddress.Any, {|PORT008:7777|});
                object Unknown() => new ChatServer(IPAddress.Parse("10.0.0.5"), 7777);
            }
            """, null, "PORT008");

    [Fact]
    public Task Ports_a_test_only_connects_to_port_zero_and_parsed_data_are_not_reported()
    {
        var test = Verify.Create(Usings + """
            using Xunit;
            public class ClientTests
            {
                [Fact]
                public void Connects() { using var client = new TcpClient("localhost", 5432); }

                [Fact]
                public void Ephemeral()
                {
                    var listener = new TcpListener(IPAddress.Loopback, 0);
                    listener.Start();
                    int port = ((IPEndPoint)listener.LocalEndpoint).Port;
                    Assert.NotEqual(5000, port);
                }

                [Theory]
                [InlineData("http://localhost:5000/", 5000)]
                [InlineData("http://localhost:7000/", 7000)]
                public void ParsesUrls(string url, int expected) => Assert.Equal(expected, new Uri(url).Port);

                [Fact]
                public void Endpoints() => Assert.Equal(new IPEndPoint(IPAddress.Loopback, 8080), new IPEndPoint(IPAddress.Loopback, 8080));
            }
            """, null, new[] { "PORT008" });
        test.ReferenceAssemblies = TestReferences.Xunit;
        return test.RunAsync();
    }

    [Fact]
    public Task A_port_the_test_reads_from_configuration_is_not_fixed()
        => Verify.InTestProjectAsync(Usings + """
            public class ServerTests
            {
                void T(string[] args)
                {
                    int port = 5000;
                    if (args.Length > 0) port = int.Parse(args[0]);
                    new TcpListener(IPAddress.Loopback, port).Start();
                    new TcpListener(IPAddress.Loopback, int.TryParse(Environment.GetEnvironmentVariable("PORT"), out var p) ? p : 5001).Start();
                }
            }
            """, null, "PORT008");

    [Fact]
    public Task Product_code_that_listens_on_a_fixed_port_is_not_a_test()
        => Verify.AnalyzerAsync(Usings + "public class Server { void Start() => new TcpListener(IPAddress.Loopback, 5000).Start(); }", "PORT008");

    [Fact]
    public Task PORT008_is_a_warning_and_names_the_way_out()
        => Verify.AnalyzerAsync(
            Usings + "public class ServerTests { void T() => TcpListener.Create({|#0:5001|}).Start(); }",
            "build_property.IsTestProject = true",
            new[] { "PORT008" },
            Verify.Diagnostic("PORT008").WithLocation(0).WithArguments(5001L, "TcpListener.Create"));
}
