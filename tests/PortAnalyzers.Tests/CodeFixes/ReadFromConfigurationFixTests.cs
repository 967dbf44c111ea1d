using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.CodeFixes;

public class ReadFromConfigurationFixTests
{
    [Fact]
    public Task Literal_becomes_a_configuration_read_with_the_old_value_as_default()
        => VerifyFix.FixAsync(
            """
            using System.Net;
            using System.Net.Sockets;
            using Microsoft.Extensions.Configuration;

            class MetricsServer
            {
                private readonly IConfiguration configuration;
                public MetricsServer(IConfiguration configuration) => this.configuration = configuration;
                public TcpListener Start() => new TcpListener(IPAddress.Any, {|PORT003:9464|});
            }
            """,
            """
            using System.Net;
            using System.Net.Sockets;
            using Microsoft.Extensions.Configuration;

            class MetricsServer
            {
                private readonly IConfiguration configuration;
                public MetricsServer(IConfiguration configuration) => this.configuration = configuration;
                public TcpListener Start() => new TcpListener(IPAddress.Any, configuration.GetValue("Ports:MetricsServerStart", 9464));
            }
            """,
            VerifyFix.Configuration,
            "PORT003");

    [Fact]
    public Task In_a_constructor_the_parameter_is_read_not_the_field_it_has_not_set_yet()
        => VerifyFix.FixAsync(
            """
            using System.Net;
            using System.Net.Sockets;
            using Microsoft.Extensions.Configuration;

            sealed class Exporter
            {
                private readonly IConfiguration settings;
                private readonly TcpListener listener;

                public Exporter(IConfiguration config)
                {
                    listener = new TcpListener(IPAddress.Any, {|PORT003:7104|});
                    settings = config;
                }
            }
            """,
            """
            using System.Net;
            using System.Net.Sockets;
            using Microsoft.Extensions.Configuration;

            sealed class Exporter
            {
                private readonly IConfiguration settings;
                private readonly TcpListener listener;

                public Exporter(IConfiguration config)
                {
                    listener = new TcpListener(IPAddress.Any, config.GetValue("Ports:Exporter", 7104));
                    settings = config;
                }
            }
            """,
            VerifyFix.Configuration,
            "PORT003");

