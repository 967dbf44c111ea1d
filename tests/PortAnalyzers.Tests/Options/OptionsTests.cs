using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PortAnalyzers.Options;
using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Options;

public class OptionsTests
{
    private const string Listener = "using System.Net;\nusing System.Net.Sockets;\nclass C { object M() => new TcpListener(IPAddress.Any, {|PORT001:60251|}); }";

    [Theory]
    [InlineData("port_analyzers.ephemeral_range", "solaris")]
    [InlineData("port_analyzers.ephemeral_range", "60000-50000")]
    [InlineData("port_analyzers.ephemeral_range", "1-70000")]
    [InlineData("port_analyzers.allowed_ports", "60251,abc")]
    [InlineData("port_analyzers.allowed_ports", "5000-")]
    [InlineData("port_analyzers.known_uses", "everything")]
    public Task Malformed_value_is_reported_with_value_and_option_and_the_default_is_used(string key, string value)
        => Verify.AnalyzerAsync(
            Listener,
            $"{key} = {value}",
            new[] { DiagnosticIds.EphemeralPort, DiagnosticIds.InvalidOption },
            new DiagnosticResult(DiagnosticIds.InvalidOption, DiagnosticSeverity.Warning).WithArguments(value, key, ExpectedReason(key), ExpectedFallback(key)));

    [Fact]
    public Task Malformed_MSBuild_property_is_reported_under_its_option_name()
        => Verify.AnalyzerAsync(
            Listener,
            "build_property.PortAnalyzersEphemeralRange = nope",
            new[] { DiagnosticIds.EphemeralPort, DiagnosticIds.InvalidOption },
            new DiagnosticResult(DiagnosticIds.InvalidOption, DiagnosticSeverity.Warning).WithArguments("nope", "port_analyzers.ephemeral_range", ExpectedReason("port_analyzers.ephemeral_range"), ExpectedFallback("port_analyzers.ephemeral_range")));

    [Fact]
    public Task Empty_MSBuild_property_means_not_set()
        => Verify.AnalyzerAsync(Listener, "build_property.PortAnalyzersEphemeralRange = ", new[] { DiagnosticIds.EphemeralPort, DiagnosticIds.InvalidOption });

    [Theory]
    [InlineData(" linux ", 32768, 60999)]
    [InlineData("LINUX", 32768, 60999)]
    [InlineData("50000-50100; 60000 - 65535", 50000, 65535)]
    [InlineData("60251", 60251, 60251)]
    public void Ranges_parse_with_spaces_case_and_separators(string text, int lowest, int highest)
    {
        var options = OptionsReader.Parse(text, null, null);
        Assert.Empty(options.Errors);
        Assert.Equal(lowest, options.EphemeralRange.Ranges.LowestPort);
        Assert.Equal(highest, options.EphemeralRange.Ranges.Ranges[^1].End);
    }

    [Fact]
    public void Overlapping_allowed_ranges_merge()
    {
        var options = OptionsReader.Parse(null, "5000-5010, 5005-5020, 5021", null);
        Assert.Single(options.AllowedPorts.Ranges);
        Assert.True(options.IsAllowed(5021));
        Assert.False(options.IsAllowed(5022));
    }

    private static string ExpectedReason(string key) => key switch
    {
        "port_analyzers.ephemeral_range" => "expected iana, linux, windows, macos, freebsd, all, or port ranges such as 50000-50100,60000-65535",
        "port_analyzers.allowed_ports" => "expected ports and ranges between 0 and 65535 separated by commas, such as 60251, 5000-5010",
        _ => "expected curated, iana or none",
    };

    private static string ExpectedFallback(string key) => key switch
    {
        "port_analyzers.ephemeral_range" => "iana, 49152\u201365535",
        "port_analyzers.allowed_ports" => "no allowed ports",
        _ => "curated",
    };
}
