using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Sinks;

/// <summary>
/// Calls whose target does not bind (half-typed code, a package that did not restore, a generator not yet run): an
/// argument is a port when it is named for one or when the method's name says port.
/// </summary>
public class UnboundCallTests
{
    [Fact]
    public Task Port_named_arguments_of_unbound_calls_are_ports()
        => Verify.IgnoringCompilerErrorsAsync("""
            class C
            {
                void M(object builder)
                {
                    builder.Configure(port: {|PORT001:{|PORT003:60251|}|});
                    builder.Configure(gatewayPort: {|PORT003:30000|}, retries: 5, timeoutMs: 60000);
                    Missing.Start(hostPort: {|PORT003:8421|});
                    new MissingServer(listenPort: {|PORT001:{|PORT003:50000|}|}, backlog: 50000);
                }
            }
            """, "PORT001", "PORT003");

    [Fact]
    public Task Positional_arguments_count_when_the_unbound_method_name_says_port()
        => Verify.IgnoringCompilerErrorsAsync("""
            class C
            {
                void M(object builder)
                {
                    builder.WithHostPort({|PORT003:8421|});
                    builder.UsePort({|PORT001:{|PORT003:60000|}|});
                    builder.WithRetries(50000);
                    builder.WithTimeout(60000);
                    builder.Report(50000);
                    builder.WithMaxPort(60000);
                }
            }
            """, "PORT001", "PORT003");

    [Fact]
    public Task Aspire_app_host_without_its_packages_keeps_the_catalogue_roles()
        => Verify.IgnoringCompilerErrorsAsync("""
            using Aspire.Hosting;

            var builder = DistributedApplication.CreateBuilder(args);
            builder.AddContainer("cache", "redis").WithHttpEndpoint(port: {|PORT002:6379|}, targetPort: 6379);
            builder.AddContainer("web", "nginx").WithHttpsEndpoint(port: {|PORT007:6000|}, targetPort: {|PORT005:443|});
            builder.AddProject("api", "../Api/Api.csproj").WithEndpoint(port: {|PORT001:60000|}, targetPort: 8080, scheme: "tcp");
            builder.AddPostgres("db").WithHostPort({|PORT002:5000|});
            builder.Build().Run();
            """, "PORT001", "PORT002", "PORT005", "PORT007");

    [Fact]
    public Task Aspire_app_host_with_its_packages_finds_the_same_ports()
    {
        var test = Verify.Create("""
            using Aspire.Hosting;

            var builder = DistributedApplication.CreateBuilder(args);
            builder.AddContainer("cache", "redis").WithHttpEndpoint(port: {|PORT002:6379|}, targetPort: 6379);
            builder.AddContainer("web", "nginx").WithHttpsEndpoint(port: {|PORT007:6000|}, targetPort: {|PORT005:443|});
            builder.AddContainer("api", "api").WithEndpoint(port: {|PORT001:60000|}, targetPort: 8080, scheme: "tcp");
            builder.Build().Run();
            """, null, new[] { "PORT001", "PORT002", "PORT005", "PORT007" });
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ReferenceAssemblies = TestReferences.Aspire;
        return test.RunAsync();
    }

    [Fact]
    public Task Urls_and_connection_strings_given_to_unbound_calls_are_read_with_the_catalogue_role()
        => Verify.IgnoringCompilerErrorsAsync("""
            class C
            {
                void M(object webBuilder, object cors, string host)
                {
                    webBuilder.UseUrls("http://localhost:{|PORT002:5000|}", $"http://{host}:{|PORT001:60000|}");
                    cors.WithOrigins("http://localhost:{|PORT001:62653|}");
                    var redis = ConnectionMultiplexer.Connect("localhost:6379,connectTimeout=5000");
                    webBuilder.Log("Listening on http://localhost:60001 for a while");
                    webBuilder.Add("http://localhost:{|PORT001:60002|}/"); // a whole URL reaching no known sink: unknown role, as in bound code
                }
            }
            """, "PORT001", "PORT002");

    [Fact]
    public Task Connection_string_given_to_an_unbound_client_is_hardcoded()
    {
        var test = Verify.Create("""
            class C
            {
                static readonly string Configuration = "localhost:{|#1:6379|},connectTimeout=5000";
                object M() => ConnectionMultiplexer.Connect({|#0:Configuration|});
            }
            """, null, new[] { "PORT003" });
        test.CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None;
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("PORT003", Microsoft.CodeAnalysis.DiagnosticSeverity.Info)
            .WithLocation(0).WithLocation(1).WithArguments(6379L, "ConnectionMultiplexer.Connect"));
        return test.RunAsync();
    }

    [Fact]
    public Task Calls_that_bind_are_not_judged_twice()
        => Verify.AnalyzerAsync("""
            class C
            {
                void Use(int port) { }
                void M() => Use(port: {|PORT003:8421|});
            }
            """, "PORT003");

    [Fact]
    public Task Unbound_calls_with_values_that_are_not_constant_or_not_numbers_are_ignored()
        => Verify.IgnoringCompilerErrorsAsync("""
            class C
            {
                void M(object builder, int p, string s)
                {
                    builder.Configure(port: p);
                    builder.Configure(port: "http");
                    builder.WithHostPort(p + 1);
                    builder.Configure(port: 0);
                    builder.WithHostPort(null);
                }
            }
            """, "PORT001", "PORT003", "PORT004");
}
