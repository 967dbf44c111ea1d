using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PortAnalyzers.Cli;

/// <summary>The four outputs: a console table, Markdown for pull requests, JSON (docs/inventory.md) and SARIF 2.1.0.</summary>
public static class Formatters
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Relative(Inventory inventory, string path)
        => Path.IsPathRooted(path) ? Path.GetRelativePath(inventory.Root, path).Replace('\\', '/') : path;

    public static string Table(Inventory inventory)
    {
        var sb = new StringBuilder();
        foreach (var project in inventory.Projects)
        {
            sb.AppendLine($"{project.Name} ({Relative(inventory, project.Path)})");
            if (project.Entries.Count == 0)
            {
                sb.AppendLine("  no ports");
                sb.AppendLine();
                continue;
            }

            var rows = project.Entries.Select(e => new[]
            {
                e.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Transport, e.Role,
                $"{Relative(inventory, e.File)}:{e.Line}", e.Hardcoded ? "hardcoded" : "configured", e.Rules.Count == 0 ? "-" : string.Join(",", e.Rules),
            }).ToList();
            AppendAligned(sb, new[] { "PORT", "TRANSPORT", "ROLE", "SOURCE", "VALUE", "RULES" }, rows);
            sb.AppendLine();
        }

        if (inventory.Deployment.Count > 0)
        {
            sb.AppendLine("Deployment files (docker-compose, Kubernetes)");
            var rows = inventory.Deployment.Select(d => new[]
            {
                d.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "'" + d.PortName + "'", d.Protocol, d.Kind, d.Owner,
                $"{Relative(inventory, d.File)}:{d.Line}", d.Project ?? "-",
            }).ToList();
            AppendAligned(sb, new[] { "PORT", "PROTOCOL", "KIND", "OWNER", "SOURCE", "PROJECT" }, rows);
            sb.AppendLine();
        }

        sb.AppendLine("Cross-project findings");
        if (inventory.CrossProject.Count == 0)
        {
            sb.AppendLine("  none");
        }

        foreach (var finding in inventory.CrossProject)
        {
            sb.AppendLine($"  {CrossProjectFinding.RuleId} {finding.Message}");
        }

        sb.AppendLine();
        sb.AppendLine("Cross-file findings (deployment files)");
        if (inventory.CrossFile.Count == 0)
        {
            sb.AppendLine("  none");
        }

        foreach (var finding in inventory.CrossFile)
        {
            sb.AppendLine($"  {finding.RuleId} {Relative(inventory, finding.Location.File)}:{finding.Location.Line}: {finding.Message}");
        }

        return sb.ToString();
    }

    public static string Markdown(Inventory inventory)
    {
        var sb = new StringBuilder("# Port inventory\n\n");
        foreach (var project in inventory.Projects)
        {
            sb.AppendLine($"## {project.Name}");
            sb.AppendLine();
            if (project.Entries.Count == 0)
            {
                sb.AppendLine("No ports.");
                sb.AppendLine();
                continue;
            }

            sb.AppendLine("| Port | Transport | Role | Source | Value | Rules |");
            sb.AppendLine("|---:|---|---|---|---|---|");
            foreach (var e in project.Entries)
            {
                sb.AppendLine($"| {e.Port} | {e.Transport} | {e.Role} | `{Relative(inventory, e.File)}:{e.Line}` | {(e.Hardcoded ? "hardcoded" : "configured")} | {(e.Rules.Count == 0 ? "" : string.Join(", ", e.Rules))} |");
            }

            sb.AppendLine();
        }

        sb.AppendLine("## Cross-project findings");
        sb.AppendLine();
        if (inventory.CrossProject.Count == 0)
        {
            sb.AppendLine("None.");
        }

        foreach (var finding in inventory.CrossProject)
        {
            sb.AppendLine($"- **{finding.Port}/{finding.Transport}**: " + string.Join(", ", finding.Listeners.Select(l => $"{l.Project} (`{Relative(inventory, l.File)}:{l.Line}`)")));
        }

        if (inventory.Deployment.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("## Deployment files");
            sb.AppendLine();
            sb.AppendLine("| Port | Protocol | Kind | Owner | Source | Project |");
            sb.AppendLine("|---:|---|---|---|---|---|");
            foreach (var d in inventory.Deployment)
            {
                sb.AppendLine($"| {d.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "'" + d.PortName + "'"} | {d.Protocol} | {d.Kind} | {d.Owner} | `{Relative(inventory, d.File)}:{d.Line}` | {d.Project ?? ""} |");
            }
        }

        sb.AppendLine();
        sb.AppendLine("## Cross-file findings");
        sb.AppendLine();
        if (inventory.CrossFile.Count == 0)
        {
            sb.AppendLine("None.");
        }

        foreach (var finding in inventory.CrossFile)
        {
            sb.AppendLine($"- **{finding.RuleId}** `{Relative(inventory, finding.Location.File)}:{finding.Location.Line}`: {finding.Message}");
        }

        return sb.ToString();
    }

    public static string JsonDocument(Inventory inventory)
    {
        var root = new JsonObject
        {
            ["schemaVersion"] = 1,
            ["tool"] = "port-inventory",
            ["projects"] = new JsonArray(inventory.Projects.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["path"] = Relative(inventory, p.Path),
                ["ports"] = new JsonArray(p.Entries.Select(e => (JsonNode)new JsonObject
                {
                    ["port"] = e.Port,
                    ["transport"] = e.Transport,
                    ["role"] = e.Role,
                    ["scheme"] = e.Scheme,
                    ["file"] = Relative(inventory, e.File),
                    ["line"] = e.Line,
                    ["column"] = e.Column,
                    ["hardcoded"] = e.Hardcoded,
                    ["sink"] = e.Sink,
                    ["scope"] = e.Scope,
                    ["rules"] = new JsonArray(e.Rules.Select(r => (JsonNode)JsonValue.Create(r)!).ToArray()),
                }).ToArray()),
                ["findings"] = new JsonArray(p.Findings.Select(f => (JsonNode)new JsonObject
                {
                    ["ruleId"] = f.RuleId,
                    ["severity"] = f.Severity,
                    ["message"] = f.Message,
                    ["file"] = Relative(inventory, f.File),
                    ["line"] = f.Line,
                    ["column"] = f.Column,
                }).ToArray()),
            }).ToArray()),
            ["crossProjectFindings"] = new JsonArray(inventory.CrossProject.Select(c => (JsonNode)new JsonObject
            {
                ["ruleId"] = CrossProjectFinding.RuleId,
                ["port"] = c.Port,
                ["transport"] = c.Transport,
                ["message"] = c.Message,
                ["listeners"] = new JsonArray(c.Listeners.Select(l => (JsonNode)new JsonObject
                {
                    ["project"] = l.Project,
                    ["file"] = Relative(inventory, l.File),
                    ["line"] = l.Line,
                    ["column"] = l.Column,
                    ["sink"] = l.Sink,
                }).ToArray()),
            }).ToArray()),
            ["deployment"] = new JsonArray(inventory.Deployment.Select(d => (JsonNode)new JsonObject
            {
                ["port"] = d.Port,
                ["portName"] = d.PortName,
                ["protocol"] = d.Protocol,
                ["kind"] = d.Kind,
                ["format"] = d.Format,
                ["owner"] = d.Owner,
                ["hostIp"] = d.HostIp,
                ["file"] = Relative(inventory, d.File),
                ["line"] = d.Line,
                ["column"] = d.Column,
                ["project"] = d.Project,
            }).ToArray()),
            ["crossFileFindings"] = new JsonArray(inventory.CrossFile.Select(f => (JsonNode)new JsonObject
            {
                ["ruleId"] = f.RuleId,
                ["message"] = f.Message,
                ["file"] = Relative(inventory, f.Location.File),
                ["line"] = f.Location.Line,
                ["column"] = f.Location.Column,
                ["related"] = new JsonArray(f.Related.Select(r => (JsonNode)new JsonObject
                {
                    ["file"] = Relative(inventory, r.File),
                    ["line"] = r.Line,
                    ["column"] = r.Column,
                    ["label"] = r.Label,
                }).ToArray()),
            }).ToArray()),
        };
        return root.ToJsonString(Json);
    }

    public static string Sarif(Inventory inventory)
    {
        var results = new JsonArray();
        foreach (var f in inventory.Projects.SelectMany(p => p.Findings))
        {
            results.Add(Result(f.RuleId, f.Severity, f.Message, Relative(inventory, f.File), f.Line, f.Column));
        }

        foreach (var c in inventory.CrossProject)
        {
            var first = c.Listeners[0];
            var result = Result(CrossProjectFinding.RuleId, "warning", c.Message, Relative(inventory, first.File), first.Line, first.Column);
            result["relatedLocations"] = new JsonArray(c.Listeners.Skip(1).Select((l, i) => (JsonNode)new JsonObject
            {
                ["id"] = i + 1,
                ["physicalLocation"] = Physical(Relative(inventory, l.File), l.Line, l.Column),
                ["message"] = new JsonObject { ["text"] = l.Project },
            }).ToArray());
            results.Add(result);
        }

        foreach (var f in inventory.CrossFile)
        {
            var result = Result(f.RuleId, "warning", f.Message, Relative(inventory, f.Location.File), f.Location.Line, f.Location.Column);
            result["relatedLocations"] = new JsonArray(f.Related.Select((r, i) => (JsonNode)new JsonObject
            {
                ["id"] = i + 1,
                ["physicalLocation"] = Physical(Relative(inventory, r.File), r.Line, r.Column),
                ["message"] = new JsonObject { ["text"] = r.Label ?? string.Empty },
            }).ToArray());
            results.Add(result);
        }

        var ruleIds = inventory.Projects.SelectMany(p => p.Findings).Select(f => f.RuleId).Append(CrossProjectFinding.RuleId)
            .Concat(inventory.CrossFile.Select(f => f.RuleId)).Distinct().OrderBy(r => r, StringComparer.Ordinal);
        var sarif = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "port-inventory",
                        ["informationUri"] = "https://github.com/portanalyzers/portanalyzers",
                        ["rules"] = new JsonArray(ruleIds.Select(id => (JsonNode)new JsonObject
                        {
                            ["id"] = id,
                            ["shortDescription"] = CrossFileRules.Titles.TryGetValue(id, out var title) ? new JsonObject { ["text"] = title } : null,
                            ["helpUri"] = id.StartsWith("PORTX", StringComparison.Ordinal)
                                ? "https://github.com/portanalyzers/portanalyzers/blob/main/docs/inventory.md"
                                : Descriptors.HelpLinkBase + id + ".md",
                        }).ToArray()),
                    },
                },
                ["results"] = results,
            }),
        };
        return sarif.ToJsonString(Json);
    }

    private static JsonObject Result(string ruleId, string severity, string message, string file, int line, int column) => new()
    {
        ["ruleId"] = ruleId,
        ["level"] = severity,
        ["message"] = new JsonObject { ["text"] = message },
        ["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = Physical(file, line, column) }),
    };

    private static JsonObject Physical(string file, int line, int column) => new()
    {
        ["artifactLocation"] = new JsonObject { ["uri"] = file },
        ["region"] = new JsonObject { ["startLine"] = line, ["startColumn"] = column },
    };

    private static void AppendAligned(StringBuilder sb, string[] header, List<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        sb.AppendLine("  " + string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in rows)
        {
            sb.AppendLine("  " + string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        }
    }
}
