using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Sinks;

/// <summary>HTTP listeners and clients: URLs, Kestrel, HttpListener, HttpClient, SmtpClient, UriBuilder.</summary>
public class HttpSinkTests
{
    private const string Usings = "using System;\nusing System.Net;\nusing System.Net.Http;\nusing System.Net.Mail;\nusing System.Threading.Tasks;\nusing Microsoft.AspNetCore.Builder;\nusing Microsoft.AspNetCore.Hosting;\nusing Microsoft.AspNetCore.Server.Kestrel.Core;\n";
    private static readonly string[] ListenRules = { "PORT001", "PORT002", "PORT005", "PORT007" };

    [Theory]
    [InlineData("void M(IWebHostBuilder b) => b.UseUrls(\"http://localhost:{|PORT007:6000|}\");")]
    [InlineData("void M(IWebHostBuilder b) => b.UseUrls(\"http://*:{|PORT002:5000|}\", \"https://+:{|PORT005:443|}\");")]
    [InlineData("void M(IWebHostBuilder b) => b.UseUrls(\"http://0.0.0.0:{|PORT001:60000|};http://[::1]:{|PORT007:6665|}\");")]
    [InlineData("void M(WebApplication app) => app.Urls.Add(\"http://localhost:{|PORT007:10080|}\");")]
    [InlineData("void M(WebApplication app) => app.Run(\"http://localhost:{|PORT001:50505|}\");")]
    [InlineData("Task M(WebApplication app) => app.RunAsync(\"https://localhost:{|PORT005:8|}\");")]
    [InlineData("void M(KestrelServerOptions k) => k.Listen(IPAddress.Any, {|PORT007:5060|});")]
    [InlineData("void M(KestrelServerOptions k) => k.Listen(new IPEndPoint(IPAddress.Any, {|PORT007:6666|}));")]
    [InlineData("void M(KestrelServerOptions k) => k.ListenAnyIP({|PORT001:{|PORT002:60251|}|}, o => { });")]
    [InlineData("void M(KestrelServerOptions k) => k.ListenLocalhost({|PORT002:7000|});")]
    [InlineData("void M(HttpListener l) => l.Prefixes.Add(\"http://+:{|PORT005:80|}/api/\");")]
    [InlineData("void M(HttpListener l) => l.Prefixes.Add(\"http://*:{|PORT007:6667|}/\");")]
    public Task Http_listen_sinks(string member)
        => Verify.AnalyzerAsync(Usings + $"class C {{ {member} }}", ListenRules);

    [Fact]
    public Task Urls_in_a_const_are_reported_at_the_sink_with_the_digits_of_the_declaration()
        => Verify.AnalyzerAsync(
            Usings + """
            class C
            {
                const string Url = "http://localhost:{|#1:6000|}";
                void M(WebApplication app) => app.Urls.Add({|#0:Url|});
            }
            """,
            null,
            new[] { "PORT007" },
            Verify.Diagnostic("PORT007").WithLocation(0).WithLocation(1).WithArguments(6000L, "x11"));

    [Theory]
    [InlineData("void M(HttpClient c) => c.BaseAddress = new Uri(\"http://localhost:60251\");")]
    [InlineData("Task M(HttpClient c) => c.GetAsync(\"http://localhost:6000/x\");")]
    [InlineData("Task M(HttpClient c) => c.GetStringAsync(new Uri(\"http://localhost:60251/\"));")]
    [InlineData("object M() => new HttpRequestMessage(HttpMethod.Get, \"http://localhost:5432/\");")]
    [InlineData("object M() => new SmtpClient(\"smtp\", 25);")]
    [InlineData("void M(SmtpClient s) => s.Port = 587;")]
    [InlineData("object M() => new UriBuilder(\"http\", \"localhost\", 60251);")]
    [InlineData("void M(UriBuilder b) => b.Port = 60251;")]
    [InlineData("object M() => new HttpClient { BaseAddress = new Uri(\"http://localhost:6000\") };")]
    public Task Http_connect_sinks_get_no_listener_rules(string member)
        => Verify.AnalyzerAsync(Usings + $"class C {{ {member} }}", ListenRules);

    [Theory]
    [InlineData("Task M(HttpClient c) => c.GetAsync(\"http://localhost:{|PORT003:8080|}/x\");")]
    [InlineData("object M() => new SmtpClient(\"smtp\", {|PORT003:25|});")]
    [InlineData("void M(SmtpClient s) => s.Port = {|PORT003:587|};")]
    [InlineData("Task M(HttpClient c) => c.GetAsync(\"http://localhost:{|PORT004:70000|}/x\");")]
    public Task Connect_ports_are_hardcoded_and_range_checked(string member)
        => Verify.AnalyzerAsync(Usings + $"class C {{ {member} }}", "PORT003", "PORT004");

    [Fact]
    public Task Uri_that_reaches_no_sink_is_unknown_role()
        => Verify.AnalyzerAsync(Usings + "class C { Uri U = new Uri(\"http://localhost:{|PORT001:60251|}\"); Uri V = new Uri(\"http://localhost:80\"); }", ListenRules);

    [Theory]
    [InlineData("http://localhost/orders/60251")]
    [InlineData("http://localhost/?port=60251")]
    [InlineData("http://localhost/#60251")]
    [InlineData("http://localhost:0/")]
    [InlineData("http://user:60251@localhost/")]
    [InlineData("http://localhost/api:60251")]
    public Task Numbers_outside_the_authority_are_not_ports(string url)
        => Verify.AnalyzerAsync(Usings + $"class C {{ void M(WebApplication app) => app.Urls.Add(\"{url}\"); }}");

    [Fact]
    public Task Verbatim_and_raw_string_urls_are_located_exactly()
        => Verify.AnalyzerAsync(Usings + "class C { void M(IWebHostBuilder b) { b.UseUrls(@\"http://*:{|PORT007:6668|}\"); b.UseUrls(\"\"\"http://*:{|PORT007:6669|}\"\"\"); } }", "PORT007");

    [Fact]
    public Task Url_with_escape_before_the_port_is_reported_on_the_whole_literal()
        => Verify.AnalyzerAsync(Usings + "class C { void M(IWebHostBuilder b) => b.UseUrls({|PORT007:\"http\\u003A//*:6697\"|}); }", "PORT007");

    [Fact]
    public Task Kestrel_endpoints_inside_configuration_lambdas_are_found()
        => Verify.AnalyzerAsync(Usings + """
            class C
            {
                void M(WebApplicationBuilder builder)
                {
                    builder.WebHost.ConfigureKestrel(options =>
                    {
                        options.ListenAnyIP({|PORT001:55000|});
                        options.ListenLocalhost(5100, listen => listen.UseHttps());
                    });
                }
            }
            """, ListenRules);

    [Fact]
    public Task Raw_tcp_listener_on_a_browser_bad_port_is_not_PORT007()
        => Verify.AnalyzerAsync("using System.Net; using System.Net.Sockets; class C { object M() => new TcpListener(IPAddress.Any, 6000); }", "PORT007");
}
