using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Rules;

/// <summary>
/// In a test project a port is usually test data: PORT003 is silent there unless port_analyzers.hardcoded_in_tests
/// turns it on. The other rules still judge the value.
/// </summary>
public class TestProjectPolicyTests
{
    private const string Source = """
        using System.Net;
        using System.Net.Sockets;
        class ClientTests
        {
            void Connects() { using var client = new TcpClient("localhost", {|#0:5432|}); }
            void Listens() { var listener = new TcpListener(IPAddress.Loopback, {|#1:60251|}); }
        }
        """;

    [Fact]
    public Task Hardcoded_port_is_reported_outside_test_projects()
        => Verify.AnalyzerAsync(Source, null, new[] { "PORT003" },
            Verify.Diagnostic("PORT003").WithLocation(0).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info),
            Verify.Diagnostic("PORT003").WithLocation(1).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info));

    [Fact]
    public Task Hardcoded_port_is_silent_in_a_project_that_sets_IsTestProject()
        => Verify.InTestProjectAsync(Source, null, "PORT003");

    [Fact]
    public Task Hardcoded_in_tests_option_turns_PORT003_back_on()
        => Verify.AnalyzerAsync(Source, "build_property.IsTestProject = true\nport_analyzers.hardcoded_in_tests = true", new[] { "PORT003" },
            Verify.Diagnostic("PORT003").WithLocation(0).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info),
            Verify.Diagnostic("PORT003").WithLocation(1).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info));

    [Fact]
    public Task Other_rules_still_apply_in_test_projects()
        => Verify.AnalyzerAsync(Source, "build_property.IsTestProject = true", new[] { "PORT001", "PORT003" },
            Verify.Diagnostic("PORT001").WithLocation(1));

    [Fact]
    public Task A_reference_to_xunit_makes_a_test_project()
    {
        var test = Verify.Create("""
            using System.Net.Sockets;
            using Xunit;
            public class ClientTests
            {
                [Fact]
                public void Connects() { using var client = new TcpClient("localhost", 5432); Assert.NotNull(client); }
            }
            """, null, new[] { "PORT003" });
        test.ReferenceAssemblies = TestReferences.Xunit;
        return test.RunAsync();
    }

    [Fact]
    public Task IsTestProject_false_wins_over_a_framework_reference()
    {
        var test = Verify.Create("""
            using System.Net.Sockets;
            public class Helpers { public TcpClient Open() => new TcpClient("localhost", {|PORT003:5432|}); }
            """, "build_property.IsTestProject = false", new[] { "PORT003" });
        test.ReferenceAssemblies = TestReferences.Xunit;
        return test.RunAsync();
    }

    [Fact]
    public Task Malformed_hardcoded_in_tests_value_is_reported_and_ignored()
        => Verify.AnalyzerAsync("class C { }", "port_analyzers.hardcoded_in_tests = sometimes", new[] { "PORT100" },
            Verify.Diagnostic("PORT100").WithArguments("sometimes", "port_analyzers.hardcoded_in_tests", "expected true or false", "false"));
}
