namespace PortAnalyzers.Cli;

/// <summary>One port found in a project: the shared PortOccurrence, flattened for output, with the rules it triggers.</summary>
public sealed record PortEntry(
    string Project,
    long Port,
    string Transport,
    string Role,
    string? Scheme,
    string File,
    int Line,
    int Column,
    bool Hardcoded,
    string Sink,
    string? Scope,
    IReadOnlyList<string> Rules)
{
    /// <summary>The listener's bind address (BindAddresses: "*" for every interface), null for other roles. Not written to the outputs.</summary>
    public string? BindAddress { get; init; }
}

/// <summary>A diagnostic of a project, as the analyzers reported it (severity after the project's configuration).</summary>
public sealed record Finding(string Project, string RuleId, string Severity, string Message, string File, int Line, int Column);

/// <summary>The same port and transport bound by listeners of two or more projects.</summary>
public sealed record CrossProjectFinding(long Port, string Transport, IReadOnlyList<PortEntry> Listeners)
{
    public const string RuleId = "PORTX01";

    public string Message => $"Port {Port}/{Transport} is bound by {Listeners.Select(l => l.Project).Distinct().Count()} projects: "
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
            .Where(e => e.Role == "listen" && e.Port is > 0 and <= 65535 && !IsContainerOnly(e))
            .GroupBy(e => (e.Port, e.Transport == "unknown" ? "tcp" : e.Transport))
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
