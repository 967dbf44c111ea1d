using Microsoft.CodeAnalysis;
using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Rules;

public class HardcodedPortRuleTests
{
    private const string Usings = "using System.Net;\nusing System.Net.Sockets;\nusing Microsoft.Extensions.Configuration;\n";

    [Theory]
    [InlineData("new TcpListener(IPAddress.Any, {|PORT003:8080|})")]
    [InlineData("new TcpClient(\"db\", {|PORT003:5432|})")]
    [InlineData("new UdpClient({|PORT003:9999|})")]
    [InlineData("new IPEndPoint(IPAddress.Loopback, {|PORT003:1234|})")]
    [InlineData("new TcpListener(IPAddress.Any, {|PORT003:(ushort)8080|})")]
    public Task Literal_port_in_code_is_hardcoded_whatever_the_role(string expression)
        => Verify.AnalyzerAsync(Usings + $"class C {{ object M() => {expression}; }}", DiagnosticIds.HardcodedPort);

    [Fact]
    public Task Port_zero_is_never_reported()
        => Verify.AnalyzerAsync(Usings + "class C { object M() => new TcpListener(IPAddress.Any, 0); }");

    [Fact]
    public Task Default_of_a_configuration_read_is_not_hardcoded_but_still_judged()
        => Verify.AnalyzerAsync(Usings + """
            class C
            {
                object M(IConfiguration configuration)
                    => new TcpListener(IPAddress.Any, configuration.GetValue("Ports:Api", {|PORT001:60251|}));
            }
            """, DiagnosticIds.HardcodedPort, DiagnosticIds.EphemeralPort);

    [Fact]
    public Task Value_read_from_configuration_without_default_is_not_a_port_we_know()
        => Verify.AnalyzerAsync(Usings + """
            class C
            {
                object M(IConfiguration configuration) => new TcpListener(IPAddress.Any, configuration.GetValue<int>("Ports:Api"));
                object N(int port) => new TcpListener(IPAddress.Any, port);
            }
            """);

    [Fact]
    public Task Message_names_the_sink()
        => Verify.AnalyzerAsync(
            Usings + "class C { object M() => TcpListener.Create({|#0:8080|}); }",
            null,
            new[] { DiagnosticIds.HardcodedPort },
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(DiagnosticIds.HardcodedPort, DiagnosticSeverity.Info).WithLocation(0).WithArguments(8080L, "TcpListener.Create"));

    [Fact]
    public Task Defaults_that_users_override_are_not_hardcoded_but_still_judged()
        => Verify.AnalyzerAsync("""
            using System.Net;
            using Microsoft.Extensions.Configuration;
            public class EndpointOptions
            {
                public const int DEFAULT_SILO_PORT = 60000;
                private int gatewayPort = {|PORT001:60007|};
                public int GatewayPort { get => gatewayPort; set => gatewayPort = value; }
                public int SiloPort { get; set; } = {|PORT001:DEFAULT_SILO_PORT|}; // one number, reported once, where it is used
                public IPEndPoint[] EndPoints { get; set; } = [new IPEndPoint(IPAddress.Loopback, {|PORT001:60001|})];
            }
            public class TcpEndpointOptions
            {
                public TcpEndpointOptions() { Port = {|PORT001:60002|}; }
                public int Port { get; set; }
            }
            public static class ClientExtensions
            {
                public static void UseGateway(this object client, int gatewayPort = {|PORT001:60003|}) { }
            }
            public class BaseUrlFinder
            {
                public string Find(IConfiguration config) => config.GetValue("BaseUrl", "http://localhost:{|PORT001:60004|}")!;
            }
            """, "PORT001", "PORT003");

    [Fact]
    public Task Assignment_outside_the_options_constructor_is_hardcoded()
        => Verify.AnalyzerAsync("""
            public class TcpEndpointOptions { public int Port { get; set; } }
            class Startup
            {
                void Configure(TcpEndpointOptions options) => options.Port = {|PORT003:1883|};
            }
            """, "PORT003");

    [Fact]
    public Task A_derived_options_constructor_and_a_fallback_only_constant_set_defaults()
        => Verify.AnalyzerAsync("""
            using Microsoft.Extensions.Configuration;
            public class TcpEndpointBaseOptions { public int Port { get; set; } }
            public class TlsEndpointOptions : TcpEndpointBaseOptions { public TlsEndpointOptions() { Port = {|PORT001:60005|}; } }
            public static class Collector
            {
                private const string DashboardUrlDefaultValue = "http://localhost:{|PORT001:60006|}";
                public static string Url(IConfiguration configuration) => configuration["Dashboard:Url"] ?? DashboardUrlDefaultValue;
            }
            public static class Hardcoded
            {
                private const string ApiUrl = "http://localhost:{|PORT003:5080|}";
                public static string Url(IConfiguration configuration) => configuration["Api:Url"] ?? ApiUrl;
                public static string Other() => ApiUrl;
            }
            """, "PORT001", "PORT003");

    [Fact]
    public Task A_read_with_a_default_through_a_local_or_a_helper_of_the_project_is_judged_but_not_hardcoded()
        => Verify.AnalyzerAsync("""
            using Microsoft.AspNetCore.Server.Kestrel.Core;
            using Microsoft.Extensions.Configuration;
            class Program
            {
                static T GetConfigValue<T>(IConfiguration configuration, string key, T defaultValue) => configuration.GetValue(key, defaultValue)!;

                static void Configure(IConfiguration configuration, KestrelServerOptions options)
                {
                    int driverPort = configuration.GetValue<int>("driver_port", 60010);
                    options.ListenAnyIP({|PORT001:driverPort|});
                    var http2Port = GetConfigValue<int>(configuration, "port", 60011);
                    options.ListenAnyIP({|PORT001:http2Port|});
                    options.ListenLocalhost(GetConfigValue(configuration, "admin_port", {|PORT001:60012|}));
                }
            }
            """, "PORT001", "PORT003");
}
