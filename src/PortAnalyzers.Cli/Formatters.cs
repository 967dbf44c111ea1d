using System.Text;
using PortAnalyzers.Model;
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
                e.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Transport.ToDisplayString(), e.Role.ToDisplayString(),
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
                sb.AppendLine($"| {e.Port} | {e.Transport.ToDisplayString()} | {e.Role.ToDisplayString()} | `{Relative(inventory, e.File)}:{e.Line}` | {(e.Hardcoded ? "hardcoded" : "configured")} | {(e.Rules.Count == 0 ? "" : string.Join(", ", e.Rules))} |");
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
            sb.AppendLine($"- **{finding.Port}/{finding.Transport.ToDisplayString()}**: " + string.Join(", ", finding.Listeners.Select(l => $"{l.Project} (`{Relative(inventory, l.File)}:{l.Line}`)")));
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
                    ["transport"] = e.Transport.ToDisplayString(),
                    ["role"] = e.Role.ToDisplayString(),
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
                ["transport"] = c.Transport.ToDisplayString(),
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

    /// <summary>
    /// SARIF 2.1.0 as GitHub code scanning reads it: every rule with name, descriptions, help link and default level;
    /// artifact URIs relative to <paramref name="sourceRoot"/> (the repository root: the nearest folder above the
    /// inventory root that holds .git, else the inventory root) under uriBaseId %SRCROOT%; the tool's version; and
    /// automationDetails.id, whose part up to the last '/' is the code scanning category.
    /// </summary>
    public static string Sarif(Inventory inventory, string? sourceRoot = null, string category = "port-inventory")
    {
        var root = Path.GetFullPath(sourceRoot ?? FindSourceRoot(inventory.Root));
        var rules = SarifRules.All;
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(r => r.Id, r => r.i, StringComparer.Ordinal);
        var results = new JsonArray();

        JsonObject Result(string ruleId, string severity, string message, string file, int line, int column)
        {
            var result = new JsonObject { ["ruleId"] = ruleId };
            if (ruleIndex.TryGetValue(ruleId, out var index))
            {
                result["ruleIndex"] = index;
            }

            result["level"] = severity is "error" or "warning" or "note" or "none" ? severity : "note";
            result["message"] = new JsonObject { ["text"] = message };
            result["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = Physical(file, line, column) });
            return result;
        }

        JsonObject Physical(string file, int line, int column) => new()
        {
            ["artifactLocation"] = new JsonObject { ["uri"] = SarifUri(root, inventory.Root, file), ["uriBaseId"] = "%SRCROOT%" },
            ["region"] = new JsonObject { ["startLine"] = Math.Max(1, line), ["startColumn"] = Math.Max(1, column) },
        };

        foreach (var f in inventory.Projects.SelectMany(p => p.Findings))
        {
            results.Add(Result(f.RuleId, f.Severity, f.Message, f.File, f.Line, f.Column));
        }

        foreach (var c in inventory.CrossProject)
        {
            var first = c.Listeners[0];
            var result = Result(CrossProjectFinding.RuleId, "warning", c.Message, first.File, first.Line, first.Column);
            result["relatedLocations"] = new JsonArray(c.Listeners.Skip(1).Select((l, i) => (JsonNode)new JsonObject
            {
                ["id"] = i + 1,
                ["physicalLocation"] = Physical(l.File, l.Line, l.Column),
                ["message"] = new JsonObject { ["text"] = l.Project },
            }).ToArray());
            results.Add(result);
        }

        foreach (var f in inventory.CrossFile)
        {
            var result = Result(f.RuleId, "warning", f.Message, f.Location.File, f.Location.Line, f.Location.Column);
            result["relatedLocations"] = new JsonArray(f.Related.Select((r, i) => (JsonNode)new JsonObject
            {
                ["id"] = i + 1,
                ["physicalLocation"] = Physical(r.File, r.Line, r.Column),
                ["message"] = new JsonObject { ["text"] = string.IsNullOrEmpty(r.Label) ? "related" : r.Label },
            }).ToArray());
            results.Add(result);
        }

        var version = SarifRules.ToolVersion;
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
                        ["version"] = version,
                        ["semanticVersion"] = version,
                        ["informationUri"] = "https://github.com/portanalyzers/portanalyzers",
                        ["rules"] = new JsonArray(rules.Select(r => (JsonNode)new JsonObject
                        {
                            ["id"] = r.Id,
                            ["name"] = r.Name,
                            ["shortDescription"] = new JsonObject { ["text"] = r.Title },
                            ["fullDescription"] = new JsonObject { ["text"] = r.Description },
                            ["helpUri"] = r.HelpUri,
                            ["defaultConfiguration"] = new JsonObject { ["level"] = r.Level },
                            ["properties"] = new JsonObject { ["category"] = r.Category },
                        }).ToArray()),
                    },
                },
                ["automationDetails"] = new JsonObject { ["id"] = category.TrimEnd('/') + "/" },
                ["originalUriBaseIds"] = new JsonObject
                {
                    ["%SRCROOT%"] = new JsonObject { ["uri"] = new Uri(root.TrimEnd('/', '\\') + "/").AbsoluteUri },
                },
                ["columnKind"] = "utf16CodeUnits",
                ["results"] = results,
            }),
        };
        return sarif.ToJsonString(Json);
    }

    /// <summary>The repository root: the nearest folder at or above <paramref name="start"/> that holds .git (a folder, or a file in a worktree).</summary>
    public static string FindSourceRoot(string start)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory is not null; directory = directory.Parent)
        {
            var git = Path.Combine(directory.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return directory.FullName;
            }
        }

        return Path.GetFullPath(start);
    }

    // A relative URI reference: forward slashes, each segment escaped (spaces, '#', '%').
    private static string SarifUri(string sourceRoot, string inventoryRoot, string file)
    {
        var full = Path.IsPathRooted(file) ? file : Path.Combine(inventoryRoot, file);
        var relative = Path.GetRelativePath(sourceRoot, full).Replace('\\', '/');
        return string.Join("/", relative.Split('/').Select(Uri.EscapeDataString));
    }

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
