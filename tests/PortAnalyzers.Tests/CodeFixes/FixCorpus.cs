namespace PortAnalyzers.Tests.CodeFixes;

/// <summary>
/// Code shapes a port is written in, as real services write them: top-level statements and minimal APIs,
/// Program/Startup, hosted services, static constructors and static field initializers, expression-bodied members,
/// lambdas, switch arms, records and primary constructors, partial classes, interpolated, verbatim and raw strings,
/// const locals, optional parameters, attributes, and fields used by several sinks. Each compiles as written.
/// </summary>
internal static class FixCorpus
{
    public const string AppSettings = """
        {
          // Logging as the template writes it.
          "Logging": {
            "LogLevel": {
              "Default": "Information"
            }
          },
          "AllowedHosts": "*"
        }
        """;

    private const string WebUsings = """
        using System;
        using System.Net;
        using System.Net.Sockets;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        """;

    private const string SocketUsings = """
        using System;
        using System.Net;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        """;

    public static readonly Dictionary<string, (string Name, string Source)[]> Shapes = new()
    {
        // Top-level statements and minimal APIs, configuration in reach.
        ["TopLevel_UseUrls"] = Web("""
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.UseUrls("http://localhost:5080", "https://localhost:5443");
            builder.Build().Run();
            """),
        ["TopLevel_ConfigureKestrel_lambda"] = Web("""
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.ListenLocalhost(9464); // metrics
            });
            builder.Build().Run();
            """),
        ["TopLevel_const_local_two_sinks"] = Web("""
            var builder = WebApplication.CreateBuilder(args);
            const int AdminPort = 8088; // the admin endpoint
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(AdminPort));
            var admin = new TcpListener(IPAddress.Loopback, AdminPort + 0);
            builder.Build().Run();
            """),
        ["TopLevel_app_Urls_Add"] = Web("""
            var app = WebApplication.CreateBuilder(args).Build();
            app.Urls.Add("http://0.0.0.0:7080");
            app.Run();
            """),
        ["TopLevel_app_Run_url"] = Web("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/", () => "orders");
            app.Run("http://localhost:5090");
            """),
        ["TopLevel_local_with_literal"] = Web("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            int replicationPort = 7400;
            var replication = new TcpListener(IPAddress.Any, replicationPort);
            replication.Start();
            app.Run();
            """),
        ["MinimalApi_Listen_endpoint"] = Web("""
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 5005));
            var app = builder.Build();
            app.MapGet("/health", () => Results.Ok());
            app.Run();
            """),
        ["TopLevel_const_in_case_label"] = Web("""
            var builder = WebApplication.CreateBuilder(args);
            const int EdgePort = 60251;
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(EdgePort));
            var kind = args.Length switch { EdgePort => "edge", _ => "main" };
            builder.Build().Run();
            """),
        ["TopLevel_static_lambda"] = Web("""
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.ConfigureKestrel(static kestrel => kestrel.ListenLocalhost(5010));
            builder.Build().Run();
            """),
        ["TopLevel_verbatim_url"] = Web(""""
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.UseUrls(@"http://localhost:5011");
            builder.Build().Run();
            """"),
        ["TopLevel_raw_url"] = Web(""""
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.UseUrls("""http://localhost:5012""");
            builder.Build().Run();
            """"),
        ["TopLevel_url_concatenation"] = Web("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var prefix = "/api";
            app.Urls.Add("http://localhost:5013" + prefix);
            app.Run();
            """),

        // Top-level statements without configuration: a socket service.
        ["TopLevel_socket_listener"] = Socket("""
            var listener = new TcpListener(IPAddress.Any, 9100);
            listener.Start();
            """),
        ["TopLevel_socket_const_two_listeners"] = Socket("""
            const int ReplicaPort = 63146;
            var primary = new TcpListener(IPAddress.Any, ReplicaPort);
            var replica = new TcpListener(IPAddress.Loopback, ReplicaPort);
            """),
        ["TopLevel_socket_privileged_udp"] = Socket("""
            using var syslog = new UdpClient(514);
            """),
        ["TopLevel_socket_httplistener_braces"] = Socket("""
            var http = new HttpListener();
            http.Prefixes.Add("http://+:8099/{app}/");
            """),
        ["TopLevel_socket_ushort_local"] = Socket("""
            ushort beaconPort = 9200;
            using var beacon = new UdpClient(beaconPort);
            """),

        // Program and Startup classes.
        ["Program_Main_builder"] = Web("""
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.WebHost.UseUrls("http://*:5020");
                    builder.Build().Run();
                }
            }
            """),
        ["Program_CreateHostBuilder_expression_bodied"] = Web("""
            public static class Program
            {
                public static void Main(string[] args) => CreateHostBuilder(args).Build().Run();

                public static IHostBuilder CreateHostBuilder(string[] args) =>
                    Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseUrls("http://*:5030"));
            }
            """),
        ["Program_const_field_two_sinks"] = Web("""
            public static class Program
            {
                public const int ApiPort = 5031;

                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.WebHost.ConfigureKestrel(k => k.ListenAnyIP(ApiPort));
                    Console.WriteLine(new IPEndPoint(IPAddress.Loopback, ApiPort));
                    builder.Build().Run();
                }
            }
            """),
        ["Startup_configuration_property"] = Web("""
            public sealed class Startup
            {
                public Startup(IConfiguration configuration) => Configuration = configuration;

                public IConfiguration Configuration { get; }

                public void ConfigureServices(IServiceCollection services)
                    => services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.ListenAnyIP(5032));
            }
            """),
        ["Startup_static_factory"] = Web("""
            public static class Endpoints
            {
                public static TcpListener Create() => TcpListener.Create(5033);
            }
            """),

        // Hosted services.
        ["HostedService_const_field_udp"] = Web("""
            public sealed class HeartbeatService : BackgroundService
            {
                private const int MonitorPort = 7531;

                protected override async System.Threading.Tasks.Task ExecuteAsync(System.Threading.CancellationToken stoppingToken)
                {
                    using var udp = new UdpClient();
                    await udp.SendAsync(new byte[] { 1 }, "monitor.internal", MonitorPort, stoppingToken);
                }
            }
            """),
        ["HostedService_injected_configuration"] = Web("""
            public sealed class IngestService : IHostedService
            {
                private readonly IConfiguration configuration;
                private TcpListener? listener;

                public IngestService(IConfiguration configuration) => this.configuration = configuration;

                public System.Threading.Tasks.Task StartAsync(System.Threading.CancellationToken cancellationToken)
                {
                    listener = new TcpListener(IPAddress.Any, 7101);
                    listener.Start();
                    return System.Threading.Tasks.Task.CompletedTask;
                }

                public System.Threading.Tasks.Task StopAsync(System.Threading.CancellationToken cancellationToken)
                {
                    listener?.Stop();
                    return System.Threading.Tasks.Task.CompletedTask;
                }
            }
            """),
        ["Constructor_field_not_set_yet_parameter_nearer"] = Web("""
            public sealed class Exporter
            {
                private readonly IConfiguration settings;
                private readonly TcpListener listener;

                public Exporter(IConfiguration config, string settings)
                {
                    listener = new TcpListener(IPAddress.Any, 7104);
                    this.settings = config;
                    Console.WriteLine(settings);
                }
            }
            """),
        ["HostedService_primary_constructor"] = Web("""
            public sealed class SyncService(IConfiguration configuration) : BackgroundService
            {
                protected override System.Threading.Tasks.Task ExecuteAsync(System.Threading.CancellationToken stoppingToken)
                {
                    var listener = new TcpListener(IPAddress.Any, 7102);
                    listener.Start();
                    return System.Threading.Tasks.Task.CompletedTask;
                }
            }
            """),
        ["HostedService_static_readonly_field"] = Web("""
            public sealed class PollService : BackgroundService
            {
                private static readonly int PollerPort = 7103;

                protected override System.Threading.Tasks.Task ExecuteAsync(System.Threading.CancellationToken stoppingToken)
                {
                    using var client = new TcpClient("poller", PollerPort);
                    return System.Threading.Tasks.Task.CompletedTask;
                }
            }
            """),
        ["HostedService_const_in_switch_case"] = Web("""
            public sealed class RouterService : BackgroundService
            {
                private const int FallbackPort = 50001;

                public static string Describe(int port)
                {
                    switch (port)
                    {
                        case FallbackPort:
                            return "fallback";
                        default:
                            return "primary";
                    }
                }

                protected override System.Threading.Tasks.Task ExecuteAsync(System.Threading.CancellationToken stoppingToken)
                {
                    new TcpListener(IPAddress.Any, FallbackPort).Start();
                    return System.Threading.Tasks.Task.CompletedTask;
                }
            }
            """),

        // Static constructors and static field initializers.
        ["Static_field_initializer"] = Socket("""
            public static class Relay
            {
                public static readonly TcpListener Listener = new TcpListener(IPAddress.Any, 7200);
            }
            """),
        ["Static_constructor"] = Socket("""
            public sealed class Relay
            {
                private static readonly TcpListener Listener;

                static Relay()
                {
                    Listener = new TcpListener(IPAddress.Any, 7201);
                }

                public static void Start() => Listener.Start();
            }
            """),
        ["Static_configuration_property"] = Web("""
            public static class Settings
            {
                public static IConfiguration Configuration { get; set; } = new ConfigurationBuilder().Build();

                public static readonly TcpListener Listener = new TcpListener(IPAddress.Any, 7202);
            }
            """),
        ["Instance_field_initializer_with_configuration_field"] = Web("""
            public sealed class Collector
            {
                private readonly IConfiguration configuration = new ConfigurationBuilder().Build();
                private readonly TcpListener listener = new TcpListener(IPAddress.Any, 7203);

                public void Start() => listener.Start();
            }
            """),
        ["Static_initializer_reads_const_declared_later"] = Socket("""
            public static class Gate
            {
                public static readonly TcpListener Listener = new TcpListener(IPAddress.Any, GatePort);
                private const int GatePort = 60204;
            }
            """),
        ["Static_readonly_field_two_methods"] = Socket("""
            public sealed class Telemetry
            {
                private static readonly int TelemetryPort = 7205;

                public TcpListener Listen() => new TcpListener(IPAddress.Any, TelemetryPort);

                public UdpClient Receive() => new UdpClient(TelemetryPort);
            }
            """),

        // Expression-bodied members.
        ["ExpressionBodied_method"] = Socket("""
            public sealed class Relay
            {
                public TcpListener Listen() => new TcpListener(IPAddress.Any, 7300);
            }
            """),
        ["ExpressionBodied_connect"] = Socket("""
            public sealed class Ledger
            {
                public TcpClient Connect() => new TcpClient("ledger.internal", 7301);
            }
            """),
        ["ExpressionBodied_constructor"] = Socket("""
            public sealed class Server
            {
                private readonly TcpListener listener;

                public Server() => listener = new TcpListener(IPAddress.Any, 7302);

                public void Start() => listener.Start();
            }
            """),
        ["ExpressionBodied_local_function"] = Socket("""
            public static class Tools
            {
                public static void Run()
                {
                    TcpListener Open() => TcpListener.Create(7303);
                    Open().Start();
                }
            }
            """),
        ["ExpressionBodied_property_getter"] = Socket("""
            public sealed class Probe
            {
                public IPEndPoint Target => new IPEndPoint(IPAddress.Loopback, 7304);
            }
            """),

        // Lambdas.
        ["Lambda_task_run"] = Socket("""
            public static class Background
            {
                public static Task Start() => Task.Run(() => new TcpListener(IPAddress.Any, 7400).Start());
            }
            """),
        ["Lambda_configuration_parameter_captured"] = Web("""
            public static class Factory
            {
                public static Func<TcpListener> Create(IConfiguration configuration) => () => new TcpListener(IPAddress.Any, 7401);
            }
            """),
        ["Lambda_static_cannot_capture"] = Web("""
            public static class Factory
            {
                public static Func<TcpListener> Create(IConfiguration configuration) => static () => new TcpListener(IPAddress.Any, 7402);
            }
            """),
        ["Lambda_nested_kestrel_options"] = Web("""
            public static class Hosting
            {
                public static void Configure(WebApplicationBuilder builder)
                    => builder.WebHost.ConfigureKestrel(k => k.ListenAnyIP(7403, listen => listen.UseConnectionLogging()));
            }
            """),

        // Switch arms.
        ["Switch_statement_sections"] = Socket("""
            public static class Modes
            {
                public static TcpListener For(string mode)
                {
                    switch (mode)
                    {
                        case "primary":
                            return new TcpListener(IPAddress.Any, 7500);
                        default:
                            return new TcpListener(IPAddress.Any, 7501);
                    }
                }
            }
            """),
        ["Switch_expression_arms"] = Socket("""
            public static class Modes
            {
                public static TcpListener For(int mode) => mode switch
                {
                    1 => new TcpListener(IPAddress.Any, 7502),
                    _ => TcpListener.Create(7503),
                };
            }
            """),
        ["Switch_const_in_pattern"] = Socket("""
            public static class Ports
            {
                public const int ShardPort = 60504;

                public static bool IsShard(int port) => port is ShardPort;

                public static TcpListener Listen() => new TcpListener(IPAddress.Any, ShardPort);
            }
            """),

        // Records and primary constructors.
        ["Record_expression_bodied_member"] = Socket("""
            public sealed record Ledger(string Host)
            {
                public TcpClient Connect() => new TcpClient(Host, 7600);
            }
            """),
        ["Record_struct_static_field"] = Socket("""
            public readonly record struct Shard(int Index)
            {
                public static readonly int ShardPort = 7601;

                public TcpListener Listen() => new TcpListener(IPAddress.Any, ShardPort + Index);
            }
            """),
        ["PrimaryConstructor_configuration_in_initializer"] = Web("""
            public sealed class Gateway(IConfiguration configuration)
            {
                private readonly TcpListener listener = new TcpListener(IPAddress.Any, 7602);

                public void Start() => listener.Start();
            }
            """),
        ["Record_positional_port_argument"] = Socket("""
            public sealed record Endpoint(string Host, int Port)
            {
                public TcpClient Connect() => new TcpClient(Host, Port);
            }

            public static class Uses
            {
                public static TcpClient Open() => new Endpoint("db", 7603).Connect();
            }
            """),

        // Partial classes.
        ["Partial_const_in_other_file"] = Files(
            ("A.cs", SocketUsings + """
                public sealed partial class Broker
                {
                    private const int BrokerPort = 7700;
                }
                """),
            ("B.cs", SocketUsings + """
                public sealed partial class Broker
                {
                    public TcpListener Listen() => new TcpListener(IPAddress.Any, BrokerPort);
                }
                """)),
        ["Partial_configuration_in_other_file"] = Files(
            ("A.cs", WebUsings + """
                public sealed partial class Billing
                {
                    private readonly IConfiguration configuration;

                    public Billing(IConfiguration configuration) => this.configuration = configuration;
                }
                """),
            ("B.cs", WebUsings + """
                public sealed partial class Billing
                {
                    public TcpListener Listen() => new TcpListener(IPAddress.Any, 7701);
                }
                """)),
        ["Partial_static_initializer_in_other_file"] = Files(
            ("A.cs", SocketUsings + """
                public static partial class Mesh
                {
                    public static readonly TcpListener Listener = new TcpListener(IPAddress.Any, MeshPort);
                }
                """),
            ("B.cs", SocketUsings + """
                public static partial class Mesh
                {
                    private const int MeshPort = 60702;
                }
                """)),

        // Strings.
        ["String_https_url_in_Run_async"] = Web("""
            public static class Urls
            {
                public static System.Threading.Tasks.Task Start(WebApplication app) => app.RunAsync("https://localhost:7800");
            }
            """),
        ["String_interpolated_with_host"] = Web("""
            public static class Urls
            {
                public static void Add(WebApplication app, string host) => app.Urls.Add($"http://{host}:7810");
            }
            """),
        ["String_interpolated_raw_with_braces"] = Web(""""
            public static class Urls
            {
                public static void Add(WebApplication app, string host) => app.Urls.Add($$"""http://{{host}}:7811/{x}""");
            }
            """"),
        ["String_format_with_host"] = Web("""
            public static class Urls
            {
                public static void Add(WebApplication app, string host) => app.Urls.Add(string.Format("http://{0}:60812", host));
            }
            """),
        ["String_concatenation_with_host"] = Web("""
            public static class Urls
            {
                public static void Add(WebApplication app, string host) => app.Urls.Add("http://" + host + ":7813");
            }
            """),
        ["String_interpolated_local_then_sink"] = Web("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var host = args.Length > 0 ? args[0] : "localhost";
            var publicUrl = $"http://{host}:7814";
            app.Urls.Add(publicUrl);
            app.Run();
            """),
        ["String_const_url_field_two_sinks"] = Web("""
            public static class Urls
            {
                private const string AdminUrl = "http://localhost:7801";

                public static void Add(WebApplication app)
                {
                    app.Urls.Add(AdminUrl);
                    app.Run(AdminUrl);
                }
            }
            """),
        ["String_connection_string_parameter"] = Socket("""
            public static class Database
            {
                public static void Open(string connectionString) => Console.WriteLine(connectionString.Length);

                public static void Connect() => Open("Host=db;Port=5433;Database=orders");
            }
            """),
        ["String_verbatim_in_method"] = Web("""
            public static class Urls
            {
                public static void Add(WebApplication app) => app.Urls.Add(@"https://localhost:7802");
            }
            """),
        ["String_raw_with_braces"] = Socket(""""
            public static class Prefixes
            {
                public static void Add(HttpListener http) => http.Prefixes.Add("""http://+:7803/{tenant}/""");
            }
            """"),
        ["String_local_url_with_configuration"] = Web("""
            var builder = WebApplication.CreateBuilder(args);
            var publicUrl = "http://localhost:7804";
            builder.WebHost.UseUrls(publicUrl);
            builder.Build().Run();
            """),

        // Const locals.
        ["ConstLocal_one_sink"] = Socket("""
            public static class Cache
            {
                public static TcpListener Listen()
                {
                    const int CachePort = 7900;
                    return new TcpListener(IPAddress.Any, CachePort);
                }
            }
            """),
        ["ConstLocal_used_in_case_label"] = Socket("""
            public static class Cache
            {
                public static string Start(int requested)
                {
                    const int CachePort = 60901;
                    new TcpListener(IPAddress.Any, CachePort).Start();
                    switch (requested)
                    {
                        case CachePort:
                            return "cache";
                        default:
                            return "other";
                    }
                }
            }
            """),
        ["ConstLocal_used_by_local_function"] = Socket("""
            public static class Cache
            {
                public static void Start()
                {
                    Open();
                    const int CachePort = 60902;
                    void Open() => new TcpListener(IPAddress.Any, CachePort).Start();
                }
            }
            """),
        ["ConstLocal_in_other_const"] = Socket("""
            public static class Cache
            {
                public static TcpListener Start()
                {
                    const int BasePort = 60903;
                    const int ShardPort = BasePort + 1;
                    new TcpListener(IPAddress.Any, BasePort).Start();
                    return new TcpListener(IPAddress.Any, ShardPort);
                }
            }
            """),

        // Optional parameters.
        ["Optional_parameter_explicit_argument"] = Socket("""
            public static class Server
            {
                public static TcpListener Start(int port = 8000) => new TcpListener(IPAddress.Any, port);

