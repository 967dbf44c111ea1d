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
                public TcpListener Start() => new TcpListener(IPAddress.Any, configuration.GetValue("Ports:MetricsServer", 9464));
            }
            """,
            VerifyFix.Configuration,
            "PORT003");

    [Fact]
    public Task Builder_configuration_is_used_and_the_using_directive_added_and_appsettings_updated()
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
                    const int ApiPort = 8088;
                    builder.WebHost.ConfigureKestrel(k => k.ListenAnyIP(builder.Configuration.GetValue("Ports:Api", ApiPort)));
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
                static void Run(WebApplication app) => app.Urls.Add($"http://localhost:{(app.Configuration.GetValue("Ports:Http", 8085))}/");
            }
            """,
            VerifyFix.Configuration,
            "PORT003");
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", "{\n  \"Ports\": { \"Other\": 1, },\n}"));
        test.FixedState.AdditionalFiles.Add(("/0/appsettings.json", "{\n  \"Ports\": { \"Other\": 1,\n    \"Http\": 8085, },\n}"));
        return test.RunAsync();
    }

    [Fact]
    public Task Keys_are_unique_in_the_file_and_fix_all_updates_appsettings_once_per_key()
    {
        const string fixedOneByOne = """
            using System.Net;
            using System.Net.Sockets;
            using Microsoft.Extensions.Configuration;

            class Gateway
            {
                IConfiguration Configuration { get; } = null!;
                TcpListener A() => new TcpListener(IPAddress.Any, Configuration.GetValue("Ports:Gateway", 9001));
                TcpListener B() => new TcpListener(IPAddress.Any, Configuration.GetValue("Ports:Gateway2", 9002));
            }
            """;

        var test = VerifyFix.Create(
            """
            using System.Net;
            using System.Net.Sockets;
            using Microsoft.Extensions.Configuration;

            class Gateway
            {
                IConfiguration Configuration { get; } = null!;
                TcpListener A() => new TcpListener(IPAddress.Any, {|PORT003:9001|});
                TcpListener B() => new TcpListener(IPAddress.Any, {|PORT003:9002|});
            }
            """,
            fixedOneByOne,
            VerifyFix.Configuration,
            "PORT003");
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", "{}"));
        test.FixedState.AdditionalFiles.Add(("/0/appsettings.json", "{\n  \"Ports\": {\n    \"Gateway\": 9001,\n    \"Gateway2\": 9002\n  }\n}"));
        // Fix All chooses keys in document order too, but applies from the end: the appsettings lines come in that order.
        test.BatchFixedState.Sources.Add(fixedOneByOne);
        test.BatchFixedState.AdditionalFiles.Add(("/0/appsettings.json", "{\n  \"Ports\": {\n    \"Gateway2\": 9002,\n    \"Gateway\": 9001\n  }\n}"));
        test.NumberOfIncrementalIterations = 2;
        return test.RunAsync();
    }
}
