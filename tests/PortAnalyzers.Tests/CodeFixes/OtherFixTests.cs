using Microsoft.CodeAnalysis;
using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.CodeFixes;

public class ReadFromEnvironmentFixTests
{
    [Fact]
    public Task Without_configuration_the_port_is_read_from_an_environment_variable()
        => VerifyFix.FixAsync(
            """
            using System.Net;
            using System.Net.Sockets;

            class Relay
            {
                TcpListener Listen() => new TcpListener(IPAddress.Any, {|PORT003:9100|});
                UdpClient Beacon() => new UdpClient({|PORT003:(ushort)9200|});
            }
            """,
            """
            using System.Net;
            using System.Net.Sockets;

            class Relay
            {
                TcpListener Listen() => new TcpListener(IPAddress.Any, int.TryParse(System.Environment.GetEnvironmentVariable("Ports__Relay"), out var relayPort) ? relayPort : 9100);
                UdpClient Beacon() => new UdpClient(int.TryParse(System.Environment.GetEnvironmentVariable("Ports__Relay2"), out var relay2Port) ? relay2Port : (ushort)9200);
            }
            """,
            VerifyFix.Environment,
            "PORT003");

    [Fact]
    public Task Environment_fix_keeps_the_type_of_the_sink_and_names_the_variable_uniquely()
        => VerifyFix.FixAsync(
            """
            using System.Net;

            class Beacon
            {
                static IPEndPoint Target(int beaconPort) => new IPEndPoint(IPAddress.Loopback, {|PORT003:4000|});
            }
            """,
            """
            using System.Net;

            class Beacon
            {
                static IPEndPoint Target(int beaconPort) => new IPEndPoint(IPAddress.Loopback, int.TryParse(System.Environment.GetEnvironmentVariable("Ports__Beacon"), out var beaconPort2) ? beaconPort2 : 4000);
            }
            """,
            VerifyFix.Environment,
            "PORT003");

    [Fact]
    public Task Url_port_is_read_from_the_environment_inside_an_interpolated_string()
        => VerifyFix.FixAsync(
            """
            using System.Net;

            class Host
            {
                void Start(HttpListener listener) => listener.Prefixes.Add("http://+:{|PORT003:8099|}/{app}/");
            }
            """,
            """
            using System.Net;

            class Host
            {
                void Start(HttpListener listener) => listener.Prefixes.Add($"http://+:{(int.TryParse(System.Environment.GetEnvironmentVariable("Ports__Host"), out var hostPort) ? hostPort : 8099)}/{{app}}/");
            }
            """,
            VerifyFix.Environment,
            "PORT003");
}

public class BehaviourChangingFixTests
{
    [Fact]
    public Task Listener_can_use_port_zero()
        => VerifyFix.FixAsync(
            "using System.Net;\nusing System.Net.Sockets;\nclass C { TcpListener M() => new TcpListener(IPAddress.Any, {|PORT001:60251|}); }",
            "using System.Net;\nusing System.Net.Sockets;\nclass C { TcpListener M() => new TcpListener(IPAddress.Any, 0); }",
            VerifyFix.PortZero,
            "PORT001");

    [Fact]
    public Task Url_listener_can_use_port_zero()
        => VerifyFix.FixAsync(
            "using Microsoft.AspNetCore.Hosting;\nclass C { void M(IWebHostBuilder b) => b.UseUrls(\"http://*:{|PORT001:55000|}\"); }",
            "using Microsoft.AspNetCore.Hosting;\nclass C { void M(IWebHostBuilder b) => b.UseUrls(\"http://*:0\"); }",
            VerifyFix.PortZero,
            "PORT001");

    [Fact]
    public async Task Port_zero_is_not_offered_for_connections()
    {
        var test = VerifyFix.Create(
            "using System.Net.Sockets;\nclass C { TcpClient M() => new TcpClient(\"db\", {|PORT003:5432|}); }",
            "using System.Net.Sockets;\nclass C { TcpClient M() => new TcpClient(\"db\", {|PORT003:5432|}); }",
            VerifyFix.PortZero,
            "PORT003");
        await test.RunAsync();
    }

    [Fact]
    public Task Safe_port_is_the_nearest_free_port_below_the_iana_range()
        => VerifyFix.FixAsync(
            "using System.Net;\nusing System.Net.Sockets;\nclass C { TcpListener M() => new TcpListener(IPAddress.Any, {|PORT001:63146|}); }",
            "using System.Net;\nusing System.Net.Sockets;\nclass C { TcpListener M() => new TcpListener(IPAddress.Any, 49151); }",
            VerifyFix.SafePort,
            "PORT001");

