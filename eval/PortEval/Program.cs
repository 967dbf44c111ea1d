// Scores PortAnalyzers against hand-labelled port occurrences in clones of public repositories (eval/README.md).
// Every .cs file of every project in each labelled repository is compiled offline against the .NET reference packs
// (package types that are not on this machine stay unbound, the "half-bound code" case), the analyzers run through
// CompilationWithAnalyzers, and their diagnostics are matched to eval/labels.csv by (path, line, value).
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PortEval;

internal static class Program
{
    private static int Main(string[] args)
    {
        string? analyzerPath = null, labelsPath = null, clonesDir = null, dumpPath = null, onlyRepo = null, fromDump = null;
        bool verbose = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--analyzers": analyzerPath = args[++i]; break;
                case "--labels": labelsPath = args[++i]; break;
                case "--clones": clonesDir = args[++i]; break;
                case "--dump": dumpPath = args[++i]; break;
                case "--from-dump": fromDump = args[++i]; break;
                case "--repo": onlyRepo = args[++i]; break;
                case "--verbose": case "-v": verbose = true; break;
                default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
            }
        }
        if ((analyzerPath is null && fromDump is null) || labelsPath is null || clonesDir is null)
        {
            Console.Error.WriteLine("usage: PortEval (--analyzers PortAnalyzers.dll | --from-dump diags.csv) --labels eval/labels.csv --clones DIR [--repo NAME] [--dump diags.csv] [--verbose]");
            return 2;
        }

        var labels = Label.Read(labelsPath);
        if (fromDump is not null)
        {
            // Re-score a previous run's diagnostics (after relabelling) without running the analyzers again.
            if (!Label.Check(labels, clonesDir)) return 4;
            var dumped = Found.Read(fromDump);
            if (onlyRepo is not null)
            {
                labels = labels.Where(l => string.Equals(l.Repo, onlyRepo, StringComparison.OrdinalIgnoreCase)).ToList();
                dumped = dumped.Where(d => string.Equals(d.Repo, onlyRepo, StringComparison.OrdinalIgnoreCase)).ToList();
            }
            Scoring.Print(labels, dumped, verbose);
            Console.WriteLine();
            Console.WriteLine("analyzer exceptions: not counted (scored from a dump)");
            return 0;
        }
        var analyzers = LoadAnalyzers(analyzerPath!);
        if (!Label.Check(labels, clonesDir)) return 4;
        var references = References.Load();
        var diagnostics = new List<Found>();
        int exceptions = 0;
        var exceptionLines = new List<string>();

        foreach (var group in labels.GroupBy(l => l.Repo).OrderBy(g => g.Key))
        {
            if (onlyRepo is not null && !string.Equals(group.Key, onlyRepo, StringComparison.OrdinalIgnoreCase)) continue;
            string name = group.Key.Contains('/') ? group.Key[(group.Key.IndexOf('/') + 1)..] : group.Key;
            string root = Path.Combine(clonesDir, name);
            if (!Directory.Exists(root)) { Console.Error.WriteLine($"missing clone {root} (see eval/README.md)"); return 3; }
            string? head = Git.Head(root);
            foreach (var commit in group.Select(l => l.Commit).Distinct())
            {
                if (head is not null && !head.StartsWith(commit, StringComparison.OrdinalIgnoreCase))
                    Console.Error.WriteLine($"warning: {root} is at {head}, labels are for {commit}");
            }
            var repo = new RepoRun(group.Key, root, analyzers, references, verbose);
            repo.Run();
            diagnostics.AddRange(repo.Diagnostics);
            exceptions += repo.Exceptions.Count;
            exceptionLines.AddRange(repo.Exceptions);
            Console.Error.WriteLine($"{group.Key}: {repo.ProjectCount} projects ({repo.TestProjectCount} test), {repo.FileCount} files, {repo.Diagnostics.Count} diagnostics, {repo.Exceptions.Count} analyzer exceptions, {repo.Elapsed.TotalSeconds:F0}s");
        }

        if (onlyRepo is not null) labels = labels.Where(l => string.Equals(l.Repo, onlyRepo, StringComparison.OrdinalIgnoreCase)).ToList();
        if (dumpPath is not null) Found.Write(dumpPath, diagnostics);
        Scoring.Print(labels, diagnostics, verbose);
        Console.WriteLine();
        Console.WriteLine($"analyzer exceptions (AD0001 or thrown): {exceptions}");
        foreach (var line in exceptionLines.Take(verbose ? int.MaxValue : 20)) Console.WriteLine("  " + line);
        return 0;
    }

    private static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers(string path)
    {
        var assembly = Assembly.LoadFrom(Path.GetFullPath(path));
        var list = assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        Console.Error.WriteLine($"analyzers from {path}: {string.Join(", ", list.Select(a => a.GetType().Name))}");
        return list;
    }
}

