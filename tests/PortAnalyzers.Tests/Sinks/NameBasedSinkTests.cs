using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Sinks;

/// <summary>Unknown-role sinks found by name: parameters, members and declarations whose name has the word "port".</summary>
public class NameBasedSinkTests
{
    private static readonly string[] RoleRules = { "PORT001", "PORT002", "PORT005" };

    [Theory]
    [InlineData("port")]
    [InlineData("listenPort")]
    [InlineData("gatewayPort")]
    [InlineData("PortNumber")]
    [InlineData("SMTP_PORT")]
    [InlineData("httpPorts")]
    [InlineData("HTTPPort")]
    [InlineData("portNo")]
    [InlineData("Port2")]
    public Task Parameter_named_for_a_port_is_an_unknown_sink(string name)
        => Verify.AnalyzerAsync($"class C {{ void Use(int {name}) {{ }} void M() {{ Use({{|PORT001:60251|}}); Use(80); Use({name}: {{|PORT001:50000|}}); }} }}", RoleRules);

    [Theory]
    [InlineData("Report")]
    [InlineData("Support")]
    [InlineData("Import")]
    [InlineData("Export")]
    [InlineData("Transport")]
    [InlineData("Passport")]
    [InlineData("Viewport")]
    [InlineData("Portal")]
    [InlineData("Portable")]
    [InlineData("reportCount")]
    [InlineData("importance")]
    [InlineData("MaxPort")]
    [InlineData("minPort")]
    [InlineData("PortUpperBound")]
    [InlineData("numPorts")]
    [InlineData("NumberOfPorts")]
    [InlineData("portCount")]
    [InlineData("completionPortThreads")]
    [InlineData("PortsInUse")]
    public Task Near_miss_names_are_not_ports(string name)
        => Verify.AnalyzerAsync($$"""
            class Options { public int {{name}} { get; set; } }
            class C
            {
                void Use(int {{name}}) { }
                void M()
                {
                    Use(60251);
                    var o = new Options { {{name}} = 60251 };
                    o.{{name}} = 60000;
                }
            }
            """);

    [Fact]
    public Task Assignment_and_object_initializer_of_a_port_member_are_unknown_sinks()
        => Verify.AnalyzerAsync("""
            class ServerOptions { public int Port { get; set; } public int AdminPort; }
            class C
            {
                void M(ServerOptions options)
                {
                    options.Port = {|PORT001:60251|};
                    options.AdminPort = {|PORT001:50500|};
                    var o = new ServerOptions { Port = {|PORT001:55555|}, AdminPort = 80 };
                }
            }
            """, RoleRules);

    [Fact]
    public Task Port_member_with_a_constant_initializer_is_a_sink_when_nothing_uses_it()
        => Verify.AnalyzerAsync("""
            class ServerOptions
            {
                public int Port { get; set; } = {|PORT001:60251|};
                public const int DefaultPort = {|PORT001:50123|};
                private static readonly int fallbackPort = {|PORT001:55001|};
                public int Timeout { get; set; } = 60000;
            }
            """, RoleRules);

    [Fact]
    public Task Port_member_used_by_a_sink_is_reported_once_at_the_sink()
        => Verify.AnalyzerAsync(
            """
            using System.Net;
            using System.Net.Sockets;
            class Server
            {
                private const int Port = {|#1:60251|};
                object M() => new TcpListener(IPAddress.Any, {|#0:Port|});
            }
            """,
            null,
            new[] { "PORT001" },
            Verify.Diagnostic("PORT001").WithLocation(0).WithLocation(1).WithArguments(60251L, "49152\u201365535", "IANA", 49152));

    [Fact]
    public Task Local_named_for_a_port_is_reported_at_its_declaration_only_when_no_sink_uses_it()
        => Verify.AnalyzerAsync("""
            using System.Net;
            using System.Net.Sockets;
            class C
            {
                void Unused()
                {
                    int port = {|PORT001:60251|};
                    System.Console.WriteLine(port);
                }

                object Used()
                {
                    var listenPort = 60252;
                    return new TcpListener(IPAddress.Any, {|PORT001:listenPort|});
                }
            }
            """, "PORT001");

