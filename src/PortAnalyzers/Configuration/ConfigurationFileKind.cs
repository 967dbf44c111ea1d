using System;
using System.IO;

namespace PortAnalyzers.Configuration;

/// <summary>Which reading of a JSON file applies: ASP.NET Core configuration or Visual Studio launch profiles.</summary>
internal enum ConfigurationFileKind : byte
{
    None,
    AppSettings,
    LaunchSettings,

    /// <summary>Dockerfile, *.Dockerfile: EXPOSE, ENV/ARG listen variables, --urls.</summary>
    Dockerfile,

    /// <summary>A project file with SDK container items (ContainerPort, ContainerEnvironmentVariable).</summary>
    ProjectFile,
}

internal static class ConfigurationFileKinds
{
    /// <summary>
    /// The files the package adds as AdditionalFiles, relative to the project directory, '/'-separated, in that order;
    /// the project file itself comes after them. This is the list: port-inventory reads it, and the package's
    /// build/PortAnalyzers.targets spells it out as MSBuild globs (with the Exists conditions and the .dockerignore
    /// exclusion MSBuild needs), which DefaultFilesTests keeps equal to it. Not generated: the targets file is plain
    /// MSBuild a user can read in the package, and a generator would need the same drift test.
    /// </summary>
    public static readonly string[] DefaultFiles = { "appsettings*.json", "Properties/launchSettings.json", "Dockerfile", "*.Dockerfile", "Dockerfile.*" };

    public const string OptionKey = "port_analyzers.configuration_file";
    public const string MetadataKey = "build_metadata.AdditionalFiles.PortAnalyzersConfigurationFile";

    /// <summary>
    /// appsettings*.json, launchSettings.json, Dockerfile, *.Dockerfile, Dockerfile.* and *.csproj by name; any other file when the
    /// user says so with port_analyzers.configuration_file = appsettings | launchsettings | dockerfile | project (an
    /// .editorconfig section for the file, or
    /// AdditionalFiles metadata PortAnalyzersConfigurationFile). "none" turns a file off.
    /// </summary>
    public static ConfigurationFileKind Of(string path, string? declared)
    {
        if (declared is not null)
        {
            switch (declared.Trim().ToLowerInvariant())
            {
                case "appsettings":
                    return ConfigurationFileKind.AppSettings;
                case "launchsettings":
                    return ConfigurationFileKind.LaunchSettings;
                case "dockerfile":
                    return ConfigurationFileKind.Dockerfile;
                case "project":
                    return ConfigurationFileKind.ProjectFile;
                case "none":
                case "false":
                    return ConfigurationFileKind.None;
            }
        }

        var name = Path.GetFileName(path);
        // Dockerfile, Api.Dockerfile, and the Dockerfile.alpine naming of Microsoft's own samples; not the per-Dockerfile
        // ignore file BuildKit reads (Dockerfile.dockerignore).
        if (name.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".dockerignore", StringComparison.OrdinalIgnoreCase)))
        {
            return ConfigurationFileKind.Dockerfile;
        }

        if (name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            return ConfigurationFileKind.ProjectFile;
        }

        if (!name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return ConfigurationFileKind.None;
        }

        if (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase))
        {
            return ConfigurationFileKind.AppSettings;
        }

        return name.Equals("launchSettings.json", StringComparison.OrdinalIgnoreCase) ? ConfigurationFileKind.LaunchSettings : ConfigurationFileKind.None;
    }
}