internal sealed record Label(string Repo, string Commit, string Path, int Line, string Value, bool IsPort, string Role,
    ImmutableHashSet<string> Expected, ImmutableHashSet<string> Acceptable, string ProjectKind, string Note)
{
    /// <summary>Every label's value must be written on its line (catches typos and a clone at another commit).</summary>
    public static bool Check(List<Label> labels, string clonesDir)
    {
        int bad = 0;
        var cache = new Dictionary<string, string[]>();
        foreach (var l in labels)
        {
            string name = l.Repo.Contains('/') ? l.Repo[(l.Repo.IndexOf('/') + 1)..] : l.Repo;
            string file = System.IO.Path.Combine(clonesDir, name, l.Path);
            if (!cache.TryGetValue(file, out var lines)) cache[file] = lines = File.Exists(file) ? File.ReadAllLines(file) : Array.Empty<string>();
            bool ok = l.Line >= 1 && l.Line <= lines.Length && Regex.IsMatch(Regex.Replace(lines[l.Line - 1], @"(?<=[0-9])_(?=[0-9])", ""), $@"(?<![0-9]){Regex.Escape(l.Value)}(?![0-9])");
            if (!ok) { bad++; Console.Error.WriteLine($"label not found in source: {l.Repo} {l.Path}:{l.Line} value {l.Value}"); }
        }
        foreach (var dup in labels.GroupBy(l => (l.Repo, l.Path, l.Line, l.Value)).Where(g => g.Count() > 1))
            Console.Error.WriteLine($"warning: duplicate label {dup.Key}");
        return bad == 0;
    }

    public static List<Label> Read(string file)
    {
        var result = new List<Label>();
        var lines = File.ReadAllLines(file);
        var header = Csv.Split(lines[0]);
        int Col(string n) => Array.FindIndex(header, h => h.Trim() == n);
        int repo = Col("repo"), commit = Col("commit"), path = Col("path"), line = Col("line"), value = Col("value"),
            isPort = Col("is_port"), role = Col("role"), rules = Col("expected_rules"), acceptable = Col("acceptable_rules"), kind = Col("project_kind"), note = Col("note");
        for (int i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]) || lines[i].StartsWith('#')) continue;
            var f = Csv.Split(lines[i]);
            string Get(int c) => c >= 0 && c < f.Length ? f[c].Trim() : "";
            result.Add(new Label(Get(repo), Get(commit), Get(path), int.Parse(Get(line), CultureInfo.InvariantCulture), Get(value),
                Get(isPort) is "1" or "true" or "yes", Get(role),
                Get(rules).Split(new[] { ';', ' ', '|' }, StringSplitOptions.RemoveEmptyEntries).ToImmutableHashSet(),
                Get(acceptable).Split(new[] { ';', ' ', '|' }, StringSplitOptions.RemoveEmptyEntries).ToImmutableHashSet(),
                Get(kind), Get(note)));
        }
        return result;
    }
}

internal static class Csv
{
    public static string[] Split(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields.ToArray();
    }

    public static string Quote(string s) => s.IndexOfAny(new[] { ',', '"', '\n' }) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}