    [Fact]
    public async Task Safe_port_follows_the_configured_preset_and_changes_the_declaration()
    {
        var test = VerifyFix.Create(
            "using System.Net;\nusing System.Net.Sockets;\nclass C\n{\n    const int Port = {|#1:40000|};\n    TcpListener M() => new TcpListener(IPAddress.Any, {|#0:Port|});\n}",
            "using System.Net;\nusing System.Net.Sockets;\nclass C\n{\n    const int Port = 29999;\n    TcpListener M() => new TcpListener(IPAddress.Any, Port);\n}",
            VerifyFix.SafePort,
            "PORT001");
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nport_analyzers.ephemeral_range = linux\n"));
        test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic("PORT001").WithLocation(0).WithLocation(1).WithArguments(40000L, "32768\u201360999", "Linux default", 32768));
        await test.RunAsync();
    }

    [Fact]
    public Task Safe_port_for_a_known_use_in_a_url()
        => VerifyFix.FixAsync(
            "using Microsoft.AspNetCore.Builder;\nclass C { void M(WebApplication app) => app.Urls.Add(\"http://localhost:{|PORT002:5432|}\"); }",
            "using Microsoft.AspNetCore.Builder;\nclass C { void M(WebApplication app) => app.Urls.Add(\"http://localhost:49151\"); }",
            VerifyFix.SafePort,
            "PORT002");
}

public class FixCompositionTests
{
    [Fact]
    public Task Two_ports_in_one_statement_are_both_fixed_and_fix_all_covers_the_document()
    {
        var test = VerifyFix.Create(
            """
            using Microsoft.AspNetCore.Hosting;

            class Web
            {
                void M(IWebHostBuilder b) => b.UseUrls("http://*:{|PORT003:8081|}", "https://*:{|PORT003:8443|}");
            }
            """,
            """
            using Microsoft.AspNetCore.Hosting;

            class Web
            {
                void M(IWebHostBuilder b) => b.UseUrls($"http://*:{(int.TryParse(System.Environment.GetEnvironmentVariable("Ports__Web"), out var webPort) ? webPort : 8081)}", $"https://*:{(int.TryParse(System.Environment.GetEnvironmentVariable("Ports__Web2"), out var web2Port) ? web2Port : 8443)}");
            }
            """,
            VerifyFix.Environment,
            "PORT003");

        return test.RunAsync();
    }

    [Fact]
    public async Task Fix_all_in_project_and_solution_reaches_every_document()
    {
        var test = VerifyFix.Create(
            "using System.Net;\nusing System.Net.Sockets;\nclass A { TcpListener M() => new TcpListener(IPAddress.Any, {|PORT001:60001|}); }",
            "using System.Net;\nusing System.Net.Sockets;\nclass A { TcpListener M() => new TcpListener(IPAddress.Any, 0); }",
            VerifyFix.PortZero,
            "PORT001");
        test.TestState.Sources.Add(("B.cs", "using System.Net;\nusing System.Net.Sockets;\nclass B { TcpListener M() => TcpListener.Create({|PORT001:60002|}); }"));
        test.FixedState.Sources.Add(("B.cs", "using System.Net;\nusing System.Net.Sockets;\nclass B { TcpListener M() => TcpListener.Create(0); }"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Fixed_site_is_configurable_so_PORT003_is_gone_and_fixes_are_idempotent()
    {
        var source = "using System.Net;\nusing System.Net.Sockets;\nclass C { TcpListener M() => new TcpListener(IPAddress.Any, int.TryParse(System.Environment.GetEnvironmentVariable(\"Ports__C\"), out var cPort) ? cPort : 8080); }";
        var result = await AnalyzerRunner.RunAsync(source);
        Assert.Empty(result.Diagnostics.Where(d => d.Id is "PORT003" or "PORT001"));
    }

    [Fact]
    public async Task Fixed_code_compiles_without_new_compiler_diagnostics()
    {
        // The code fix testing library already compiles each fixed state; this checks it once more end to end
        // for all fix kinds on one listener, with the compiler's full diagnostics.
        var fixedSources = new (string Source, bool StillHardcoded)[]
        {
            ("using System.Net;\nusing System.Net.Sockets;\nusing Microsoft.Extensions.Configuration;\nclass C { IConfiguration configuration = null!; TcpListener M() => new TcpListener(IPAddress.Any, configuration.GetValue(\"Ports:C\", 60251)); }", false),
            ("using System.Net;\nusing System.Net.Sockets;\nclass C { TcpListener M() => new TcpListener(IPAddress.Any, int.TryParse(System.Environment.GetEnvironmentVariable(\"Ports__C\"), out var cPort) ? cPort : 60251); }", false),
            ("using System.Net;\nusing System.Net.Sockets;\nclass C { TcpListener M() => new TcpListener(IPAddress.Any, 0); }", false),
            ("using System.Net;\nusing System.Net.Sockets;\nclass C { TcpListener M() => new TcpListener(IPAddress.Any, 49151); }", true),
        };
        foreach (var (source, stillHardcoded) in fixedSources)
        {
            var result = await AnalyzerRunner.RunAsync(source);
            Assert.Empty(result.CompilerErrors);
            Assert.Equal(stillHardcoded, result.Diagnostics.Any(d => d.Id == "PORT003"));
        }
    }
}
