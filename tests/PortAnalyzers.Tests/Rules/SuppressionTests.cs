using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Rules;

/// <summary>The standard ways to silence a diagnostic work for every rule, as users of other analyzer packages expect.</summary>
public class SuppressionTests
{
    private const string Usings = "using System.Diagnostics.CodeAnalysis;\nusing System.Net;\nusing System.Net.Sockets;\n";

    [Fact]
    public Task Pragma_suppresses_a_rule_for_a_region()
    {
        var test = Verify.Create(Usings + """
            class C
            {
            #pragma warning disable PORT001
                object A() => new TcpListener(IPAddress.Any, 60251);
            #pragma warning restore PORT001
                object B() => new TcpListener(IPAddress.Any, {|PORT001:60252|});
            }
            """, null, new[] { "PORT001" });

        // The library's own check wraps the file in '#pragma warning disable'; this file restores the rule itself.
        test.TestBehaviors |= Microsoft.CodeAnalysis.Testing.TestBehaviors.SkipSuppressionCheck;
        return test.RunAsync();
    }

    [Fact]
    public Task SuppressMessage_attribute_suppresses_a_rule_for_a_member()
        => Verify.AnalyzerAsync(Usings + """
            class C
            {
                [SuppressMessage("PortAnalyzers.Reliability", "PORT001", Justification = "test listener")]
                object A() => new TcpListener(IPAddress.Any, 60251);
                object B() => new TcpListener(IPAddress.Any, {|PORT001:60252|});
            }
            """, "PORT001");

    [Fact]
    public Task Editorconfig_severity_none_turns_a_rule_off()
        => Verify.AnalyzerAsync(
            Usings + "class C { object A() => new TcpListener(IPAddress.Any, 60251); }",
            "dotnet_diagnostic.PORT001.severity = none",
            new[] { "PORT001" });

    // A rule whose severity is none is not evaluated (the analyzer reads the effective severities once per file):
    // the other rules must still report, and a file's .editorconfig must win over the global config, as in the compiler.
    [Fact]
    public Task Severity_none_for_one_rule_leaves_the_others_on()
        => Verify.AnalyzerAsync(
            Usings + "class C { object A() => new TcpListener(IPAddress.Any, {|PORT001:60251|}); }",
            "dotnet_diagnostic.PORT003.severity = none",
            new[] { "PORT001", "PORT003" });

    [Fact]
    public Task A_files_editorconfig_severity_none_wins_over_the_global_config()
    {
        var test = Verify.Create(
            Usings + "class C { object A() => new TcpListener(IPAddress.Any, 60251); }",
            "dotnet_diagnostic.PORT001.severity = warning",
            new[] { "PORT001" });
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.PORT001.severity = none\n"));
        return test.RunAsync();
    }
}