    [Fact]
    public Task A_const_local_becomes_a_configuration_read_where_it_is_declared_and_appsettings_gets_the_key()
    {
        var test = VerifyFix.Create(
            """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;

            class Program
            {
                static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    const int ApiPort = {|#1:8088|};
                    builder.WebHost.ConfigureKestrel(k => k.ListenAnyIP({|#0:ApiPort|}));
                }
            }
            """,
            """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Configuration;

            class Program
            {
                static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    int ApiPort = builder.Configuration.GetValue("Ports:Api", 8088);
                    builder.WebHost.ConfigureKestrel(k => k.ListenAnyIP(ApiPort));
                }
            }
            """,
            VerifyFix.Configuration,
            "PORT003");
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", "{\n  // logging\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } }\n}\n"));
        test.FixedState.AdditionalFiles.Add(("/0/appsettings.json", "{\n  \"Ports\": {\n    \"Api\": 8088\n  },\n  // logging\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } }\n}\n"));
        test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic("PORT003").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info)
            .WithLocation(0).WithLocation(1).WithArguments(8088L, "KestrelServerOptions.ListenAnyIP"));
        return test.RunAsync();
    }

    [Fact]
    public Task Url_port_becomes_an_interpolated_configuration_read()
    {
        var test = VerifyFix.Create(
            """
            using Microsoft.AspNetCore.Builder;

            class Program
            {
                static void Run(WebApplication app) => app.Urls.Add("http://localhost:{|PORT003:8085|}/");
            }
            """,
            """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Configuration;

            class Program
            {
                static void Run(WebApplication app) => app.Urls.Add($"http://localhost:{app.Configuration.GetValue("Ports:Http", 8085)}/");
            }
            """,
            VerifyFix.Configuration,
            "PORT003");
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", "{\n  \"Ports\": { \"Other\": 1, },\n}"));
        test.FixedState.AdditionalFiles.Add(("/0/appsettings.json", "{\n  \"Ports\": { \"Other\": 1,\n    \"Http\": 8085, },\n}"));
        return test.RunAsync();
    }

    [Fact]
    public Task Keys_are_unique_in_the_project_without_counters_and_fix_all_writes_what_fixing_one_by_one_writes()
    {
        // The first key is taken in appsettings.json already; the second site's name is taken by the first fix.
        var test = VerifyFix.Create(
            """
            using System.Net;
            using System.Net.Sockets;
            using Microsoft.Extensions.Configuration;

            class Gateway
            {
                IConfiguration Configuration { get; } = null!;

                void Start()
                {
                    new TcpListener(IPAddress.Any, {|PORT003:9001|}).Start();
                    new TcpListener(IPAddress.Any, {|PORT003:9002|}).Start();
                }
            }
            """,
            """
            using System.Net;
            using System.Net.Sockets;
            using Microsoft.Extensions.Configuration;

            class Gateway
            {
                IConfiguration Configuration { get; } = null!;

                void Start()
                {
                    new TcpListener(IPAddress.Any, Configuration.GetValue("Ports:GatewayStart9001", 9001)).Start();
                    new TcpListener(IPAddress.Any, Configuration.GetValue("Ports:GatewayStart9002", 9002)).Start();
                }
            }
            """,
            VerifyFix.Configuration,
            "PORT003");
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", "{ \"Ports\": { \"GatewayStart\": 9000 } }"));
        test.FixedState.AdditionalFiles.Add(("/0/appsettings.json", "{ \"Ports\": { \"GatewayStart\": 9000,\n  \"GatewayStart9001\": 9001,\n  \"GatewayStart9002\": 9002 } }"));
        test.NumberOfIncrementalIterations = 2;
        return test.RunAsync();
    }

    // The static IConfiguration is not set yet when the type initializes: the field reads the environment.
    [Fact]
    public Task A_const_field_used_by_several_sinks_becomes_static_readonly_once_and_reads_the_environment_at_type_initialization()
    {
        var test = VerifyFix.Create(
            """
            using System.Net;
            using System.Net.Sockets;
            using Microsoft.Extensions.Configuration;

            static class Gossip
            {
                public static IConfiguration Configuration { get; set; } = null!;

                // The gossip port, shared by the listener and the announcer.
                public const int GossipPort = {|#2:7950|}; // keep in sync with the firewall rules

                public static TcpListener Listen() => new TcpListener(IPAddress.Any, {|#0:GossipPort|});

                public static UdpClient Announce() => new UdpClient({|#1:GossipPort|}, AddressFamily.InterNetwork);
            }
            """,
            """
            using System.Net;
            using System.Net.Sockets;
            using Microsoft.Extensions.Configuration;

            static class Gossip
            {
                public static IConfiguration Configuration { get; set; } = null!;

                // The gossip port, shared by the listener and the announcer.
                public static readonly int GossipPort = PortSettings.FromEnvironment("Ports__Gossip", 7950); // keep in sync with the firewall rules

                public static TcpListener Listen() => new TcpListener(IPAddress.Any, GossipPort);

                public static UdpClient Announce() => new UdpClient(GossipPort, AddressFamily.InterNetwork);
            }
            """ + "\n\n" + FixExpectations.Helper,
            VerifyFix.Configuration,
            "PORT003");
        test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic("PORT003").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info)
            .WithLocation(0).WithLocation(2).WithArguments(7950L, "new TcpListener(...)"));
        test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic("PORT003").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info)
            .WithLocation(1).WithLocation(2).WithArguments(7950L, "new UdpClient(...)"));
        return test.RunAsync();
    }
}
