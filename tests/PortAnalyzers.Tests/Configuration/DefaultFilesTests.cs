using System.Text.RegularExpressions;
using PortAnalyzers.Configuration;
using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Configuration;

/// <summary>port-inventory reads ConfigurationFileKinds.DefaultFiles; the package adds its globs in the targets file.</summary>
public class DefaultFilesTests
{
    [Fact]
    public void The_package_targets_add_exactly_the_default_files()
    {
        var targets = File.ReadAllText(Repository.PathOf("src", "PortAnalyzers.Package", "build", "PortAnalyzers.targets"));
        var globs = Regex.Matches(targets, @"<_PortAnalyzersConfigurationFile Include=""\$\(MSBuildProjectDirectory\)/([^""]+)""")
            .Select(m => m.Groups[1].Value)
            .ToArray();
        Assert.Equal(ConfigurationFileKinds.DefaultFiles, globs);
    }
}
