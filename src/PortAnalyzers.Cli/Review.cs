using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PortAnalyzers.Cli;

/// <summary>One port of an inventory JSON document (docs/inventory.md), paths relative to the inventory root.</summary>
public sealed record SnapshotPort(string Project, long Port, string Transport, string Role, string File, int Line, string Sink, string? Scope, bool Hardcoded)
{
    public string Source => $"{File}:{Line}";

    public string Describe() => $"{Port}/{Transport} {Role} at `{Source}` ({Sink}{(Scope is null ? "" : ", " + Scope)}, {(Hardcoded ? "hardcoded" : "configured")})";
}

/// <summary>One finding of an inventory JSON document: a project's diagnostic, or a cross-project or cross-file one (severity warning).</summary>
public sealed record SnapshotFinding(string RuleId, string Severity, string Message, string? File, int Line)
{
    // Lines move between branches; a finding is the same when its rule, file and message are.
    public (string, string?, string) Key => (RuleId, File, Message);
}

/// <summary>An inventory as its JSON document holds it: the target branch's baseline, or the current run serialized the same way.</summary>
public sealed record InventorySnapshot(IReadOnlyList<SnapshotPort> Ports, IReadOnlyList<SnapshotFinding> Findings)
{
    public static InventorySnapshot Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("projects", out var projects) || root.GetProperty("schemaVersion").GetInt32() != 1)
        {
            throw new InvalidDataException("no schemaVersion 1 document with a \"projects\" array");
        }

        var ports = new List<SnapshotPort>();
        var findings = new List<SnapshotFinding>();
        foreach (var project in projects.EnumerateArray())
        {
            var name = project.GetProperty("name").GetString()!;
            foreach (var p in project.GetProperty("ports").EnumerateArray())
            {
                ports.Add(new SnapshotPort(name, p.GetProperty("port").GetInt64(), p.GetProperty("transport").GetString()!, p.GetProperty("role").GetString()!,
                    p.GetProperty("file").GetString()!, p.GetProperty("line").GetInt32(), p.GetProperty("sink").GetString()!,
                    p.TryGetProperty("scope", out var scope) && scope.ValueKind == JsonValueKind.String ? scope.GetString() : null, p.GetProperty("hardcoded").GetBoolean()));
            }

            foreach (var f in project.GetProperty("findings").EnumerateArray())
            {
                findings.Add(new SnapshotFinding(f.GetProperty("ruleId").GetString()!, f.GetProperty("severity").GetString()!, f.GetProperty("message").GetString()!, f.GetProperty("file").GetString(), f.GetProperty("line").GetInt32()));
            }
        }

        foreach (var name in new[] { "crossProjectFindings", "crossFileFindings" })
        {
            if (root.TryGetProperty(name, out var cross))
            {
                foreach (var f in cross.EnumerateArray())
                {
                    var file = f.TryGetProperty("file", out var fileElement) ? fileElement.GetString() : f.GetProperty("listeners")[0].GetProperty("file").GetString();
                    var line = f.TryGetProperty("line", out var lineElement) ? lineElement.GetInt32() : f.GetProperty("listeners")[0].GetProperty("line").GetInt32();
                    findings.Add(new SnapshotFinding(f.GetProperty("ruleId").GetString()!, "warning", f.GetProperty("message").GetString()!, file, line));
                }
            }
        }

        return new InventorySnapshot(ports, findings);
    }
}

