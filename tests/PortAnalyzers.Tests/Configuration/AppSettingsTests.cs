using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Configuration;

public class AppSettingsTests
{
    [Fact]
    public Task Kestrel_endpoint_urls_are_listeners_located_at_the_digits()
        => VerifyConfiguration.AnalyzerAsync("/0/appsettings.json", """
            {
              "Kestrel": {
                "Endpoints": {
                  "Http": { "Url": "http://localhost:{|PORT001:{|PORT002:60251|}|}" },
                  "Https": { "Url": "https://*:{|PORT005:443|}" },
                  "Admin": { "Url": "http://0.0.0.0:{|PORT007:5060|}" },
                  "Grpc": { "Url": "http://[::]:5100", "Protocols": "Http2" }
                }
              }
            }
            """);
}

public class AppSettingsKeyTests
{
    private static readonly string[] Listen = { "PORT001", "PORT002", "PORT005", "PORT007", "PORT004" };

    [Theory]
    [InlineData("Urls", "\"http://localhost:{|PORT001:55000|};https://*:{|PORT005:443|}\"")]
    [InlineData("urls", "\"http://+:{|PORT007:6666|}\"")]
    [InlineData("ASPNETCORE_URLS", "\"http://localhost:{|PORT002:5432|}\"")]
    [InlineData("HTTP_PORTS", "\"{|PORT005:80|};{|PORT001:50500|}\"")]
    [InlineData("HTTPS_PORTS", "\"{|PORT007:6697|}\"")]
    [InlineData("ASPNETCORE_HTTP_PORTS", "\"{|PORT002:6379|}\"")]
    [InlineData("ASPNETCORE_HTTPS_PORTS", "{|PORT004:70000|}")]
    public Task Root_listen_keys(string key, string value)
        => VerifyConfiguration.AnalyzerAsync("/0/appsettings.json", $"{{ \"{key}\": {value} }}", Listen);

    [Fact]
    public Task Connection_strings_and_remote_urls_are_connect_role_and_only_checked_for_range()
        => VerifyConfiguration.AnalyzerAsync("/0/appsettings.Production.json", """
            {
              "ConnectionStrings": {
                "Orders": "Server=tcp:sql,1433;Database=orders",
                "Cache": "redis:6379,abortConnect=false",
                "Events": "Host=pg;Port=60251",
                "Broken": "Host=pg;Port={|PORT004:99999|}"
              },
              "Payments": { "BaseUrl": "http://payments:60251/api", "Endpoint": "https://x:{|PORT004:70000|}" },
              "OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4317",
              "Downstream": { "Address": "http://localhost:6000" }
            }
            """, Listen);

    [Fact]
    public Task Numeric_values_of_port_keys_are_unknown_role()
        => VerifyConfiguration.AnalyzerAsync("/0/appsettings.json", """
            {
              "Smtp": { "Port": 25, "Host": "mail" },
              "Metrics": { "ListenPort": {|PORT001:60251|} },
              "Gateway": { "GatewayPort": "{|PORT001:55555|}", "SmtpPort": "2525" },
              "Bad": { "port": {|PORT004:-1|} }
            }
            """, Listen);

    [Fact]
    public Task Numbers_under_keys_that_are_not_ports_are_silent()
        => VerifyConfiguration.AnalyzerAsync("/0/appsettings.json", """
            {
              "RequestTimeoutMs": 60000,
              "MaxRequestBodySize": 65536,
              "RetryCount": 50000,
              "ReportPath": "/reports/60251",
              "Support": { "Phone": 60251 },
              "Transport": { "BufferSize": 65535 },
              "MaxPort": 65535,
              "Kestrel": { "Limits": { "MaxConcurrentConnections": 60000 } },
              "Links": { "Docs": "https://example.com/page/60251?x=60251#60251" },
              "Logging": { "LogLevel": { "Default": "Information" } },
              "AllowedHosts": "*"
            }
            """);

    [Fact]
    public Task Keys_match_case_insensitively()
        => VerifyConfiguration.AnalyzerAsync("/0/appsettings.json", """
            { "kestrel": { "endpoints": { "http": { "url": "http://localhost:{|PORT007:10080|}" } } } }
            """, Listen);

    [Fact]
    public Task Two_kestrel_endpoints_on_one_port_in_one_file_are_a_duplicate()
        => VerifyConfiguration.AnalyzerAsync(
            new[]
            {
                ("/0/appsettings.json", """
                {
                  "Kestrel": {
                    "Endpoints": {
                      "Http": { "Url": "http://localhost:{|#1:8085|}" },
                      "Other": { "Url": "http://*:{|#0:8085|}" }
                    }
                  },
                  "Urls": "http://localhost:8085"
                }
                """),
            },
            null,
            new[] { "PORT006" },
            Verify.Diagnostic("PORT006").WithLocation(0).WithLocation(1).WithArguments(8085L, "tcp", "Kestrel:Endpoints:Http:Url at appsettings.json:4"));

    [Fact]
    public Task Layered_files_are_alternatives_not_duplicates()
        => VerifyConfiguration.AnalyzerAsync(
            new[]
            {
                ("/0/appsettings.json", "{ \"Kestrel\": { \"Endpoints\": { \"Http\": { \"Url\": \"http://localhost:8085\" } } } }"),
                ("/0/appsettings.Development.json", "{ \"Kestrel\": { \"Endpoints\": { \"Http\": { \"Url\": \"http://localhost:8085\" } } } }"),
            },
            null,
            new[] { "PORT006" });

    [Fact]
    public Task Comments_trailing_commas_and_a_bom_are_accepted()
        => VerifyConfiguration.AnalyzerAsync("/0/appsettings.json", "\uFEFF" + """
            // the service's endpoints
            {
              /* Kestrel */
              "Urls": "http://localhost:{|PORT001:60000|}", // trailing comment
              "Ports": [ 1, 2, ],
            }
            """, Listen);

    [Fact]
    public Task Escaped_string_is_reported_on_the_whole_value()
        => VerifyConfiguration.AnalyzerAsync("/0/appsettings.json", "{ \"Urls\": {|PORT007:\"http:\\/\\/localhost:6000\"|} }", Listen);

    [Fact]
    public Task Other_json_files_are_ignored_unless_declared()
        => VerifyConfiguration.AnalyzerAsync(
            new[] { ("/0/ports.json", "{ \"Urls\": \"http://localhost:6000\" }"), ("/0/data/settings.json", "{ \"Port\": 60251 }") },
            null,
            Array.Empty<string>());

    [Fact]
    public async Task Declared_json_file_is_read_as_appsettings()
    {
        var test = VerifyConfiguration.Create(new[] { ("/0/ports.json", "{ \"Urls\": \"http://localhost:{|PORT007:6000|}\" }") }, null, Listen);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[/0/ports.json]\nport_analyzers.configuration_file = appsettings\n"));
        await test.RunAsync();
    }

    [Fact]
    public Task Options_apply_to_configuration_files()
        => VerifyConfiguration.AnalyzerAsync(
            new[] { ("/0/appsettings.json", "{ \"Urls\": \"http://localhost:{|PORT001:40000|};http://localhost:60251\" }") },
            "port_analyzers.ephemeral_range = linux\nport_analyzers.allowed_ports = 60251",
            new[] { "PORT001", "PORT002" });
}