/// <summary>One diagnostic: rule, value (from the message), primary location and additional locations (repo-relative).</summary>
internal sealed record Found(string Repo, string Rule, string? Value, string Path, int Line, int Column,
    ImmutableArray<(string Path, int Line)> Additional, string Message, bool TestProject)
{
    private static readonly Regex ValuePattern = new(@"(-?\d+)", RegexOptions.Compiled); // the first number: "Port 8420 ...", "-1 is not a valid port ..."

    public static string? ValueOf(string message)
    {
        var m = ValuePattern.Match(message);
        return m.Success ? m.Groups[1].Value : null;
    }

    public static List<Found> Read(string file)
    {
        var result = new List<Found>();
        foreach (var line in File.ReadLines(file).Skip(1))
        {
            var f = Csv.Split(line);
            var additional = f[7].Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(a => (a[..a.LastIndexOf(':')], int.Parse(a[(a.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture))).ToImmutableArray();
            result.Add(new Found(f[0], f[1], f[2].Length == 0 ? null : f[2], f[3], int.Parse(f[4], CultureInfo.InvariantCulture),
                int.Parse(f[5], CultureInfo.InvariantCulture), additional, f[8], f[6] == "1"));
        }
        return result;
    }

    public static void Write(string file, IEnumerable<Found> all)
    {
        using var w = new StreamWriter(file);
        w.WriteLine("repo,rule,value,path,line,column,test_project,additional,message");
        foreach (var d in all.OrderBy(d => d.Repo).ThenBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line))
            w.WriteLine(string.Join(",", d.Repo, d.Rule, d.Value, Csv.Quote(d.Path), d.Line, d.Column, d.TestProject ? "1" : "0",
                Csv.Quote(string.Join(";", d.Additional.Select(a => $"{a.Path}:{a.Line}"))), Csv.Quote(d.Message)));
    }
}

internal static class Git
{
    public static string? Head(string root)
    {
        try
        {
            var psi = new System.Diagnostics.ProcessStartInfo("git", $"-C \"{root}\" rev-parse HEAD") { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = System.Diagnostics.Process.Start(psi)!;
            string s = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return p.ExitCode == 0 ? s : null;
        }
        catch { return null; }
    }
}

internal static class References
{
    public static ImmutableArray<MetadataReference> Load()
    {
        string dotnetRoot = Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } r ? r
            : Path.GetDirectoryName(Path.GetDirectoryName(typeof(object).Assembly.Location)!)! is var shared ? Path.GetFullPath(Path.Combine(shared, "..", "..")) : "/usr/share/dotnet";
        var refs = new List<MetadataReference>();
        foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
        {
            string dir = Path.Combine(dotnetRoot, "packs", pack);
            if (!Directory.Exists(dir)) { Console.Error.WriteLine($"warning: no {dir}"); continue; }
            string version = Directory.GetDirectories(dir).Select(Path.GetFileName).OrderByDescending(v => Version.TryParse(v!.Split('-')[0], out var x) ? x : new Version()).First()!;
            string refDir = Directory.GetDirectories(Path.Combine(dir, version, "ref")).First();
            refs.AddRange(Directory.GetFiles(refDir, "*.dll").Select(f => MetadataReference.CreateFromFile(f)));
        }
        // Test framework attributes and asserts, where the NuGet cache has them (they only help binding).
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var pkg in new[] { "xunit.abstractions", "xunit.assert", "xunit.extensibility.core" })
        {
            string dir = Path.Combine(cache, pkg);
            if (!Directory.Exists(dir)) continue;
            var dll = Directory.GetFiles(dir, "*.dll", SearchOption.AllDirectories)
                .Where(f => f.Contains("netstandard") || f.Contains("net6") || f.Contains("net8")).OrderByDescending(f => f).FirstOrDefault();
            if (dll is not null) refs.Add(MetadataReference.CreateFromFile(dll));
        }
        return refs.ToImmutableArray();
    }
}

