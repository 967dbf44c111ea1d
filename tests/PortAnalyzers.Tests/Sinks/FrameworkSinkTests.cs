using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Sinks;

/// <summary>gRPC, Redis, YARP, .NET Aspire and MailKit from their real packages; Orleans through faithful declarations.</summary>
public class FrameworkSinkTests
{
    private static readonly string[] RoleRules = { "PORT001", "PORT002", "PORT005", "PORT007" };

    [Fact]
    public Task Grpc_channel_address_is_a_connect_sink()
        => Verify.WithReferencesAsync(TestReferences.Grpc, """
            using Grpc.Net.Client;
            class C
            {
                object A() => GrpcChannel.ForAddress("http://localhost:{|PORT003:60251|}");
                object B() => GrpcChannel.ForAddress("https://localhost:{|PORT003:5001|}");
                object D() => GrpcChannel.ForAddress(new System.Uri("http://localhost:{|PORT004:70000|}"));
            }
            """, "PORT001", "PORT002", "PORT003", "PORT004");

    [Fact]
    public Task Redis_configuration_string_is_a_connect_sink()
        => Verify.WithReferencesAsync(TestReferences.Redis, """
            using StackExchange.Redis;
            class C
            {
                object A() => ConnectionMultiplexer.Connect("localhost:{|PORT003:6379|},abortConnect=false");
                object B() => ConnectionMultiplexer.Connect("cache-1:{|PORT003:6380|},cache-2:{|PORT004:99999|},ssl=true");
            }
            """, "PORT001", "PORT002", "PORT003", "PORT004");

    [Fact]
    public Task Aspire_endpoints_are_listeners_and_target_ports_are_container_ports()
    {
        var test = Verify.Create("""
            using Aspire.Hosting;
            using Aspire.Hosting.ApplicationModel;
            class AppHost
            {
                void M(IDistributedApplicationBuilder builder, IResourceBuilder<IResourceWithEndpoints> api)
                {
                    builder.AddContainer("admin", "dpage/pgadmin4").WithHttpEndpoint(port: {|PORT002:5432|}, targetPort: {|PORT001:60500|});
                    api.WithHttpsEndpoint({|PORT007:6000|});
                    api.WithEndpoint(port: {|PORT005:81|}, targetPort: {|PORT005:80|}, scheme: "tcp"); // a non-root container cannot bind 80
                    api.WithHttpEndpoint(targetPort: 6379); // inside the container: no collision with the host's Redis
                    api.WithHttpEndpoint(name: "plain");
                }
            }
            """, null, RoleRules);
        test.ReferenceAssemblies = TestReferences.Aspire;
        return test.RunAsync();
    }

    [Fact]
    public Task Redis_configuration_options_and_endpoint_collection_are_connect_sinks()
        => Verify.WithReferencesAsync(TestReferences.Redis, """
            using StackExchange.Redis;
            class C
            {
                object A() => ConfigurationOptions.Parse("127.0.0.1:{|PORT003:6379|}");
                void B(ConfigurationOptions o) { o.EndPoints.Add("cache", {|PORT003:60251|}); o.EndPoints.Add("cache:{|PORT004:70000|}"); }
            }
            """, "PORT001", "PORT002", "PORT003", "PORT004");

    [Fact]
    public Task MailKit_connect_ports_are_connect_sinks()
        => Verify.WithReferencesAsync(TestReferences.MailKit, """
            using System.Threading.Tasks;
            using MailKit;
            using MailKit.Net.Imap;
            using MailKit.Net.Pop3;
            using MailKit.Net.Smtp;
            using MailKit.Security;
            class C
            {
                void A(SmtpClient smtp) => smtp.Connect("mail.example.com", {|PORT003:587|}, SecureSocketOptions.StartTls);
                Task B(SmtpClient smtp) => smtp.ConnectAsync("mail.example.com", {|PORT003:465|}, true);
                void D(ImapClient imap) => imap.Connect("imap.example.com", {|PORT003:5432|}, SecureSocketOptions.SslOnConnect); // a client: no PORT002 for a known service
                void E(Pop3Client pop) => pop.Connect("pop.example.com", {|PORT004:99999|}, false);
                Task F(IMailService service) => service.ConnectAsync("mail.example.com", {|PORT003:60251|});
                void G(SmtpClient smtp) => smtp.Connect("mail.example.com"); // port 0: the protocol's default
            }
            """, "PORT001", "PORT002", "PORT003", "PORT004");

    [Fact]
    public Task Yarp_destinations_are_connect_sinks()
        => Verify.WithReferencesAsync(TestReferences.Yarp, """
            using Yarp.ReverseProxy.Configuration;
            class C
            {
                object A() => new DestinationConfig { Address = "https://localhost:{|PORT003:60251|}/", Health = "http://localhost:{|PORT003:5000|}/health" };
            }
            """, "PORT001", "PORT002", "PORT003", "PORT005");

    [Fact]
    public Task Orleans_silo_and_gateway_ports_are_listeners()
    {
        var test = Verify.Create("""
            using Orleans.Hosting;
            class C
            {
                void M(ISiloBuilder silo)
                {
                    silo.ConfigureEndpoints(siloPort: {|PORT001:55000|}, gatewayPort: {|PORT005:900|});
                    silo.ConfigureEndpoints("silo-1", {|PORT002:6379|}, 30000);
                    silo.UseLocalhostClustering({|PORT001:52000|});
                    silo.UseLocalhostClustering();
                }
            }
            """, null, RoleRules);
        test.TestState.Sources.Add(("Orleans.cs", FaithfulDeclarations.Orleans));
        return test.RunAsync();
    }

    [Fact]
    public Task Parameter_named_connectionString_is_a_connect_sink()
        => Verify.AnalyzerAsync("""
            class Db { public Db(string connectionString) { } }
            class C
            {
                object A() => new Db("Server=tcp:sql.example.com,{|PORT003:1433|};Database=orders");
                object B() => new Db("Host=pg;Port={|PORT003:5432|};Database=orders");
                object D() => new Db("mongodb://a:{|PORT003:27017|},b:{|PORT003:27018|}/db");
                object E() => new Db("Data Source=app.db");
                object F() => new Db("Server=(localdb)\\MSSQLLocalDB;Database=x");
                object G() => new Db("Data Source=C:\\data\\app.db");
                object H() => new Db("Host=pg;Port={|PORT004:654321|}");
            }
            """, "PORT001", "PORT002", "PORT003", "PORT004");
}
