using Microsoft.CodeAnalysis.Text;
using PortAnalyzers.Configuration;
using PortAnalyzers.Container;
using PortAnalyzers.Model;

namespace PortAnalyzers.Tests.Container;

/// <summary>
/// Each row of ContainerPortCatalog is recognised where it is written, and names close to a row are not: a new row
/// needs a line in <see cref="Recognised"/> (the coverage test fails otherwise) and its near misses in <see cref="NearMisses"/>.
/// </summary>
public class ContainerPortCatalogTests
{
    private const string Dockerfile = "/0/Dockerfile";
    private const string Project = "/0/Api.csproj";

    // File, text, the sink the occurrence names, its port, and whether the running app listens on it (image Listens).
    public static TheoryData<string, string, string, long, bool> Recognised => new()
    {
        { Dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE 61700\n", "EXPOSE", 61700, false },
        { Dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nexpose 61701/udp\n", "EXPOSE", 61701, false },
        { Dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_HTTP_PORTS=61702\n", "ENV ASPNETCORE_HTTP_PORTS", 61702, true },
        { Dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV urls http://+:61703\n", "ENV urls", 61703, true },
        { Dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nARG HTTP_PORTS=61704\n", "ARG HTTP_PORTS", 61704, false },
        { Dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENTRYPOINT [\"dotnet\", \"Api.dll\", \"--urls\", \"http://+:61705\"]\n", "ENTRYPOINT --urls", 61705, true },
        { Dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCMD dotnet Api.dll --URLS=http://+:61706\n", "CMD --urls", 61706, true },
        { Project, "<Project><ItemGroup><ContainerPort Include=\"61707\" Type=\"udp\" /></ItemGroup></Project>", "ContainerPort", 61707, false },
        { Project, "<Project><ItemGroup><containerport Include=\"61708\" /></ItemGroup></Project>", "ContainerPort", 61708, false },
        { Project, "<Project><ItemGroup><ContainerEnvironmentVariable Include=\"ASPNETCORE_URLS\" Value=\"http://+:61709\" /></ItemGroup></Project>", "ContainerEnvironmentVariable ASPNETCORE_URLS", 61709, true },
    };

    public static TheoryData<string, string> NearMisses => new()
    {
        { Dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSED 61710\nEXPOS 61711\n" },
        { Dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_HTTP_PORT=61712 ASPNETCORE_URL=http://+:61713 PORTS=61714\n" },
        { Dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nARG XASPNETCORE_HTTP_PORTS=61715\nENVIRONMENT HTTP_PORTS=61716\n" },
        { Dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nLABEL ASPNETCORE_HTTP_PORTS=61717\n" },
        { Dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCMD dotnet Api.dll --url http://+:61718 -urls http://+:61719 --urlsx=http://+:61720\n" },
        { Dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nRUN dotnet Api.dll --urls http://+:61721\nHEALTHCHECK CMD dotnet Api.dll --urls http://+:61722\n" },
        { Project, "<Project><ItemGroup><ContainerPorts Include=\"61723\" /><ContainerPortMapping Include=\"61724\" /><ContainerPort Update=\"61725\" /></ItemGroup></Project>" },
        { Project, "<Project><PropertyGroup><ContainerPort>61726</ContainerPort></PropertyGroup></Project>" },
        { Project, "<Project><ItemGroup><ContainerEnvironmentVariables Include=\"ASPNETCORE_HTTP_PORTS\" Value=\"61727\" /><EnvironmentVariable Include=\"HTTP_PORTS\" Value=\"61728\" /></ItemGroup></Project>" },
        { Project, "<Project><ItemGroup><ContainerEnvironmentVariable Include=\"ASPNETCORE_HTTP_PORT\" Value=\"61729\" /><ContainerEnvironmentVariable Include=\"HTTP_PORTS_EXTRA\" Value=\"61730\" /><ContainerEnvironmentVariable Include=\"ASPNETCORE_URLS\" Url=\"http://+:61731\" /></ItemGroup></Project>" },
    };

    [Theory]
    [MemberData(nameof(Recognised))]
    public void Each_row_is_recognised_with_its_sink_role_and_use(string path, string text, string sink, long port, bool listens)
    {
        var result = Discover(path, text);
        var occurrence = Assert.Single(result.Occurrences);
        Assert.Equal(sink, occurrence.Sink);
        Assert.Equal(port, occurrence.Value);
        Assert.Equal(PortRole.Listen, occurrence.Role);
        Assert.Equal(listens, result.Image.Listens.Contains(occurrence));
        Assert.Equal(!listens && !sink.StartsWith("ARG ", StringComparison.Ordinal), result.Image.Exposed.Any(e => e.From == port));

        // port-inventory reads the row back from the sink to know whether the app listens there in the container.
        Assert.Equal(listens, ContainerPortCatalog.OfSink(occurrence.Sink)?.Use == ContainerPortUse.Listens);
    }

    [Theory]
    [InlineData("new TcpListener(...)")]
    [InlineData("Urls")]
    [InlineData("EXPOSED")]
    [InlineData("ARG")]
    [InlineData("ContainerPorts")]
    public void Sinks_of_no_row_name_no_row(string sink) => Assert.Null(ContainerPortCatalog.OfSink(sink));

    [Theory]
    [MemberData(nameof(NearMisses))]
    public void Names_close_to_a_row_are_not_ports(string path, string text)
    {
        var result = Discover(path, text);
        Assert.Empty(result.Occurrences);
        Assert.Empty(result.Image.Exposed);
        Assert.Empty(result.Image.Listens);
    }

    [Fact]
    public void Every_row_has_a_recognised_sample()
    {
        var samples = Recognised.Select(row => (Kind: ConfigurationFileKinds.Of((string)row[0], null), Sink: (string)row[2])).ToList();
        Assert.All(ContainerPortCatalog.All, spec => Assert.Contains(samples, s => s.Kind == spec.File
            && (s.Sink.Equals(spec.Name, StringComparison.OrdinalIgnoreCase) || s.Sink.StartsWith(spec.Name + " ", StringComparison.OrdinalIgnoreCase))));
    }

    private static DockerfilePortDiscovery.Result Discover(string path, string text)
        => path.EndsWith(".csproj", StringComparison.Ordinal)
            ? ProjectFilePortDiscovery.Discover(path, SourceText.From(text))
            : DockerfilePortDiscovery.Discover(path, SourceText.From(text));
}
