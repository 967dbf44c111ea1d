using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Sinks;

/// <summary>
/// Ports in the constant part of strings built from pieces: interpolated strings, concatenations, string.Format and
/// string.Concat, reported at the digits with the role of the sink the string reaches.
/// </summary>
public class ComposedStringTests
{
    private const string Usings = "using System;\nusing System.Net;\nusing System.Net.Http;\nusing System.Threading.Tasks;\nusing Microsoft.AspNetCore.Builder;\nusing Microsoft.AspNetCore.Hosting;\n";
    private static readonly string[] ListenRules = { "PORT001", "PORT002", "PORT005", "PORT007" };

    [Theory]
    [InlineData("void M(WebApplication app, string host) => app.Urls.Add($\"http://{host}:{|PORT001:50505|}\");")]
    [InlineData("void M(HttpListener l, string host) => l.Prefixes.Add($\"http://{host}:{|PORT007:6000|}/api/\");")]
    [InlineData("void M(IWebHostBuilder b, string host) => b.UseUrls(\"http://\" + host + \":{|PORT002:5000|}\");")]
    [InlineData("void M(IWebHostBuilder b, string host, string path) => b.UseUrls(\"http://\" + host + \":{|PORT002:7000|}/\" + path);")]
    [InlineData("void M(WebApplication app, string host) => app.Run(string.Format(\"http://{0}:{|PORT001:60000|}/\", host));")]
    [InlineData("void M(WebApplication app, string host) => app.Urls.Add(string.Concat(\"http://\", host, \":{|PORT007:6665|}\"));")]
    [InlineData("void M(WebApplication app, string host) => app.Urls.Add($@\"https://{host}:{|PORT005:443|}\");")]
    [InlineData("void M(WebApplication app, string host) => app.Urls.Add($\"\"\"http://{host}:{|PORT001:{|PORT002:60251|}|}\"\"\");")]
    [InlineData("void M(WebApplication app, int id) => app.Urls.Add($\"http://node{id}.local:{|PORT001:52000|}\");")]
    public Task Listen_sink_reached_by_a_composed_url(string member)
        => Verify.AnalyzerAsync(Usings + $"class C {{ {member} }}", ListenRules);

    [Fact]
    public Task Connect_sink_reached_by_a_composed_url_is_hardcoded_but_not_a_listener()
        => Verify.AnalyzerAsync(Usings + """
            class C
            {
                Task A(HttpClient c, string host) => c.GetAsync($"http://{host}:{|PORT003:60251|}/orders");
                Task B(HttpClient c, string host) => c.GetAsync("http://" + host + ":{|PORT003:5000|}/health");
            }
            """, "PORT001", "PORT002", "PORT003");

    [Fact]
    public Task Connection_string_built_from_pieces_is_a_connect_sink()
        => Verify.AnalyzerAsync("""
            class Db { public Db(string connectionString) { } }
            class C
            {
                object A(string host) => new Db($"Host={host};Port={|PORT003:5432|};Database=orders");
                object B(string host, string user) => new Db("Server=" + host + ",{|PORT003:1433|};User Id=" + user);
                object D(string host) => new Db($"Host={host};Port={|PORT004:70000|}");
            }
            """, "PORT001", "PORT002", "PORT003", "PORT004");

    [Fact]
    public Task Redis_configuration_built_from_pieces_is_a_connect_sink()
        => Verify.WithReferencesAsync(TestReferences.Redis, """
            using StackExchange.Redis;
            class C
            {
                object A(string host) => ConnectionMultiplexer.Connect($"{host}:{|PORT003:6390|},ssl=true");
            }
            """, "PORT001", "PORT002", "PORT003");

    [Fact]
    public Task Composed_url_in_a_local_is_reported_at_the_sink_with_the_digits_as_additional_location()
        => Verify.AnalyzerAsync(
            Usings + """
            class C
            {
                void M(HttpListener l, string host)
                {
                    var prefix = $"http://{host}:{|#1:6000|}/";
                    l.Prefixes.Add({|#0:prefix|});
                }
            }
            """,
            null,
            new[] { "PORT007" },
            Verify.Diagnostic("PORT007").WithLocation(0).WithLocation(1).WithArguments(6000L, "x11"));

    [Fact]
    public Task Constant_in_a_hole_is_the_port_and_its_declaration_is_not_reported_again()
        => Verify.AnalyzerAsync(
            Usings + """
            class C
            {
                const int Port = {|#1:60251|};
                void M(WebApplication app, string host) => app.Urls.Add($"http://{host}:{{|#0:Port|}}");
            }
            """,
            null,
            new[] { "PORT001" },
            Verify.Diagnostic("PORT001").WithLocation(0).WithLocation(1));

    [Fact]
    public Task Composed_url_that_reaches_no_sink_is_an_unknown_role_url()
        => Verify.AnalyzerAsync(Usings + """
            class C
            {
                void M(string host)
                {
                    var url = $"http://{host}:{|PORT001:{|PORT003:60251|}|}/";
                    Console.WriteLine(url.Length);
                }
            }
            """, "PORT001", "PORT003", "PORT005");

    [Fact]
    public Task Digits_that_touch_a_value_or_are_not_constant_are_not_ports()
        => Verify.AnalyzerAsync(Usings + """
            class C
            {
                void M(WebApplication app, HttpClient c, string host, int port, string suffix, int major, int minor)
                {
                    app.Urls.Add($"http://{host}:{port}");
                    app.Urls.Add($"http://{host}:80{suffix}");
                    app.Urls.Add($"http://{host}:{suffix}80");
                    app.Urls.Add("http://" + host + ":" + port);
                    app.Urls.Add(string.Format("http://{0}:{1}", host, port));
                    app.Urls.Add($"http://{host}:{port,5}");
                    c.GetAsync($"http://{host}/api/v2/items/60251");
                    Console.WriteLine($"Listening on http://{host}:60251 since {DateTime.Now}");
                    Console.WriteLine($"Version {major}.{minor}:60251");
                    Console.WriteLine("Timeout: " + port + " ms, retry after 60000 ms");
                    throw new InvalidOperationException($"Port {port} is busy: waited 60000 ms for http://{host}:{port}");
                }
            }
            """);

    [Fact]
    public Task Escapes_before_the_digits_fall_back_to_the_whole_text_part()
        => Verify.AnalyzerAsync(Usings + """
            class C
            {
                void M(WebApplication app, string host) => app.Urls.Add($"http://{host}{|PORT001:\u003A60251/|}");
            }
            """, "PORT001");

    [Fact]
    public Task Url_elements_of_a_params_array_that_reaches_no_sink_are_unknown_role_urls()
        => Verify.AnalyzerAsync("""
            class Cors { public Cors WithOrigins(params string[] origins) => this; }
            class C
            {
                void M(Cors cors) => cors.WithOrigins("http://localhost:{|PORT001:62653|}", "https://app.example.com", "see http://localhost:62654 for help");
            }
            """, "PORT001");
}
