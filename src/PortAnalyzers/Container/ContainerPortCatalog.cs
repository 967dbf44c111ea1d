using System;
using System.Collections.Generic;
using PortAnalyzers.Configuration;
using PortAnalyzers.Model;
using static PortAnalyzers.Configuration.ConfigurationFileKind;
using static PortAnalyzers.Container.ContainerPortUse;
using static PortAnalyzers.Container.ContainerValueShape;
using static PortAnalyzers.Model.PortRole;

namespace PortAnalyzers.Container;

/// <summary>How the text of a Dockerfile instruction or container item is read for ports.</summary>
internal enum ContainerValueShape : byte
{
    /// <summary>EXPOSE's port specs: 80, 443/udp, 8000-8010/tcp, several per instruction.</summary>
    PortSpecs,

    /// <summary>One port number in an item's value attribute, its transport in the transport attribute (tcp, udp).</summary>
    PortNumber,

    /// <summary>A listen variable set by name (Configuration/ListenVariables.cs): its value is a URL list or a port list.</summary>
    ListenVariable,

    /// <summary>The URL list after a command-line option, as its next word or after '=' (--urls http://+:80, --urls=...).</summary>
    UrlOption,
}

/// <summary>What a port of a row means for the image, which PORT009 compares.</summary>
internal enum ContainerPortUse : byte
{
    /// <summary>The image declares it (EXPOSE, ContainerPort): what it offers, not where the app listens.</summary>
    Exposes,

    /// <summary>The running app listens on it (ENV, the command line, the container's environment).</summary>
    Listens,

    /// <summary>Set at build time only (ARG): judged where it is written, gone when the container runs.</summary>
    BuildOnly,
}

/// <summary>
/// One row of the container catalogue. Name: the Dockerfile instruction or MSBuild item, matched case-insensitively as
/// Docker and MSBuild do. Key: what must name the port inside it: "{listen}" a listen variable (ASPNETCORE_URLS,
/// HTTP_PORTS...), "--urls" a command-line option, null nothing (every value is a port). Items say which attribute holds
/// the key, the value and the transport.
/// </summary>
internal sealed class ContainerPortSpec
{
    public ContainerPortSpec(
        ConfigurationFileKind file,
        string name,
        string? key,
        ContainerValueShape shape,
        PortRole role,
        string? scheme,
        ContainerPortUse use,
        string? keyAttribute = null,
        string? valueAttribute = null,
        string? transportAttribute = null)
    {
        File = file;
        Name = name;
        Key = key;
        Shape = shape;
        Role = role;
        Scheme = scheme;
        Use = use;
        KeyAttribute = keyAttribute;
        ValueAttribute = valueAttribute;
        TransportAttribute = transportAttribute;
    }

    public ConfigurationFileKind File { get; }

    public string Name { get; }

    public string? Key { get; }

    public ContainerValueShape Shape { get; }

    public PortRole Role { get; }

    /// <summary>The scheme the row implies; null when the value says it (a URL, a listen variable).</summary>
    public string? Scheme { get; }

    public ContainerPortUse Use { get; }

    public string? KeyAttribute { get; }

    public string? ValueAttribute { get; }

    public string? TransportAttribute { get; }

    public bool NameMatches(string name) => string.Equals(name, Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="key"/> (a variable name, an option word) is one this row reads.</summary>
    public bool KeyMatches(string key) => Key switch
    {
        null => true,
        "{listen}" => ListenVariables.TryGet(key, out _),
        _ => string.Equals(key, Key, StringComparison.OrdinalIgnoreCase),
    };
}

/// <summary>
/// The Dockerfile instructions and SDK container items that hold ports, as data, like the configuration-key catalogue
/// (Configuration/ConfigurationKeyCatalog.cs): DockerfilePortDiscovery and ProjectFilePortDiscovery read what a row
/// names in the row's shape; adding an instruction, variable or item of a known shape is a row plus tests.
/// FROM, and ENV/ARG of any name (a later $NAME follows them), are the Dockerfile's structure, not rows.
/// </summary>
internal static class ContainerPortCatalog
{
    public static readonly ContainerPortSpec[] All =
    {
        // Dockerfile, *.Dockerfile, Dockerfile.*
        new(Dockerfile, "EXPOSE", null, PortSpecs, Listen, null, Exposes),
        new(Dockerfile, "ENV", "{listen}", ListenVariable, Listen, null, Listens),
        new(Dockerfile, "ARG", "{listen}", ListenVariable, Listen, null, BuildOnly),
        new(Dockerfile, "ENTRYPOINT", "--urls", UrlOption, Listen, null, Listens),
        new(Dockerfile, "CMD", "--urls", UrlOption, Listen, null, Listens),

        // SDK container publishing items in a project file
        new(ProjectFile, "ContainerPort", null, PortNumber, Listen, null, Exposes, valueAttribute: "Include", transportAttribute: "Type"),
        new(ProjectFile, "ContainerEnvironmentVariable", "{listen}", ListenVariable, Listen, null, Listens, keyAttribute: "Include", valueAttribute: "Value"),
    };

    /// <summary>The rows of this file kind for an instruction or item, whatever its key; empty when none.</summary>
    public static IEnumerable<ContainerPortSpec> For(ConfigurationFileKind file, string name)
    {
        foreach (var spec in All)
        {
            if (spec.File == file && spec.NameMatches(name))
            {
                yield return spec;
            }
        }
    }

    /// <summary>
    /// The row an occurrence's sink names ("EXPOSE", "ARG HTTP_PORTS", "ContainerPort"...; discovery writes the name,
    /// then the key if the row has one), or null for sinks of code and JSON. port-inventory asks it what a port means in the image.
    /// </summary>
    public static ContainerPortSpec? OfSink(string sink)
    {
        foreach (var spec in All)
        {
            bool named = spec.Key is null
                ? string.Equals(sink, spec.Name, StringComparison.Ordinal)
                : sink.Length > spec.Name.Length && sink[spec.Name.Length] == ' ' && sink.StartsWith(spec.Name, StringComparison.Ordinal);
            if (named)
            {
                return spec;
            }
        }

        return null;
    }

    /// <summary>The first row for this instruction or item whose key matches, or null.</summary>
    public static ContainerPortSpec? Find(ConfigurationFileKind file, string name, string key)
    {
        foreach (var spec in All)
        {
            if (spec.File == file && spec.NameMatches(name) && spec.KeyMatches(key))
            {
                return spec;
            }
        }

        return null;
    }
}
