using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Configuration;

public class LaunchSettingsTests
{
    private static readonly string[] Listen = { "PORT001", "PORT002", "PORT005", "PORT006", "PORT007", "PORT004" };

    [Fact]
    public Task Profile_urls_environment_variables_and_docker_ports_are_listeners()
        => VerifyConfiguration.AnalyzerAsync("/0/Properties/launchSettings.json", """
            {
              "profiles": {
                "http": {
                  "commandName": "Project",
                  "applicationUrl": "http://localhost:{|PORT002:5000|};https://localhost:{|PORT001:{|PORT002:63146|}|}",
                  "environmentVariables": {
                    "ASPNETCORE_ENVIRONMENT": "Development",
                    "ASPNETCORE_URLS": "http://*:{|PORT007:6667|}",
                    "ASPNETCORE_HTTP_PORTS": "{|PORT005:80|}",
                    "ASPNETCORE_HTTPS_PORTS": "{|PORT001:50443|}",
                    "ServiceBaseUrl": "http://other:60000"
                  }
                },
                "Container (Dockerfile)": {
                  "commandName": "Docker",
                  "httpPort": {|PORT001:55080|},
                  "sslPort": {|PORT004:70443|}
                }
              }
            }
            """, Listen);

    [Fact]
    public Task Iis_express_url_and_ssl_port_are_listeners_and_equal_ssl_port_is_not_a_duplicate()
        => VerifyConfiguration.AnalyzerAsync("/0/Properties/launchSettings.json", """
            {
              "iisSettings": {
                "windowsAuthentication": false,
                "iisExpress": { "applicationUrl": "https://localhost:{|PORT001:55123|}", "sslPort": 55123 }
              },
              "profiles": { "IIS Express": { "commandName": "IISExpress" } }
            }
            """, Listen);

    [Fact]
    public Task Iis_express_ssl_port_zero_is_silent()
        => VerifyConfiguration.AnalyzerAsync("/0/Properties/launchSettings.json", """
            { "iisSettings": { "iisExpress": { "applicationUrl": "http://localhost:{|PORT001:61234|}", "sslPort": 0 } } }
            """, Listen);

    [Fact]
    public Task Same_port_in_two_profiles_is_not_a_duplicate_but_twice_in_one_profile_is()
        => VerifyConfiguration.AnalyzerAsync("/0/Properties/launchSettings.json", """
            {
              "profiles": {
                "http": { "applicationUrl": "http://localhost:5238" },
                "https": { "applicationUrl": "https://localhost:7238;http://localhost:5238" },
                "twice": { "applicationUrl": "http://localhost:5300;http://127.0.0.1:{|PORT006:5300|}" }
              }
            }
            """, "PORT006");

    [Fact]
    public Task Template_ports_are_fine()
        => VerifyConfiguration.AnalyzerAsync("/0/Properties/launchSettings.json", """
            {
              "$schema": "https://json.schemastore.org/launchsettings.json",
              "profiles": {
                "http": { "commandName": "Project", "dotnetRunMessages": true, "launchBrowser": true, "applicationUrl": "http://localhost:5238" },
                "https": { "commandName": "Project", "applicationUrl": "https://localhost:7289;http://localhost:5238" }
              }
            }
            """, Listen);

    [Fact]
    public Task Appsettings_keys_are_not_listeners_in_launch_settings()
        => VerifyConfiguration.AnalyzerAsync("/0/Properties/launchSettings.json", """
            { "Kestrel": { "Endpoints": { "Http": { "Url": "http://localhost:6000" } } } }
            """, Listen);
}

public class ConfigurationBindAddressTests
{
    [Fact]
    public Task Different_loopback_addresses_in_one_profile_do_not_collide()
        => VerifyConfiguration.AnalyzerAsync("/0/Properties/launchSettings.json", """
            { "profiles": { "p": { "applicationUrl": "http://127.0.0.1:5301;http://[::1]:5301;http://*:{|PORT006:5301|}" } } }
            """, "PORT006");
}
