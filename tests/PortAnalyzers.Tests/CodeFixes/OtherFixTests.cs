using Microsoft.CodeAnalysis;
using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.CodeFixes;

public class ReadFromEnvironmentFixTests
{
    [Fact]
    public Task Without_configuration_each_site_is_one_call_to_a_helper_added_once()
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
                TcpListener Listen() => new TcpListener(IPAddress.Any, PortSettings.FromEnvironment("Ports__RelayListen", 9100));
                UdpClient Beacon() => new UdpClient(PortSettings.FromEnvironment("Ports__RelayBeacon", 9200));
            }
            """ + "\n\n" + FixExpectations.Helper,
            VerifyFix.Environment,
            "PORT003");

    [Fact]
    public Task A_narrow_declaration_gets_a_cast_and_the_local_keeps_its_name_and_comment()
        => VerifyFix.FixAsync(
            """
            using System.Net.Sockets;

            class Beacon
            {
                UdpClient Open()
                {
                    ushort beaconPort = 4000; // the beacon's port
                    return new UdpClient({|PORT003:beaconPort|});
                }
            }
            """,
            """
            using System.Net.Sockets;

            class Beacon
            {
                UdpClient Open()
                {
                    ushort beaconPort = (ushort)PortSettings.FromEnvironment("Ports__Beacon", 4000); // the beacon's port
                    return new UdpClient(beaconPort);
                }
            }
            """ + "\n\n" + FixExpectations.Helper,
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
                void Start(HttpListener listener) => listener.Prefixes.Add($"http://+:{PortSettings.FromEnvironment("Ports__UriPrefix", 8099)}/{{app}}/");
            }
            """ + "\n\n" + FixExpectations.Helper,
            VerifyFix.Environment,
            "PORT003");

    [Fact]
    public async Task A_helper_already_in_the_project_is_reused_and_a_second_one_never_added()
    {
        var test = VerifyFix.Create(
            """
            using System.Net;
            using System.Net.Sockets;

            class Relay
            {
                TcpListener Listen() => new TcpListener(IPAddress.Any, {|PORT003:9100|});
            }
            """,
            """
            using System.Net;
            using System.Net.Sockets;

            class Relay
            {
                TcpListener Listen() => new TcpListener(IPAddress.Any, PortSettings.FromEnvironment("Ports__RelayListen", 9100));
            }
            """,
            VerifyFix.Environment,
            "PORT003");
        test.TestState.Sources.Add(("/0/PortSettings.cs", FixExpectations.Helper));
        test.FixedState.Sources.Add(("/0/PortSettings.cs", FixExpectations.Helper));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_const_that_a_case_label_needs_is_not_made_configurable()
    {
        // const -> static readonly would break the case label (CS0150): only port 0 and the safe port are offered.
        var source = """
            using System.Net;
            using System.Net.Sockets;

            class Router
            {
                const int EdgePort = {|#1:60251|};

                static string Describe(int port)
                {
                    switch (port)
                    {
                        case EdgePort: return "edge";
                        default: return "main";
                    }
                }

                static TcpListener Listen() => new TcpListener(IPAddress.Any, {|#0:EdgePort|});
            }
            """;
        var test = VerifyFix.Create(source, source, VerifyFix.Configuration, "PORT003");
        test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic("PORT003").WithSeverity(DiagnosticSeverity.Info).WithLocation(0).WithLocation(1).WithArguments(60251L, "new TcpListener(...)"));
        test.FixedState.ExpectedDiagnostics.Add(Verify.Diagnostic("PORT003").WithSeverity(DiagnosticSeverity.Info).WithLocation(0).WithLocation(1).WithArguments(60251L, "new TcpListener(...)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_format_string_is_not_interpolated()
    {
        // $"http://{{0}}:{read}" would turn the format's {0} into text and change the URL: not offered.
        var source = """
            using Microsoft.AspNetCore.Builder;

            class Urls
            {
                static void Add(WebApplication app, string host) => app.Urls.Add(string.Format("http://{0}:{|PORT003:7812|}", host));
            }
            """;
        await VerifyFix.Create(source, source, VerifyFix.Configuration, "PORT003").RunAsync();
    }

    [Fact]
    public Task A_port_in_an_interpolated_string_becomes_a_hole_of_its_own()
        => VerifyFix.FixAsync(
            """
            using Microsoft.AspNetCore.Builder;

            class Urls
            {
                static void Add(WebApplication app, string host) => app.Urls.Add($"http://{host}:{|PORT003:7810|}/{{tenant}}");
            }
            """,
            """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Configuration;

            class Urls
            {
                static void Add(WebApplication app, string host) => app.Urls.Add($"http://{host}:{app.Configuration.GetValue("Ports:WebApplicationUrls", 7810)}/{{tenant}}");
            }
            """,
            VerifyFix.Configuration,
            "PORT003");

    [Fact]
    public async Task A_const_read_by_an_earlier_static_initializer_stays_const()
    {
        // As static readonly, GatePort would still be 0 when Listener is initialized: behaviour would change.
        var source = """
            using System.Net;
            using System.Net.Sockets;

            static class Gate
            {
                public static readonly TcpListener Listener = new TcpListener(IPAddress.Any, {|#0:GatePort|});
                const int GatePort = {|#1:7204|};
            }
            """;
        var test = VerifyFix.Create(source, source, VerifyFix.Configuration, "PORT003");
        test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic("PORT003").WithSeverity(DiagnosticSeverity.Info).WithLocation(0).WithLocation(1).WithArguments(7204L, "new TcpListener(...)"));
        test.FixedState.ExpectedDiagnostics.Add(Verify.Diagnostic("PORT003").WithSeverity(DiagnosticSeverity.Info).WithLocation(0).WithLocation(1).WithArguments(7204L, "new TcpListener(...)"));
        await test.RunAsync();
    }
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
                void M(IWebHostBuilder b) => b.UseUrls($"http://*:{PortSettings.FromEnvironment("Ports__Http", 8081)}", $"https://*:{PortSettings.FromEnvironment("Ports__Https", 8443)}");
            }
            """ + "\n\n" + FixExpectations.Helper,
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
        var source = "using System.Net;\nusing System.Net.Sockets;\nclass C { TcpListener M() => new TcpListener(IPAddress.Any, PortSettings.FromEnvironment(\"Ports__C\", 8080)); }\n" + FixExpectations.Helper;
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
            ("using System.Net;\nusing System.Net.Sockets;\nclass C { TcpListener M() => new TcpListener(IPAddress.Any, PortSettings.FromEnvironment(\"Ports__C\", 60251)); }\n" + FixExpectations.Helper, false),
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
