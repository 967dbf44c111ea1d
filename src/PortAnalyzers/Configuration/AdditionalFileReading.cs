using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PortAnalyzers.Container;
using PortAnalyzers.Model;

namespace PortAnalyzers.Configuration;

/// <summary>
/// One additional file read for ports: which kind it is, the ports it holds, and for container files the image it
/// describes. The per-file analyzer judges the ports as the file is read; the project-level container rule (PORT009)
/// reads the same files again at the end of the compilation, through this one entrance, so both see the same ports.
/// </summary>
internal sealed class AdditionalFileReading
{
    // A file beyond this size is not one a person wrote; reading it would cost every keystroke.
    public const int MaxFileLength = 16 * 1024 * 1024;

    private AdditionalFileReading(ConfigurationFileKind kind, string path, List<PortOccurrence> occurrences, ContainerDefinition? image, string? error, Location? errorLocation)
    {
        Kind = kind;
        Path = path;
        Occurrences = occurrences;
        Image = image;
        Error = error;
        ErrorLocation = errorLocation;
    }

    public ConfigurationFileKind Kind { get; }

    public string Path { get; }

    public List<PortOccurrence> Occurrences { get; }

    /// <summary>The container a Dockerfile or a project file's container items describe; null for JSON files.</summary>
    public ContainerDefinition? Image { get; }

    /// <summary>Why the file could not be read (PORT101), or null.</summary>
    public string? Error { get; }

    public Location? ErrorLocation { get; }

    /// <summary>port_analyzers.configuration_file for the file (.editorconfig), else its AdditionalFiles metadata.</summary>
    public static string? DeclaredKind(AdditionalText file, AnalyzerConfigOptionsProvider provider)
    {
        var fileOptions = provider.GetOptions(file);
        fileOptions.TryGetValue(ConfigurationFileKinds.OptionKey, out var declared);
        if (declared is null)
        {
            fileOptions.TryGetValue(ConfigurationFileKinds.MetadataKey, out declared);
            declared = string.IsNullOrWhiteSpace(declared) ? null : declared;
        }

        return declared;
    }

    /// <summary>Null when the file is not one PortAnalyzers reads.</summary>
    public static AdditionalFileReading? Read(AdditionalText file, AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
    {
        var kind = ConfigurationFileKinds.Of(file.Path, DeclaredKind(file, provider));
        if (kind == ConfigurationFileKind.None)
        {
            return null;
        }

        SourceText? text;
        try
        {
            text = file.GetText(cancellationToken);
        }
        catch (System.IO.IOException)
        {
            text = null; // a file deleted or locked between the build's listing and this read
        }

        var none = new List<PortOccurrence>();
        if (text is null)
        {
            return new AdditionalFileReading(kind, file.Path, none, null, "the file could not be opened", Location.None);
        }

        if (text.Length > MaxFileLength)
        {
            return new AdditionalFileReading(kind, file.Path, none, null, "larger than 16 MB", Location.Create(file.Path, default, default));
        }

        switch (kind)
        {
            case ConfigurationFileKind.Dockerfile:
            {
                var result = DockerfilePortDiscovery.Discover(file.Path, text);
                return new AdditionalFileReading(kind, file.Path, result.Occurrences, result.Image, null, null);
            }

            case ConfigurationFileKind.ProjectFile:
            {
                var result = ProjectFilePortDiscovery.Discover(file.Path, text);
                return new AdditionalFileReading(kind, file.Path, result.Occurrences, result.Image, null, null);
            }
        }

        var parsed = JsonReader.Parse(text.ToString());
        if (parsed.Root is null)
        {
            var span = new TextSpan(parsed.ErrorPosition, parsed.ErrorPosition < text.Length ? 1 : 0);
            return new AdditionalFileReading(kind, file.Path, none, null, parsed.Error, Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span)));
        }

        return new AdditionalFileReading(kind, file.Path, ConfigurationPortDiscovery.Discover(parsed.Root, kind, file.Path, text), null, null, null);
    }
}