                public static TcpListener Main() => Start(port: 8001);
            }
            """),
        ["Optional_parameter_const_default"] = Socket("""
            public static class Server
            {
                public const int DefaultPort = 60802;

                public static TcpListener Start(int port = DefaultPort) => new TcpListener(IPAddress.Any, port);

                public static TcpListener Main() => new TcpListener(IPAddress.Loopback, DefaultPort);
            }
            """),

        // Attributes.
        ["Attribute_const_argument"] = Socket("""
            [AttributeUsage(AttributeTargets.Class)]
            public sealed class ServiceAttribute : Attribute
            {
                public ServiceAttribute(int listenPort) => ListenPort = listenPort;

                public int ListenPort { get; }
            }

            [Service(SidecarPort)]
            public sealed class Sidecar
            {
                public const int SidecarPort = 60803;

                public TcpListener Listen() => new TcpListener(IPAddress.Any, SidecarPort);
            }
            """),

        // A field used by several sinks.
        ["Field_used_by_several_sinks"] = Socket("""
            public sealed class Gossip
            {
                private const int GossipPort = 7950;

                public TcpListener Listen() => new TcpListener(IPAddress.Any, GossipPort);

                public UdpClient Announce() => new UdpClient(GossipPort, AddressFamily.InterNetwork);

