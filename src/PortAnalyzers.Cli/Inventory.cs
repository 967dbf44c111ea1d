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
    IReadOnlyList<string> Rules);

/// <summary>A diagnostic of a project, as the analyzers reported it (severity after the project's configuration).</summary>
public sealed record Finding(string Project, string RuleId, string Severity, string Message, string File, int Line, int Column);

/// <summary>The same port and transport bound by listeners of two or more projects.</summary>
public sealed record CrossProjectFinding(long Port, string Transport, IReadOnlyList<PortEntry> Listeners)
{
    public const string RuleId = "PORTX01";

    public string Message => $"Port {Port}/{Transport} is bound by {Listeners.Select(l => l.Project).Distinct().Count()} projects: "
        + string.Join(", ", Listeners.Select(l => $"{l.Project} ({Path.GetFileName(l.File)}:{l.Line})"));
}

public sealed record ProjectInventory(string Name, string Path, IReadOnlyList<PortEntry> Entries, IReadOnlyList<Finding> Findings, TimeSpan Elapsed);

public sealed record Inventory(string Root, IReadOnlyList<ProjectInventory> Projects, IReadOnlyList<CrossProjectFinding> CrossProject)
{
    /// <summary>Listeners of different projects on one port and transport. Profiles and files of one project never count against each other.</summary>
    public static IReadOnlyList<CrossProjectFinding> FindCollisions(IEnumerable<ProjectInventory> projects)
        => projects
            .SelectMany(p => p.Entries)
            .Where(e => e.Role == "listen" && e.Port is > 0 and <= 65535)
            .GroupBy(e => (e.Port, e.Transport == "unknown" ? "tcp" : e.Transport))
            .Where(g => g.Select(e => e.Project).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1)
            .OrderBy(g => g.Key.Port)
            .Select(g => new CrossProjectFinding(g.Key.Port, g.Key.Item2, g.OrderBy(e => e.Project, StringComparer.Ordinal).ThenBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ToList()))
            .ToList();
}
