using Microsoft.CodeAnalysis.Testing;
using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Rules;

public class DuplicateBindingRuleTests
{
    private const string Usings = "using System.Net;\nusing System.Net.Sockets;\nusing Microsoft.AspNetCore.Builder;\nusing Microsoft.AspNetCore.Hosting;\nusing Microsoft.AspNetCore.Server.Kestrel.Core;\n";

    [Fact]
    public Task Second_listener_on_the_same_tcp_port_is_reported_with_the_first_as_additional_location()
        => Verify.AnalyzerAsync(
            Usings + """
            class C
            {
                object A() => new TcpListener(IPAddress.Any, {|#1:8500|});
                object B() => TcpListener.Create({|#0:8500|});
            }
            """,
            null,
            new[] { "PORT006" },
            Verify.Diagnostic("PORT006").WithLocation(0).WithLocation(1).WithArguments(8500L, "tcp", "new TcpListener(...) at Test0.cs:8"));

    [Fact]
    public Task Tcp_and_udp_on_one_number_do_not_collide()
        => Verify.AnalyzerAsync(Usings + "class C { object A() => new TcpListener(IPAddress.Any, 5353); object B() => new UdpClient(5353); }", "PORT006");

    [Fact]
    public Task Listener_and_client_on_one_number_do_not_collide()
        => Verify.AnalyzerAsync(Usings + "class C { object A() => new TcpListener(IPAddress.Any, 5353); object B() => new TcpClient(\"h\", 5353); }", "PORT006");

    [Fact]
    public Task Http_listener_and_raw_listener_share_tcp()
        => Verify.AnalyzerAsync(Usings + """
            class C
            {
                void A(IWebHostBuilder b) => b.UseUrls("http://*:8088");
                void B(KestrelServerOptions k) => k.ListenAnyIP({|PORT006:8088|});
                object D() => new TcpListener(IPAddress.Any, {|PORT006:8088|});
            }
            """, "PORT006");

    [Fact]
    public Task Different_ports_and_port_zero_are_not_duplicates()
        => Verify.AnalyzerAsync(Usings + "class C { object A() => new TcpListener(IPAddress.Any, 0); object B() => new TcpListener(IPAddress.Any, 0); object D() => TcpListener.Create(8081); object E() => TcpListener.Create(8082); }", "PORT006");

    [Fact]
    public async Task Duplicates_across_files_of_one_project_are_found()
    {
        var test = Verify.Create(Usings + "class A { object M() => new TcpListener(IPAddress.Any, 9000); }", null, new[] { "PORT006" });
        test.TestState.Sources.Add(("Second.cs", Usings + "class B { object M() => new TcpListener(IPAddress.Any, {|PORT006:9000|}); }"));
        await test.RunAsync();
    }
}

public class DuplicateBindingAddressTests
{
    private const string Usings = "using System.Net;\nusing System.Net.Sockets;\nusing Microsoft.AspNetCore.Hosting;\nusing Microsoft.AspNetCore.Server.Kestrel.Core;\n";

    [Fact]
    public Task IPv4_any_and_IPv6_any_on_one_port_are_two_sockets()
        => Verify.AnalyzerAsync(Usings + "class C { object A() => new TcpListener(IPAddress.Any, 9000); object B() => new TcpListener(IPAddress.IPv6Any, 9000); }", "PORT006");

    [Fact]
    public Task Two_specific_addresses_do_not_collide_but_any_covers_a_specific_one()
        => Verify.AnalyzerAsync(Usings + """
            class C
            {
                object A() => new TcpListener(IPAddress.Parse("10.0.0.1"), 9001);
                object B() => new TcpListener(IPAddress.Parse("10.0.0.2"), 9001);
                object D() => new TcpListener(IPAddress.Any, {|PORT006:9001|});
                object E() => new TcpListener(IPAddress.Loopback, 9002);
                object F() => new TcpListener(new IPEndPoint(IPAddress.IPv6Loopback, 9002));
                object G() => TcpListener.Create({|PORT006:9002|});
            }
            """, "PORT006");

    [Fact]
    public Task Each_repeat_names_the_first_listener_whose_address_overlaps_its_own()
        => Verify.AnalyzerAsync(
            Usings + """
            class C
            {
                object A() => new TcpListener(IPAddress.Parse("10.0.0.1"), {|#1:9003|});
                object B() => new TcpListener(IPAddress.Parse("10.0.0.2"), {|#3:9003|});
                object D() => new TcpListener(IPAddress.Any, {|#0:9003|});
                object E() => new TcpListener(IPAddress.Parse("10.0.0.2"), {|#2:9003|});
                object F() => new TcpListener(IPAddress.Parse("10.0.0.1"), {|#4:9003|});
            }
            """,
            null,
            new[] { "PORT006" },
            Verify.Diagnostic("PORT006").WithLocation(0).WithLocation(1).WithArguments(9003L, "tcp", "new TcpListener(...) at Test0.cs:7"),
            Verify.Diagnostic("PORT006").WithLocation(2).WithLocation(3).WithArguments(9003L, "tcp", "new TcpListener(...) at Test0.cs:8"),
            Verify.Diagnostic("PORT006").WithLocation(4).WithLocation(1).WithArguments(9003L, "tcp", "new TcpListener(...) at Test0.cs:7"));

    [Fact]
    public Task Url_hosts_are_compared_as_addresses()
        => Verify.AnalyzerAsync(Usings + """
            class C
            {
                void A(IWebHostBuilder b) => b.UseUrls("http://127.0.0.1:9003", "http://[::1]:9003", "http://localhost:{|PORT006:9003|}");
                void B(KestrelServerOptions k) => k.ListenLocalhost({|PORT006:9003|});
            }
            """, "PORT006");
}