                public IPEndPoint Peer(IPAddress address) => new IPEndPoint(address, GossipPort);
            }
            """),
        ["Field_public_used_from_other_file"] = Files(
            ("A.cs", SocketUsings + """
                public static class Ports
                {
                    public static readonly int Ingest = 7951;
                }
                """),
            ("B.cs", SocketUsings + """
                public static class IngestServer
                {
                    public static TcpListener Listen() => new TcpListener(IPAddress.Any, Ports.Ingest);

                    public static UdpClient Receive() => new UdpClient(Ports.Ingest);
                }
                """)),
        ["Field_const_ushort"] = Socket("""
            public sealed class Beacon
            {
                private const ushort BeaconPort = 7952;

                public UdpClient Open() => new UdpClient(BeaconPort);
            }
            """),

        // More services as they are written.
        ["Smtp_client_constructor"] = Socket("""
            public static class Mail
            {
                public static System.Net.Mail.SmtpClient Create() => new System.Net.Mail.SmtpClient("smtp.internal", 2525);
            }
            """),
        ["Smtp_client_port_property"] = Socket("""
            public static class Mail
            {
                public static System.Net.Mail.SmtpClient Create()
                {
                    var client = new System.Net.Mail.SmtpClient("smtp.internal");
                    client.Port = 2526;
                    return client;
                }
            }
            """),
        ["Comments_around_the_site"] = Socket("""
            public static class Metrics
            {
                // The Prometheus scrape endpoint.
                public static TcpListener Listen() => new TcpListener(IPAddress.Any, /* scrape */ 9464 /* default */);
            }
            """),
        ["Object_initializer_member"] = Socket("""
            public sealed class ProxySettings
            {
                public int UpstreamPort { get; init; }
            }