/// <summary>What a pull request changes in the port inventory: review mode (--baseline).</summary>
public sealed record Review(
    IReadOnlyList<SnapshotPort> Added,
    IReadOnlyList<SnapshotPort> Removed,
    IReadOnlyList<(SnapshotPort Before, SnapshotPort After)> Changed,
    IReadOnlyList<SnapshotFinding> NewFindings,
    int FixedFindings)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0 && NewFindings.Count == 0;

    /// <summary>
    /// Pairs the ports of both sides in three passes, so that a line that only moved is no change: the same port in
    /// every respect but its line; then the same listener or client (project, file, sink, scope) with another value or
    /// role; then the same port, transport and role of a project from another source. What is left is added or removed.
    /// Findings are compared as multisets of (rule, file, message).
    /// </summary>
    public static Review Compare(InventorySnapshot baseline, InventorySnapshot current)
    {
        var before = baseline.Ports.ToList();
        var after = current.Ports.ToList();
        var changed = new List<(SnapshotPort, SnapshotPort)>();

        Pair(p => (p.Project, p.Port, p.Transport, p.Role, p.File, p.Sink, p.Scope, p.Hardcoded), null);
        Pair(p => (p.Project, p.File, p.Sink, p.Scope), changed);
        Pair(p => (p.Project, p.Port, p.Transport, p.Role), changed);

        var old = baseline.Findings.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Count());
        var newFindings = new List<SnapshotFinding>();
        foreach (var finding in current.Findings)
        {
            if (old.TryGetValue(finding.Key, out var count) && count > 0)
            {
                old[finding.Key] = count - 1;
            }
            else
            {
                newFindings.Add(finding);
            }
        }

        return new Review(after, before, changed, newFindings, old.Values.Sum());

        void Pair<TKey>(Func<SnapshotPort, TKey> key, List<(SnapshotPort, SnapshotPort)>? into)
            where TKey : notnull
        {
            var pool = before.GroupBy(key).ToDictionary(g => g.Key, g => new Queue<SnapshotPort>(g.OrderBy(p => p.Line)));
            foreach (var port in after.OrderBy(p => p.Line).ToList())
            {
                if (pool.TryGetValue(key(port), out var queue) && queue.Count > 0)
                {
                    var match = queue.Dequeue();
                    before.Remove(match);
                    after.Remove(port);
                    into?.Add((match, port));
                }
            }
        }
    }

    /// <summary>Exit 1 in review mode only for a new finding at or above the threshold (cross-project and cross-file findings are warnings).</summary>
    public bool Fails(string failOn) => failOn != "none" && NewFindings.Any(f => Program.Rank(f.Severity) >= Program.Rank(failOn));

    public string Markdown(string baselineName)
    {
        var sb = new StringBuilder();
        sb.AppendLine("## Port inventory: changes in this pull request");
        sb.AppendLine();
        if (IsEmpty)
        {
            sb.AppendLine($"No port added, removed or changed, and no new finding, compared with `{baselineName}`.");
            return sb.ToString();
        }

        sb.AppendLine($"Compared with `{baselineName}`: {Added.Count} port(s) added, {Removed.Count} removed, {Changed.Count} changed; {NewFindings.Count} new finding(s){(FixedFindings > 0 ? $", {FixedFindings} fixed" : "")}.");
        sb.AppendLine();
        if (NewFindings.Count > 0)
        {
            sb.AppendLine("### New findings");
            sb.AppendLine();
            sb.AppendLine("| Rule | Severity | Where | Message |");
            sb.AppendLine("|---|---|---|---|");
            foreach (var f in NewFindings)
            {
                sb.AppendLine($"| {f.RuleId} | {f.Severity} | `{f.File}:{f.Line}` | {Cell(f.Message)} |");
            }

            sb.AppendLine();
        }

        Ports("Ports added", Added);
        Ports("Ports removed", Removed);
        if (Changed.Count > 0)
        {
            sb.AppendLine("### Ports changed");
            sb.AppendLine();
            sb.AppendLine("| Project | What changed | Before | After |");
            sb.AppendLine("|---|---|---|---|");
            foreach (var (b, a) in Changed)
            {
                var what = new List<string>();
                if (b.Port != a.Port || b.Hardcoded != a.Hardcoded)
                {
                    what.Add("value");
                }

                if (b.Role != a.Role || b.Transport != a.Transport)
                {
                    what.Add("role");
                }

                if (b.File != a.File || b.Sink != a.Sink || b.Scope != a.Scope)
                {
                    what.Add("source");
                }

                sb.AppendLine($"| {a.Project} | {string.Join(", ", what)} | {Cell(b.Describe())} | {Cell(a.Describe())} |");
            }

            sb.AppendLine();
        }

        return sb.ToString();

        void Ports(string title, IReadOnlyList<SnapshotPort> ports)
        {
            if (ports.Count == 0)
            {
                return;
            }

            sb.AppendLine("### " + title);
            sb.AppendLine();
            sb.AppendLine("| Project | Port | Transport | Role | Source | Value |");
            sb.AppendLine("|---|---:|---|---|---|---|");
            foreach (var p in ports)
            {
                sb.AppendLine($"| {p.Project} | {p.Port.ToString(CultureInfo.InvariantCulture)} | {p.Transport} | {p.Role} | `{p.Source}` | {(p.Hardcoded ? "hardcoded" : "configured")} |");
            }

            sb.AppendLine();
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
