using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.CodeAnalysis.Text;
using PortAnalyzers.Analyzers;
using PortAnalyzers.Model;

namespace PortAnalyzers.Cli;

/// <summary>A load failure, said plainly (exit code 2).</summary>
public sealed class LoadException(string message) : Exception(message);

/// <summary>
/// Loads projects with MSBuildWorkspace and runs the PortAnalyzers analyzers over each, one project at a time: the
/// compilation and its diagnostics are dropped before the next project is loaded into analysis.
/// </summary>
public static class InventoryRunner
{
    public static async Task<Inventory> RunAsync(string input, TextWriter progress, bool verbose, CancellationToken cancellationToken)
    {
        var (kind, paths, folder) = Resolve(input);
        using var workspace = MSBuildWorkspace.Create();
        var failures = new List<string>();
        workspace.RegisterWorkspaceFailedHandler(e =>
        {
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
            {
                failures.Add(e.Diagnostic.Message);
            }
        });

        var projects = new List<Project>();
        foreach (var path in paths)
        {
            progress.WriteLine($"Loading {Path.GetFileName(path)}...");
            try
            {
                if (kind == InputKind.Solution)
                {
                    var solution = await workspace.OpenSolutionAsync(path, cancellationToken: cancellationToken);

                    // The workspace also loads what the solution's projects reference (libraries, analyzer
                    // projects); the inventory is of the solution's own projects.
                    var listed = SolutionProjects(path);
                    projects.AddRange(solution.Projects.Where(p => listed.Count == 0 || listed.Contains(Path.GetFullPath(p.FilePath ?? string.Empty))));
                }
                else
                {
                    // A project another one references is already in the workspace: opening it again throws
                    // "'X' is already part of the workspace". Load each project once.
                    var loaded = workspace.CurrentSolution.Projects.FirstOrDefault(p => string.Equals(p.FilePath, path, StringComparison.OrdinalIgnoreCase));
                    projects.Add(loaded ?? await workspace.OpenProjectAsync(path, cancellationToken: cancellationToken));
                }
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or ArgumentException or InvalidDataException)
            {
                throw new LoadException($"could not load {path}: {FirstLine(e.Message)}");
            }
        }

        // A project MSBuild could not evaluate comes back empty with a failure: that is a load error, not a clean project.
        var csharp = projects.Where(p => p.Language == LanguageNames.CSharp).GroupBy(p => p.FilePath).Select(g => g.First()).ToList();
        if (csharp.Count == 0 || (failures.Count > 0 && csharp.All(p => !p.Documents.Any())))
        {
            throw new LoadException(failures.Count > 0 ? "could not load: " + FirstLine(failures[0]) : $"no C# project found in {input}");
        }

        var inventories = new List<ProjectInventory>();
        for (int i = 0; i < csharp.Count; i++)
        {
            var project = csharp[i];
            progress.WriteLine($"Analyzing {project.Name} ({i + 1}/{csharp.Count})...");
            var watch = Stopwatch.StartNew();
            var inventory = await AnalyzeAsync(project, cancellationToken);
            inventories.Add(inventory with { Elapsed = watch.Elapsed });
            if (verbose)
            {
                progress.WriteLine($"  {project.Name}: {inventory.Entries.Count} ports, {inventory.Findings.Count} findings in {watch.Elapsed.TotalMilliseconds:N0} ms");
            }
        }

        var root = folder ?? Path.GetDirectoryName(Path.GetFullPath(paths[0])) ?? input;
        inventories.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));

        // Compose and Kubernetes files of the tree (a repository root, or the solution's folder).
        progress.WriteLine("Reading deployment files...");
        var deployment = DeploymentReader.Read(root);
        var crossFile = DeploymentChecks.Run(deployment, inventories);
        var deploymentPorts = deployment.AllPorts
            .Select(p => p with { Project = ProjectOfPort(p, deployment, inventories) })
            .OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column)
            .ToList();
        foreach (var unreadable in deployment.Unreadable)
        {
            progress.WriteLine($"  skipped {Path.GetRelativePath(root, unreadable.File)}:{unreadable.Line}: not readable as YAML ({unreadable.Label})");
        }

        return new Inventory(root, inventories, Inventory.FindCollisions(inventories)) { Deployment = deploymentPorts, CrossFile = crossFile };
    }

    private static string? ProjectOfPort(DeploymentPort port, Deployment deployment, IReadOnlyList<ProjectInventory> projects)
    {
        var service = deployment.ComposeServices.FirstOrDefault(s => s.Ports.Contains(port));
        if (service is not null)
        {
            return DeploymentChecks.ProjectOf(service.Dockerfile, service.Image, service.Name, projects)?.Name;
        }

        var container = deployment.Containers.FirstOrDefault(c => c.Ports.Contains(port));
        return container is null ? null : DeploymentChecks.ProjectOf(null, container.Image, container.Name, projects)?.Name;
    }

    // A pattern of the package's default files: a named file (kept whether or not it exists; filtered later) or a glob.
    private static IEnumerable<string> Expand(string directory, string pattern)
    {
        var parts = pattern.Split('/');
        var folder = Path.Combine(new[] { directory }.Concat(parts.Take(parts.Length - 1)).ToArray());
        var name = parts[parts.Length - 1];
        return name.IndexOf('*') < 0
            ? new[] { Path.Combine(folder, name) }
            : Directory.Exists(folder) ? Directory.EnumerateFiles(folder, name) : Enumerable.Empty<string>();
    }

    private static async Task<ProjectInventory> AnalyzeAsync(Project project, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken) ?? throw new LoadException($"no compilation for {project.Name}");
        var occurrences = new ConcurrentQueue<PortOccurrence>();
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new CSharpPortAnalyzer(occurrences.Enqueue),
            new ConfigurationFilePortAnalyzer(occurrences.Enqueue));

        // The project's own AdditionalFiles, plus its configuration files when it does not reference the package.
        var additional = project.AnalyzerOptions.AdditionalFiles;
        var known = new HashSet<string>(additional.Select(a => a.Path), StringComparer.OrdinalIgnoreCase);
        var directory = Path.GetDirectoryName(project.FilePath) ?? ".";
        var candidates = PortAnalyzers.Configuration.ConfigurationFileKinds.DefaultFiles.SelectMany(pattern => Expand(directory, pattern))
            .Concat(project.FilePath is null ? Array.Empty<string>() : new[] { project.FilePath })
            .Where(File.Exists)
            .Where(path => known.Add(path))
            .Select(path => (AdditionalText)new FileText(path));
        var options = new AnalyzerOptions(additional.AddRange(candidates), project.AnalyzerOptions.AnalyzerConfigOptionsProvider);

        var result = await compilation
            .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalysisResultAsync(cancellationToken);

        var findings = new List<Finding>();
        var rulesAt = new Dictionary<(string, int, int), List<string>>();
        foreach (var diagnostic in result.GetAllDiagnostics().Where(d => d.Id.StartsWith("PORT", StringComparison.Ordinal) && d.Severity != DiagnosticSeverity.Hidden))
        {
            var span = diagnostic.Location.GetLineSpan();
            var file = span.Path ?? string.Empty;
            int line = span.StartLinePosition.Line + 1, column = span.StartLinePosition.Character + 1;
            findings.Add(new Finding(project.Name, diagnostic.Id, Severity(diagnostic.Severity), diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), file, line, column));
            var key = (file, line, column);
            if (!rulesAt.TryGetValue(key, out var list))
            {
                rulesAt[key] = list = new List<string>();
            }

            if (!list.Contains(diagnostic.Id))
            {
                list.Add(diagnostic.Id);
            }
        }

        var entries = occurrences
            .Select(o =>
            {
                var span = o.Location.GetLineSpan();
                var file = span.Path ?? string.Empty;
                int line = span.StartLinePosition.Line + 1, column = span.StartLinePosition.Character + 1;
                rulesAt.TryGetValue((file, line, column), out var rules);
                return new PortEntry(project.Name, o.Value, o.EffectiveTransport, o.Role, o.Scheme, file, line, column, o.IsHardcoded, o.Sink,
                    o.BindingScope?.Name, (IReadOnlyList<string>?)rules?.OrderBy(r => r, StringComparer.Ordinal).ToList() ?? Array.Empty<string>())
                {
                    BindAddress = o.BindAddress,
                };
            })
            .Distinct()
            .OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Column).ThenBy(e => e.Port)
            .ToList();

        findings.Sort((a, b) => a.File != b.File ? string.CompareOrdinal(a.File, b.File) : a.Line != b.Line ? a.Line.CompareTo(b.Line) : string.CompareOrdinal(a.RuleId, b.RuleId));
        // For the deployment checks: whether Kestrel's default port applies, and which default the image gives it.
        bool isWebApp = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.IWebHostBuilder") is not null;
        long? imageDefault = ImageDefaultPort(directory);
        return new ProjectInventory(project.Name, project.FilePath ?? project.Name, entries, findings, TimeSpan.Zero) { IsWebApp = isWebApp, ImageDefaultPort = imageDefault };
    }

    // The project's Dockerfile's base image decides (8080 since .NET 8, 80 before, unknown for other images); without
    // a Dockerfile the SDK builds the image from a .NET 8+ base.
    private static long? ImageDefaultPort(string directory)
    {
        var dockerfile = Path.Combine(directory, "Dockerfile");
        if (!File.Exists(dockerfile))
        {
            return PortAnalyzers.Knowledge.DotNetImages.ModernDefault;
        }

        try
        {
            return PortAnalyzers.Container.DockerfilePortDiscovery.Discover(dockerfile, SourceText.From(File.ReadAllText(dockerfile))).Image.DefaultPort;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private enum InputKind
    {
        Solution,
        Project,
    }

    private static (InputKind Kind, List<string> Paths, string? Folder) Resolve(string input)
    {
        var full = Path.GetFullPath(input);
        if (File.Exists(full))
        {
            var extension = Path.GetExtension(full).ToLowerInvariant();
            return extension switch
            {
                ".sln" or ".slnx" => (InputKind.Solution, new List<string> { full }, null),
                ".csproj" => (InputKind.Project, new List<string> { full }, null),
                _ => throw new LoadException($"{input} is not a .sln, .slnx or .csproj file"),
            };
        }

        if (!Directory.Exists(full))
        {
            throw new LoadException($"{input} does not exist");
        }

        full = Path.TrimEndingDirectorySeparator(full);
        var solutions = Directory.EnumerateFiles(full, "*.sln").Concat(Directory.EnumerateFiles(full, "*.slnx")).ToList();
        if (solutions.Count == 1)
        {
            return (InputKind.Solution, solutions, full);
        }

        // Several solutions (or none) at the top of a repository: every project below it, each loaded once.
        var projects = Directory.EnumerateFiles(full, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !Path.GetRelativePath(full, p).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        return projects.Count > 0 ? (InputKind.Project, projects, full) : throw new LoadException($"no .sln, .slnx or .csproj found in {input}");
    }

    private static HashSet<string> SolutionProjects(string solutionPath)
    {
        var directory = Path.GetDirectoryName(solutionPath)!;
        var text = File.ReadAllText(solutionPath);
        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pattern = solutionPath.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase)
            ? new System.Text.RegularExpressions.Regex("Path=\"([^\"]+\\.csproj)\"")
            : new System.Text.RegularExpressions.Regex("\"([^\"]+\\.csproj)\"");
        foreach (System.Text.RegularExpressions.Match match in pattern.Matches(text))
        {
            paths.Add(Path.GetFullPath(Path.Combine(directory, match.Groups[1].Value.Replace('\\', Path.DirectorySeparatorChar))));
        }

        return paths;
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 300 ? line.Substring(0, 300) + "..." : line;
    }

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default)
        {
            try
            {
                using var stream = File.OpenRead(Path);
                return SourceText.From(stream);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }
}