internal sealed class RepoRun
{
    private static readonly Regex TestFramework = new(
        @"<(PackageReference|Reference)\s+Include=""(xunit|xunit\.v3[^""]*|xunit\.core|NUnit|MSTest|MSTest\.TestFramework|Microsoft\.VisualStudio\.TestPlatform[^""]*)""|<IsTestProject(\s+Condition=""[^""]*"")?>\s*true",
        RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex ProjectRef = new(@"<ProjectReference\s+Include=""([^""]+)""", RegexOptions.Compiled);
    private static readonly Regex PackageRef = new(@"<PackageReference\s+Include=""([^""]+)""", RegexOptions.Compiled);
    private static readonly Regex UsingDirective = new(@"^\s*using\s+(?:static\s+)?([A-Za-z_][\w.]*)\s*;", RegexOptions.Compiled | RegexOptions.Multiline);
    private static readonly string[] SkipDirs = { "/.git/", "/obj/", "/bin/", "/node_modules/" };

    private readonly string repoName, root;
    private readonly ImmutableArray<DiagnosticAnalyzer> analyzers;
    private readonly ImmutableArray<MetadataReference> references;
    private readonly bool verbose;
    private readonly Dictionary<string, Project> projects = new(StringComparer.Ordinal);

    public List<Found> Diagnostics { get; } = new();
    public List<string> Exceptions { get; } = new();
    public int ProjectCount => projects.Count;
    public int TestProjectCount => projects.Values.Count(p => p.IsTest);
    public int FileCount { get; private set; }
    public TimeSpan Elapsed { get; private set; }

    public RepoRun(string repoName, string root, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<MetadataReference> references, bool verbose)
    {
        this.repoName = repoName;
        this.root = Path.GetFullPath(root).TrimEnd('/');
        this.analyzers = analyzers;
        this.references = references;
        this.verbose = verbose;
    }

    private sealed class Project
    {
        public required string Dir;
        public required string File;
        public required bool IsTest;
        public required bool ImplicitUsings;
        public required bool Web;
        public List<string> Sources = new();
        public List<string> Additional = new();
        public List<string> ProjectReferences = new();
        public List<string> PackageReferences = new();
        public string Name => Path.GetFileNameWithoutExtension(File);
        public string? PackageId;
        public CSharpCompilation? Compilation;
        public bool Building;
    }

    private bool Skip(string path) => SkipDirs.Any(d => path.Replace('\\', '/').Contains(d, StringComparison.Ordinal));

    private string Rel(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    public void Run()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var csproj in Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories).Where(p => !Skip(p)).OrderBy(p => p, StringComparer.Ordinal))
        {
            string dir = Path.GetDirectoryName(csproj)!;
            if (projects.ContainsKey(dir)) continue; // two project files in one folder: the first holds the sources
            string text = File.ReadAllText(csproj);
            string inherited = InheritedProps(dir);
            projects[dir] = new Project
            {
                Dir = dir, File = csproj,
                IsTest = TestFramework.IsMatch(text) || (TestFramework.IsMatch(inherited)
                    // A Directory.Build.props that makes only some projects test projects by name (dotnet/orleans: names ending
                    // in Test/Tests, and Benchmarks): apply the same condition.
                    && (!inherited.Contains("MSBuildProjectName", StringComparison.Ordinal)
                        || Regex.IsMatch(Path.GetFileNameWithoutExtension(csproj), @"(Tests?|Benchmarks)$"))),
                ImplicitUsings = Regex.IsMatch(text + inherited, @"<ImplicitUsings>\s*(enable|true)", RegexOptions.IgnoreCase),
                Web = text.Contains("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase),
                ProjectReferences = ProjectRef.Matches(text).Select(m => Path.GetFullPath(Path.Combine(dir, ExpandProperties(m.Groups[1].Value, dir).Replace('\\', '/')))).ToList(),
                PackageReferences = PackageRef.Matches(text).Select(m => m.Groups[1].Value).ToList(),
                PackageId = Regex.Match(text, @"<PackageId>([^<$]+)</PackageId>") is { Success: true } id ? id.Groups[1].Value.Trim() : null,
            };
        }
        var loose = new Project { Dir = root, File = "(no project)", IsTest = false, ImplicitUsings = false, Web = false };
        foreach (var file in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories))
        {
            if (Skip(file)) continue;
            bool cs = file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);
            string fileName = Path.GetFileName(file);
            bool config = (fileName.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                || (fileName.Equals("launchSettings.json", StringComparison.OrdinalIgnoreCase) && Path.GetFileName(Path.GetDirectoryName(file)) == "Properties");
            if (!cs && !config) continue;
            var owner = Owner(file) ?? loose;
            (cs ? owner.Sources : owner.Additional).Add(file);
        }
        if (loose.Sources.Count > 0 || loose.Additional.Count > 0)
        {
            // Files outside any project (documentation snippets, API listings): reference the repository's projects whose
            // names their using directives name, as the snippets' readers would.
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in loose.Sources) foreach (Match m in UsingDirective.Matches(File.ReadAllText(f))) used.Add(m.Groups[1].Value);
            loose.ProjectReferences = projects.Values.Where(p => !p.IsTest && used.Contains(p.Name)).Select(p => p.File).ToList();
            projects[root + "/(loose)"] = loose;
        }

        foreach (var project in projects.Values.OrderBy(p => p.Dir, StringComparer.Ordinal))
        {
            if (project.Sources.Count == 0 && project.Additional.Count == 0) continue;
            FileCount += project.Sources.Count + project.Additional.Count;
            Analyze(project);
        }
        // Free the compilations before the next repository.
        foreach (var p in projects.Values) p.Compilation = null;
        Elapsed = watch.Elapsed;
    }

    private static readonly Regex DirectoryProperty = new(@"<(\w+)(?:\s[^>]*)?>\$\(MSBuildThisFileDirectory\)([^<$]*)</\1>", RegexOptions.Compiled);

    /// <summary>Expands $(Name) where a Directory.Build.props above defines Name as $(MSBuildThisFileDirectory)... (dotnet/orleans:
    /// $(SourceRoot), $(RepositoryRoot)).</summary>
    private string ExpandProperties(string value, string dir)
    {
        if (!value.Contains("$(", StringComparison.Ordinal)) return value;
        for (var d = dir; d is not null && d.Length >= root.Length; d = Path.GetDirectoryName(d))
        {
            string f = Path.Combine(d, "Directory.Build.props");
            if (!File.Exists(f)) continue;
            foreach (Match m in DirectoryProperty.Matches(File.ReadAllText(f)))
                value = value.Replace("$(" + m.Groups[1].Value + ")", d + "/" + m.Groups[2].Value.Replace('\\', '/'), StringComparison.Ordinal);
        }
        return value;
    }

    private string InheritedProps(string dir)
    {
        var sb = new StringBuilder();
        for (var d = dir; d is not null && d.Length >= root.Length; d = Path.GetDirectoryName(d))
        {
            foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets" })
            {
                string f = Path.Combine(d, name);
                if (File.Exists(f)) sb.Append(File.ReadAllText(f));
            }
        }
        return sb.ToString();
    }

    private Project? Owner(string file)
    {
        for (var d = Path.GetDirectoryName(file); d is not null && d.Length >= root.Length; d = Path.GetDirectoryName(d))
            if (projects.TryGetValue(d, out var p)) return p;
        return null;
    }

    private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.None)
        .WithPreprocessorSymbols("NET", "NETCOREAPP", "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER",
            "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER", "NET10_0", "RELEASE", "TRACE");

    private CSharpCompilation Compile(Project project)
    {
        if (project.Compilation is not null) return project.Compilation;
        project.Building = true;
        var trees = new List<SyntaxTree>();
        foreach (var file in project.Sources)
        {
            var text = SourceText.From(File.ReadAllText(file), Encoding.UTF8);
            trees.Add(CSharpSyntaxTree.ParseText(text, ParseOptions, file));
        }
        if (project.ImplicitUsings)
        {
            var usings = new List<string> { "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks" };
            if (project.Web) usings.AddRange(new[] { "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging" });
            trees.Add(CSharpSyntaxTree.ParseText(string.Join("\n", usings.Select(u => $"global using global::{u};")), ParseOptions, Path.Combine(project.Dir, "obj", "GlobalUsings.g.cs")));
        }
        var refs = new List<MetadataReference>(references);
        // Project references flow transitively, as in a real build. A package built in this repository (samples that
        // reference the library by package) is its project here.
        var referenced = new List<Project>();
        var queue = new Queue<Project>();
        queue.Enqueue(project);
        var seen = new HashSet<Project> { project };
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            var next = current.ProjectReferences.Select(r => projects.TryGetValue(Path.GetDirectoryName(r)!, out var o) ? o : null)
                .Concat(current.PackageReferences.Select(pkg => projects.Values.FirstOrDefault(p => (p.Name == pkg || p.PackageId == pkg) && !p.IsTest)));
            foreach (var other in next)
                if (other is not null && seen.Add(other)) { referenced.Add(other); queue.Enqueue(other); }
        }
        foreach (var other in referenced)
            if (other != project && !other.Building && other.Sources.Count > 0)
                refs.Add(Compile(other).ToMetadataReference());
        string assemblyName = Path.GetFileNameWithoutExtension(project.File);
        project.Compilation = CSharpCompilation.Create(assemblyName, trees, refs,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: false));
        project.Building = false;
        return project.Compilation;
    }

    private void Analyze(Project project)
    {
        var compilation = Compile(project);
        var additional = project.Additional.Select(f => (AdditionalText)new FileText(f)).ToImmutableArray();
        var globals = new Dictionary<string, string>();
        // Every compilation here references xunit (for the test projects' sake); MSBuild would give a product project no
        // test framework, so say which projects are not tests.
        globals["build_property.IsTestProject"] = project.IsTest ? "true" : "false";
        var options = new AnalyzerOptions(additional, new OptionsProvider(globals));
        var thrown = new ConcurrentBag<string>();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options,
            (ex, analyzer, diagnostic) => thrown.Add($"{Rel(project.File)}: {analyzer.GetType().Name}: {ex.GetType().Name}: {ex.Message} @ {ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}{Context(diagnostic)}"),
            concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        ImmutableArray<Diagnostic> diags;
        try { diags = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult(); }
        catch (Exception ex) { Exceptions.Add($"{Rel(project.File)}: host: {ex.GetType().Name}: {ex.Message}"); return; }
        Exceptions.AddRange(thrown.Distinct());
        foreach (var d in diags)
        {
            if (d.Id == "AD0001") { Exceptions.Add($"{Rel(project.File)}: {d.GetMessage(CultureInfo.InvariantCulture)}"); continue; }
            if (!d.Id.StartsWith("PORT", StringComparison.Ordinal)) continue;
            var span = d.Location.GetLineSpan();
            if (string.IsNullOrEmpty(span.Path)) continue;
            string message = d.GetMessage(CultureInfo.InvariantCulture);
            Diagnostics.Add(new Found(repoName, d.Id, Found.ValueOf(message), Rel(span.Path), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1,
                d.AdditionalLocations.Select(l => l.GetLineSpan()).Where(s => !string.IsNullOrEmpty(s.Path)).Select(s => (Rel(s.Path), s.StartLinePosition.Line + 1)).ToImmutableArray(),
                message, project.IsTest));
        }
        if (verbose) Console.Error.WriteLine($"  {Rel(project.File)}{(project.IsTest ? " [test]" : "")}: {project.Sources.Count} cs, {project.Additional.Count} json");
    }

    /// <summary>The file and node the compiler names in an AD0001 message ("SyntaxTree: ...", "SyntaxNode: ...").</summary>
    private string Context(Diagnostic diagnostic)
    {
        var lines = diagnostic.GetMessage(CultureInfo.InvariantCulture).Split('\n')
            .Select(l => l.Trim()).Where(l => l.StartsWith("SyntaxTree:", StringComparison.Ordinal) || l.StartsWith("SyntaxNode:", StringComparison.Ordinal))
            .Select(l => l.Replace(root + "/", "", StringComparison.Ordinal));
        string context = string.Join(" | ", lines);
        return context.Length == 0 ? "" : " [" + (context.Length > 300 ? context[..300] + "..." : context) + "]";
    }

    private sealed class FileText : AdditionalText
    {
        private readonly string path;
        public FileText(string path) => this.path = path;
        public override string Path => path;
        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(path), Encoding.UTF8);
    }

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Options global;
        public OptionsProvider(Dictionary<string, string> values) => global = new Options(values);
        public override AnalyzerConfigOptions GlobalOptions => global;
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => global;
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => global;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> values;
            public Options(Dictionary<string, string> values) => this.values = values;
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}

