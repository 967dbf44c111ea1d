using Microsoft.CodeAnalysis.Text;
using PortAnalyzers.Container;
using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Container;

/// <summary>SDK container publishing items in a project file (the package's targets add the project file).</summary>
public class ContainerItemsTests
{
    private static readonly string[] PerPort = { "PORT001", "PORT002", "PORT004", "PORT005", "PORT006", "PORT007" };

    [Fact]
    public Task Container_ports_and_environment_variables_are_listeners_at_their_digits()
        => VerifyConfiguration.AnalyzerAsync("/0/Api.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <ContainerPort Include="8080" Type="tcp" />
                <ContainerPort Include=" {|PORT005:443|} " />
                <ContainerPort Type="udp" Include='{|PORT001:60053|}' />
                <ContainerPort Include="{|PORT004:70000|}" />
                <ContainerEnvironmentVariable Include="ASPNETCORE_HTTP_PORTS" Value="{|PORT002:5432|};8080" />
                <ContainerEnvironmentVariable Include="ASPNETCORE_URLS" Value="http://+:{|PORT007:6000|}" />
              </ItemGroup>
            </Project>
            """, PerPort);

    [Fact]
    public Task Traps_comments_properties_other_items_and_other_variables()
        => VerifyConfiguration.AnalyzerAsync("/0/Api.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <!-- <ContainerPort Include="60000" /> -->
              <PropertyGroup>
                <ContainerPort>60001</ContainerPort>
                <ApiPort>60002</ApiPort>
              </PropertyGroup>
              <ItemGroup>
                <ContainerPort Include="$(ApiPort)" />
                <ContainerPort Include="60003" Type="sctp" />
                <ContainerLabel Include="port" Value="60004" />
                <ContainerEnvironmentVariable Include="TIMEOUT" Value="60005" />
                <ContainerPortExtra Include="60006" />
              </ItemGroup>
            </Project>
            """, PerPort);

    [Fact]
    public Task Props_file_declared_as_a_project_is_read_and_an_undeclared_one_is_not()
        => VerifyConfiguration.AnalyzerAsync(
            new[]
            {
                ("/0/Directory.Build.props", "<Project><ItemGroup><ContainerPort Include=\"{|PORT001:61600|}\" /></ItemGroup></Project>"),
                ("/0/Other.props", "<Project><ItemGroup><ContainerPort Include=\"61601\" /></ItemGroup></Project>"),
            },
            "[/0/Directory.Build.props]\nport_analyzers.configuration_file = project\n",
            PerPort);

    [Theory]
    [InlineData("")]
    [InlineData("<")]
    [InlineData("<ContainerPort")]
    [InlineData("<ContainerPort Include=")]
    [InlineData("<ContainerPort Include=\"8080")]
    [InlineData("<!-- <ContainerPort Include=\"8080\" />")]
    [InlineData("<ContainerEnvironmentVariable Include=\"ASPNETCORE_URLS\" Value=\"http://+:")]
    [InlineData("<ContainerPort Include='1' Type=>")]
    public void Broken_project_file_never_throws(string project)
    {
        var result = ProjectFilePortDiscovery.Discover("/0/Api.csproj", SourceText.From(project));
        Assert.All(result.Occurrences, o => Assert.InRange(o.Location.SourceSpan.End, 0, project.Length));
    }
}
