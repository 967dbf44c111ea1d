using System;
using System.Collections.Generic;
using PortAnalyzers.Model;
using static PortAnalyzers.Configuration.ConfigurationFileKind;
using static PortAnalyzers.Configuration.ConfigurationValueShape;
using static PortAnalyzers.Model.PortRole;

namespace PortAnalyzers.Configuration;

/// <summary>What a configuration value holds: how its text is read.</summary>
internal enum ConfigurationValueShape : byte
{
    /// <summary>One port, as a JSON number or a string of digits.</summary>
    Number,
    Url,
    UrlList,

    /// <summary>Only a JSON string counts: a number under ConnectionStrings is left to the name heuristics.</summary>
    ConnectionString,

    /// <summary>A listen variable (Configuration/ListenVariables.cs): a URL list or a port list, with its own scheme.</summary>
    ListenVariable,
}

/// <summary>
/// One key of the catalogue. Path: segments separated by '/', matched case-insensitively as configuration does;
/// "*" is any one segment, a final "**" one or more, and "{listen}" a listen variable's name (URLS, HTTP_PORTS...).
/// Scope: the PORT006 binding scope inside the file; "{1}" is replaced by the path's second segment (the launch
/// profile), "{list}" by "urls" or "ports" after the listen variable's list; null for ports that bind nothing.
/// </summary>
internal sealed class ConfigurationKeySpec
{
    public ConfigurationKeySpec(ConfigurationFileKind file, string path, ConfigurationValueShape shape, PortRole role, string? scheme, string? scope)
    {
        File = file;
        Path = path.Split('/');
        Shape = shape;
        Role = role;
        Scheme = scheme;
        Scope = scope;
    }

    public ConfigurationFileKind File { get; }

    public string[] Path { get; }

    public ConfigurationValueShape Shape { get; }

    public PortRole Role { get; }

    public string? Scheme { get; }

    public string? Scope { get; }

    public bool Matches(IReadOnlyList<string> segments)
    {
        int n = segments.Count;
        bool openEnded = Path[Path.Length - 1] == "**";
        if (openEnded ? n < Path.Length : n != Path.Length)
        {
            return false;
        }

        for (int i = 0; i < Path.Length; i++)
        {
            var pattern = Path[i];
            bool ok = pattern switch
            {
                "*" or "**" => true,
                "{listen}" => ListenVariables.TryGet(segments[i], out _),
                _ => string.Equals(segments[i], pattern, StringComparison.OrdinalIgnoreCase),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// The configuration keys that hold ports, as data, like the C# sink catalogue (Discovery/SinkCatalog.cs). A key that
/// no row matches is still read by name (ConfigurationPortDiscovery: a *Port key, a URL under a *Url/*Host key).
/// Launch profiles and IIS Express are scoped apart for PORT006: one profile runs at a time.
/// </summary>
internal static class ConfigurationKeyCatalog
{
    // Named: an https applicationUrl and an equal sslPort of IIS Express are one endpoint said twice (see ConfigurationPortDiscovery).
    public static readonly ConfigurationKeySpec IisExpressUrl = new(LaunchSettings, "iisSettings/iisExpress/applicationUrl", UrlList, Listen, null, "iisExpress");
    public static readonly ConfigurationKeySpec IisExpressSslPort = new(LaunchSettings, "iisSettings/iisExpress/sslPort", Number, Listen, "https", "iisExpress");

    public static readonly ConfigurationKeySpec[] All =
    {
        // Properties/launchSettings.json
        new(LaunchSettings, "profiles/*/applicationUrl", UrlList, Listen, null, "profile:{1}"),
        new(LaunchSettings, "profiles/*/environmentVariables/{listen}", ListenVariable, Listen, null, "profile:{1}"),
        new(LaunchSettings, "profiles/*/httpPort", Number, Listen, "http", "profile:{1}"),
        new(LaunchSettings, "profiles/*/sslPort", Number, Listen, "https", "profile:{1}"),
        IisExpressUrl,
        IisExpressSslPort,

        // appsettings*.json
        new(AppSettings, "{listen}", ListenVariable, Listen, null, "{list}"),
        new(AppSettings, "Kestrel/Endpoints/*/Url", Url, Listen, null, "kestrel"),
        new(AppSettings, "ConnectionStrings/**", ConnectionString, Connect, null, null),
    };

    /// <summary>The first row for this file kind whose path matches, or null.</summary>
    public static ConfigurationKeySpec? Find(ConfigurationFileKind file, IReadOnlyList<string> segments)
    {
        foreach (var spec in All)
        {
            if (spec.File == file && spec.Matches(segments))
            {
                return spec;
            }
        }

        return null;
    }
}