internal static class Scoring
{
    public static void Print(List<Label> labels, List<Found> diagnostics, bool verbose)
    {
        var byLine = labels.ToLookup(l => (l.Repo, l.Path, l.Line));
        var rules = labels.SelectMany(l => l.Expected).Concat(diagnostics.Select(d => d.Rule)).Distinct().OrderBy(r => r).ToList();
        var hits = new HashSet<(Label, string)>();
        var falsePositives = new List<(Found, Label)>();
        var unlabelled = new List<Found>();
        var acceptable = new List<Found>();

        foreach (var d in diagnostics)
        {
            // Match the primary location first; a value declared elsewhere may be labelled at its declaration, which the
            // diagnostic names as an additional location (not for PORT006, whose additional location is the other bind).
            var candidates = new List<(string Path, int Line)> { (d.Path, d.Line) };
            if (d.Rule != "PORT006") candidates.AddRange(d.Additional);
            Label? match = null;
            foreach (var (path, line) in candidates)
            {
                var onLine = byLine[(d.Repo, path, line)].ToList();
                match = onLine.FirstOrDefault(l => d.Value is not null && l.Value == d.Value)
                    ?? (d.Value is null && onLine.Count == 1 ? onLine[0] : null);
                if (match is not null) break;
            }
            if (match is null) { unlabelled.Add(d); continue; }
            if (match.IsPort && match.Expected.Contains(d.Rule)) hits.Add((match, d.Rule));
            else if (match.IsPort && match.Acceptable.Contains(d.Rule)) acceptable.Add(d);
            else falsePositives.Add((d, match));
        }

        Console.WriteLine($"labels: {labels.Count} ({labels.Count(l => l.IsPort)} ports, {labels.Count(l => !l.IsPort)} non-ports) in {labels.Select(l => l.Repo).Distinct().Count()} repositories");
        Console.WriteLine();
        Console.WriteLine("| rule | support | TP | FN | FP | precision | recall | unlabelled diags |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var rule in rules)
        {
            int support = labels.Count(l => l.IsPort && l.Expected.Contains(rule));
            int tp = hits.Count(h => h.Item2 == rule);
            // One false positive per labelled occurrence and rule, however many sinks report it.
            int fp = falsePositives.Where(f => f.Item1.Rule == rule).Select(f => f.Item2).Distinct().Count();
            int fn = support - tp;
            int un = unlabelled.Count(u => u.Rule == rule);
            string precision = tp + fp == 0 ? "n/a" : ((double)tp / (tp + fp)).ToString("F3", CultureInfo.InvariantCulture);
            string recall = support == 0 ? "n/a" : ((double)tp / support).ToString("F3", CultureInfo.InvariantCulture);
            Console.WriteLine($"| {rule} | {support} | {tp} | {fn} | {fp} | {precision} | {recall} | {un} |");
        }

        Console.WriteLine();
        Console.WriteLine($"false positives on labelled lines: {falsePositives.Select(f => (f.Item2, f.Item1.Rule)).Distinct().Count()}");
        foreach (var g in falsePositives.GroupBy(f => (Label: f.Item2, Rule: f.Item1.Rule)).OrderBy(g => g.Key.Rule).ThenBy(g => g.Key.Label.Repo).ThenBy(g => g.Key.Label.Path))
        {
            var l = g.Key.Label;
            Console.WriteLine($"  FP {g.Key.Rule} {l.Repo} {l.Path}:{l.Line} value {l.Value} ({(l.IsPort ? "port, " + l.Role : "not a port")}, expected [{string.Join(";", l.Expected.OrderBy(x => x))}]) {l.Note}");
        }
        var misses = labels.Where(l => l.IsPort).SelectMany(l => l.Expected.Where(r => !hits.Contains((l, r))).Select(r => (l, r))).ToList();
        Console.WriteLine($"misses: {misses.Count}");
        foreach (var (l, r) in misses.OrderBy(m => m.r).ThenBy(m => m.l.Repo).ThenBy(m => m.l.Path))
            Console.WriteLine($"  FN {r} {l.Repo} {l.Path}:{l.Line} value {l.Value} ({l.Role}, {l.ProjectKind}) {l.Note}");
        Console.WriteLine($"diagnostics on labelled occurrences where the rule is acceptable but not required (not scored): {acceptable.Count}");
        Console.WriteLine($"diagnostics on unlabelled lines: {unlabelled.Count} ({string.Join(", ", unlabelled.GroupBy(u => u.Rule).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}){(verbose ? "" : "; --verbose lists them")}");
        if (verbose)
            foreach (var u in unlabelled.OrderBy(u => u.Repo).ThenBy(u => u.Path, StringComparer.Ordinal).ThenBy(u => u.Line))
                Console.WriteLine($"  ?? {u.Rule} {u.Repo} {u.Path}:{u.Line}:{u.Column} {(u.TestProject ? "[test] " : "")}{u.Message}");
    }
}