            public static class Proxy
            {
                public static ProxySettings Create() => new ProxySettings { UpstreamPort = 8002 };
            }
            """),
        ["File_scoped_namespaces_two_files"] = Files(
            ("A.cs", SocketUsings + """
                namespace Shop.Ingest;

                public static class IngestListener
                {
                    public static TcpListener Listen() => new TcpListener(IPAddress.Any, 8003);
                }
                """),
            ("B.cs", SocketUsings + """
                namespace Shop.Export;

                public static class ExportListener
                {
                    public static TcpListener Listen() => new TcpListener(IPAddress.Any, 8004);
                }
                """)),
        ["Existing_type_named_PortSettings"] = Socket("""
            public sealed class PortSettings
            {
                public string Name { get; set; } = "";
            }

            public static class Feed
            {
                public static TcpListener Listen() => new TcpListener(IPAddress.Any, 8005);
            }
            """),
        ["Block_namespace_and_own_type"] = Socket("""
            namespace Shop.Orders
            {
                public sealed class OrdersListener
                {
                    public OrdersListener(int port) => Port = port;

                    public int Port { get; }
                }

                public static class Wiring
                {
                    public static OrdersListener Create() => new OrdersListener(8006);
                }
            }
            """),
        ["Two_sites_same_method_named_uniquely"] = Socket("""
            public sealed class Bridge
            {
                public void Start()
                {
                    new TcpListener(IPAddress.Any, 8007).Start();
                    new TcpListener(IPAddress.Any, 8008).Start();
                }
            }
            """),
        ["Ephemeral_known_use_listener"] = Socket("""
            public static class Storage
            {
                public static TcpListener Listen() => new TcpListener(IPAddress.Any, 60251);
            }
            """),
    };

    public static IEnumerable<object[]> Names => Shapes.Keys.Select(k => new object[] { k });

    /// <summary>Shapes whose project has an appsettings.json (the web ones).</summary>
    public static bool IsWeb(string shape) => Shapes[shape].Any(f => f.Source.Contains("Microsoft.AspNetCore", StringComparison.Ordinal));

    private static (string, string)[] Web(string source) => new[] { ("Program.cs", WebUsings + source + "\n") };

    private static (string, string)[] Socket(string source) => new[] { ("Program.cs", SocketUsings + source + "\n") };

    private static (string, string)[] Files(params (string Name, string Source)[] files) => files.Select(f => (f.Name, f.Source + "\n")).ToArray();
}
