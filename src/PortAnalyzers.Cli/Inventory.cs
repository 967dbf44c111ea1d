using PortAnalyzers.Model;

namespace PortAnalyzers.Cli;

/// <summary>
/// One port found in a project: the shared PortOccurrence, flattened for output, with the rules it triggers. Role and
/// transport stay typed (the analyzers' internal PortRole and PortTransport, hence internal members of a public record);
/// only the formatters write their text form with ToDisplayString.
/// </summary>
public sealed record PortEntry
{
    internal PortEntry(string project, long port, PortTransport transport, PortRole role, string? scheme, string file, int line, int column, bool hardcoded, string sink, string? scope, IReadOnlyList<string> rules)
    {
        Project = project;
        Port = port;
        Transport = transport;
        Role = role;
        Scheme = scheme;
        File = file;
        Line = line;
        Column = column;
        Hardcoded = hardcoded;
        Sink = sink;
        Scope = scope;
        Rules = rules;
    }

    /// <summary>An entry from the text form of transport and role, as the JSON document writes them.</summary>
    public PortEntry(string project, long port, string transport, string role, string? scheme, string file, int line, int column, bool hardcoded, string sink, string? scope, IReadOnlyList<string> rules)
        : this(project, port, WireNames.ParseTransport(transport), WireNames.ParseRole(role), scheme, file, line, column, hardcoded, sink, scope, rules)
    {
    }

    public string Project { get; init; }

    public long Port { get; init; }

    internal PortTransport Transport { get; init; }

    internal PortRole Role { get; init; }

    public string? Scheme { get; init; }

    public string File { get; init; }

    public int Line { get; init; }

    public int Column { get; init; }

    public bool Hardcoded { get; init; }

    public string Sink { get; init; }

    public string? Scope { get; init; }

    public IReadOnlyList<string> Rules { get; init; }

    /// <summary>The listener's bind address (BindAddresses: "*" for every interface), null for other roles. Not written to the outputs.</summary>
    public string? BindAddress { get; init; }
}

/// <summary>A diagnostic of a project, as the analyzers reported it (severity after the project's configuration).</summary>
public sealed record Finding(string Project, string RuleId, string Severity, string Message, string File, int Line, int Column);

/// <summary>The same port and transport bound by listeners of two or more projects.</summary>
public sealed record CrossProjectFinding
{
    internal CrossProjectFinding(long port, PortTransport transport, IReadOnlyList<PortEntry> listeners)
    {
        Port = port;
        Transport = transport;
        Listeners = listeners;
    }

    public long Port { get; }

    internal PortTransport Transport { get; }

    public IReadOnlyList<PortEntry> Listeners { get; }

    public const string RuleId = "PORTX01";

    public string Message => $"Port {Port}/{Transport.ToDisplayString()} is bound by {Listeners.Select(l => l.Project).Distinct().Count()} projects: "
        + string.Join(", ", Listeners.Select(l => $"{l.Project} ({Path.GetFileName(l.File)}:{l.Line})"));
}

public sealed record ProjectInventory(string Name, string Path, IReadOnlyList<PortEntry> Entries, IReadOnlyList<Finding> Findings, TimeSpan Elapsed)
{
    /// <summary>The project references ASP.NET Core, so Kestrel's default port applies when nothing sets one.</summary>
    public bool IsWebApp { get; init; }

    /// <summary>Where Kestrel listens in the project's container image when nothing is set (8080, 80), or null when unknown.</summary>
    public long? ImageDefaultPort { get; init; }
}

public sealed record Inventory(string Root, IReadOnlyList<ProjectInventory> Projects, IReadOnlyList<CrossProjectFinding> CrossProject)
{
    /// <summary>Ports of the docker-compose and Kubernetes files under <see cref="Root"/>.</summary>
    public IReadOnlyList<DeploymentPort> Deployment { get; init; } = Array.Empty<DeploymentPort>();

    /// <summary>PORTX02..PORTX06: findings between deployment files and projects.</summary>
    public IReadOnlyList<CrossFileFinding> CrossFile { get; init; } = Array.Empty<CrossFileFinding>();

    /// <summary>Listeners of different projects on one port and transport. Profiles and files of one project never count against each other.</summary>
    public static IReadOnlyList<CrossProjectFinding> FindCollisions(IEnumerable<ProjectInventory> projects)
        => projects
            .SelectMany(p => p.Entries)
            .Where(e => e.Role == PortRole.Listen && e.Port is > 0 and <= 65535 && !IsContainerOnly(e))
            .GroupBy(e => (e.Port, e.Transport == PortTransport.Unknown ? PortTransport.Tcp : e.Transport))
            .Select(g => (g.Key, Listeners: Colliding(g.ToList())))
            .Where(g => g.Listeners.Select(e => e.Project).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1)
            .OrderBy(g => g.Key.Port)
            .Select(g => new CrossProjectFinding(g.Key.Port, g.Key.Item2, g.Listeners.OrderBy(e => e.Project, StringComparer.Ordinal).ThenBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ToList()))
            .ToList();

    // The listeners of one port and transport that share a socket with a listener of another project, asked of PORT006's
    // rule: 127.0.0.1 and 127.0.0.2 on one port do not collide; every interface collides with any address.
    private static List<PortEntry> Colliding(List<PortEntry> listeners)
        => listeners
            .Where(e => listeners.Any(o => !string.Equals(o.Project, e.Project, StringComparison.OrdinalIgnoreCase)
                && PortAnalyzers.Rules.DuplicateBindingRule.SameSocket(e.BindAddress, o.BindAddress)))
            .ToList();

    // Each container has its own network namespace: two images that both EXPOSE 8080 or set ASPNETCORE_HTTP_PORTS=8080
    // do not collide. Only what binds on the machine (code, appsettings, launch profiles) is compared here.
    private static bool IsContainerOnly(PortEntry entry)
    {
        var name = System.IO.Path.GetFileName(entry.File);
        return name.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase)
            || entry.Sink.StartsWith("Container", StringComparison.Ordinal);
    }
}

/// <summary>
/// The text forms of the typed values, read back (PortRoleExtensions writes them): the only place the CLI turns role and
/// transport strings into values. An unknown word reads as Unknown, as the analyzers write Unknown for what they cannot tell.
/// </summary>
internal static class WireNames
{
    public static PortRole ParseRole(string text) => text switch
    {
        "listen" => PortRole.Listen,
        "connect" => PortRole.Connect,
        "container" => PortRole.Container,
        _ => PortRole.Unknown,
    };

    public static PortTransport ParseTransport(string text) => text switch
    {
        "tcp" => PortTransport.Tcp,
        "udp" => PortTransport.Udp,
        _ => PortTransport.Unknown,
    };
}