    [Fact]
    public Task Parameter_default_is_reported_once_at_its_declaration_not_at_call_sites_that_omit_it()
        => Verify.AnalyzerAsync("class C { void Use(int port = {|PORT001:60251|}) { } void M() { Use(); Use(); } void N(int reportId = 60251, int maxPort = 65535) { } }", RoleRules);

    [Fact]
    public Task Ports_of_the_other_end_are_not_sinks_by_name()
        => Verify.AnalyzerAsync("""
            class Connection { public int RemotePort { get; set; } public int ClientPort { get; set; } public int SourcePort; }
            class C { void M(Connection c) { c.RemotePort = 60251; c.ClientPort = 60000; c.SourcePort = 55555; } }
            """);

    [Fact]
    public Task Local_overridden_from_arguments_is_a_default_not_hardcoded()
        => Verify.AnalyzerAsync("""
            using System.Net;
            using System.Net.Sockets;
            class C
            {
                object M(string[] args)
                {
                    int port = 60251;
                    if (args.Length > 0) port = int.Parse(args[0]);
                    return new TcpListener(IPAddress.Any, {|PORT001:port|});
                }

                object N()
                {
                    int port = 18000;
                    port += 1;
                    return new TcpListener(IPAddress.Any, port);
                }
            }
            """.Replace("{|PORT001:port|}", "{|#0:port|}"), null, new[] { "PORT001", "PORT003" },
            Verify.Diagnostic("PORT001").WithLocation(0).WithSpan(7, 20, 7, 25).WithArguments(60251L, "49152\u201365535", "IANA", 49152));

    [Fact]
    public Task Options_type_defaults_are_not_hardcoded()
        => Verify.AnalyzerAsync("""
            public class ServerOptions { public int Port { get; set; } = {|PORT001:60251|}; }
            public class Other { public int Port { get; set; } = {|PORT001:{|PORT003:60252|}|}; }
            """, "PORT001", "PORT003");

    [Fact]
    public Task Url_strings_in_members_and_locals_are_found_but_prose_is_not()
        => Verify.AnalyzerAsync("""
            using System.Net.Http;
            using System.Threading.Tasks;
            class Client
            {
                public string Target { get; set; } = "https://localhost:1443/";
                const string Help = "By default, 'https://localhost:1443/' is used.";
                Task M(HttpClient http)
                {
                    var prefix = "https://localhost:{|#1:123|}/a/b/";
                    System.Console.WriteLine(Help);
                    return http.GetAsync({|#0:prefix|} + "x");
                }
            }
            """, null, new[] { "PORT003" },
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("PORT003", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithSpan(5, 61, 5, 65).WithArguments(1443L, "property 'Target'"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("PORT003", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0).WithLocation(1).WithArguments(123L, "HttpClient methods"));

    [Fact]
    public Task Assertions_and_test_data_are_not_sinks()
        => Verify.AnalyzerAsync("""
            using System.Net;
            class C
            {
                bool M(IPEndPoint actual) => Equals(new IPEndPoint(IPAddress.Loopback, 7000), actual) && object.Equals("http://localhost:60251", actual.ToString());
                object[] Data() => new object[] { "127.0.0.1:1", new IPEndPoint(IPAddress.Parse("127.0.0.1"), 60251) };
            }
            """);
}

public class WildcardAddressRoleTests
{
    [Fact]
    public Task Port_beside_a_wildcard_address_is_a_listener_even_for_the_projects_own_server_type()
        => Verify.AnalyzerAsync("""
            using System.Net;
            class ChatServer { public ChatServer(IPAddress address, int port) { } }
            class ChatClient { public ChatClient(IPAddress address, int port) { } }
            class C
            {
                object A() => new ChatServer(IPAddress.Any, {|PORT005:443|});
                object B() => new ChatServer(IPAddress.IPv6Any, {|PORT002:5432|});
                object D() => new ChatClient(IPAddress.Loopback, 443);
            }
            """, "PORT002", "PORT005");
}
