using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PortAnalyzers.Analyzers;
using PortAnalyzers.Benchmarks;

// The performance harness of docs/performance.md. For each corpus size it measures, on fresh compilations:
//   (a) the compiler's own time to produce diagnostics (binding every method body),
//   (b) PortAnalyzers' execution time (driver telemetry: time inside our callbacks),
//   (c) a do-nothing analyzer registering the same actions (the floor: the cost of being called),
//   (d) peer analyzers from the NetAnalyzers package on the same sources,
// and the bytes allocated by a run with PortAnalyzers minus a run with the floor analyzer.
// Usage: dotnet run -c Release --project tests/PortAnalyzers.Benchmarks [-- --sizes 10000,100000,1000000]
// Other modes: --suppress PORT001,... (rules run, diagnostics dropped), --json (the JSON reader on 19.5 MB),
// --only-ours (PortAnalyzers alone in a loop, to attach a profiler), --resolve (sink catalogue binding time).
var sizes = ParseSizes(args) ?? new[] { 10_000, 100_000, 1_000_000 };
int suppressIndex = Array.IndexOf(args, "--suppress");
Flags.Suppressed = suppressIndex >= 0 && suppressIndex + 1 < args.Length ? args[suppressIndex + 1].Split(',') : Array.Empty<string>();
var references = TrustedPlatformReferences();
var peers = args.Contains("--peer-sonar") ? LoadSonarPeer() : LoadPeers();

Console.WriteLine($"# PortAnalyzers benchmark, {DateTime.UtcNow:yyyy-MM-dd}");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}");
Console.WriteLine($"peers: {string.Join(", ", peers.Select(p => p.GetType().Name + " (" + string.Join("/", p.SupportedDiagnostics.Select(d => d.Id)) + ")"))}");
Console.WriteLine();

if (args.Contains("--resolve"))
{
    // How long binding the sink catalogue to a fresh compilation takes (a fixed cost per compilation).
    for (int i = 0; i < 5; i++)
    {
        var compilation = CSharpCompilation.Create("R" + i, references: references);
        var watch = Stopwatch.StartNew();
        PortAnalyzers.Discovery.ResolvedSinks.Resolve(compilation);
        Console.WriteLine($"ResolvedSinks.Resolve: {watch.Elapsed.TotalMilliseconds:N1} ms");
    }

    return;
}

if (args.Contains("--json"))
{
    // The configuration-file reader on a 10 MB appsettings-shaped document: parse and port discovery.
    var builder = new System.Text.StringBuilder("{ \"Items\": [");
    for (int i = 0; i < 300_000; i++)
    {
        builder.Append("{ \"Port\": 60251, \"Name\": \"item\", \"Url\": \"http://localhost:5000/x\" },");
    }

    var json = builder.Append("] }").ToString();
    var text = SourceText.From(json);
    for (int i = 0; i < 5; i++)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var parsed = PortAnalyzers.Configuration.JsonReader.Parse(json);
        var parse = watch.Elapsed.TotalMilliseconds;
        var found = PortAnalyzers.Configuration.ConfigurationPortDiscovery.Discover(parsed.Root!, PortAnalyzers.Configuration.ConfigurationFileKind.AppSettings, "/p/appsettings.json", text);
        Console.WriteLine($"JsonReader: {json.Length / 1024.0 / 1024.0:N1} MB parsed in {parse:N0} ms, discovery {watch.Elapsed.TotalMilliseconds - parse:N0} ms, {found.Count:N0} ports, {(GC.GetAllocatedBytesForCurrentThread() - before) / 1024.0 / 1024.0:N0} MB allocated");
        watch.Restart();
        using (var document = System.Text.Json.JsonDocument.Parse(json, new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true }))
        {
            Console.WriteLine($"  for comparison, System.Text.Json JsonDocument.Parse (no positions kept): {watch.Elapsed.TotalMilliseconds:N0} ms");
        }
    }

    return;
}

if (args.Contains("--ide"))
{
    // The IDE path: one open document of 1,000 lines inside a 100k-line compilation. After an edit the IDE asks for
    // that document's semantic diagnostics: CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync for its
    // tree, on a compilation whose declarations are already bound. Latency with PortAnalyzers and with the floor.
    var ideFiles = CorpusGenerator.Generate(100_000);
    ideFiles.Add(CorpusGenerator.LargeFile(100_000, 1_000));
    var ideTrees = ideFiles.Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.Latest), f.Path)).ToArray();
    var open = ideTrees[^1];
    Console.WriteLine($"open document: {open.GetText().Lines.Count:N0} lines; compilation: {ideTrees.Sum(t => t.GetText().Lines.Count):N0} lines in {ideTrees.Length} files");
    var ideOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false);
    (double Latency, double Telemetry, int Count) Document(DiagnosticAnalyzer analyzer)
    {
        var compilation = CSharpCompilation.Create("Ide", ideTrees, references, ideOptions);
        compilation.GetDeclarationDiagnostics(); // the IDE has the declarations of the other files already
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        var model = compilation.GetSemanticModel(open);
        var watch = Stopwatch.StartNew();
        var found = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None).GetAwaiter().GetResult();
        double latency = watch.Elapsed.TotalMilliseconds;
        var telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
        return (latency, telemetry.ExecutionTime.TotalMilliseconds, found.Length);
    }

    for (int i = 0; i < 3; i++)
    {
        Document(new CSharpPortAnalyzer());
        Document(new FloorAnalyzer());
    }

    var oursLatency = new List<double>();
    var oursTelemetry = new List<double>();
    var floorLatency = new List<double>();
    int ideDiagnostics = 0;
    for (int i = 0; i < 11; i++)
    {
        var ours = Document(new CSharpPortAnalyzer());
        var floor = Document(new FloorAnalyzer());
        oursLatency.Add(ours.Latency);
        oursTelemetry.Add(ours.Telemetry);
        floorLatency.Add(floor.Latency);
        ideDiagnostics = ours.Count;
    }

    Console.WriteLine($"one document (medians of 11): PortAnalyzers {Median(oursLatency):N1} ms, floor {Median(floorLatency):N1} ms, difference {Median(oursLatency) - Median(floorLatency):N1} ms; PortAnalyzers' callbacks (telemetry) {Median(oursTelemetry):N1} ms; {ideDiagnostics} diagnostics");
    return;
}

int sourceIndex = Array.IndexOf(args, "--source");
if (sourceIndex >= 0 && sourceIndex + 1 < args.Length)
{
    // Real code without MSBuild: every .cs file under a folder (bin/ and obj/ left out), compiled against this
    // process's framework assemblies; PortAnalyzers against the floor, in one thread, several times.
    var folder = args[sourceIndex + 1];
    var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
        .Select(f => (Path: f, Text: File.ReadAllText(f)))
        .ToList();
    int sourceLines = files.Sum(f => f.Text.Count(c => c == '\n'));
    Console.WriteLine($"{folder}: {files.Count} files, {sourceLines:N0} lines");
    if (args.Contains("--cold"))
    {
        // The first analysis in a fresh process (as in every csc run that does not reuse a warm compiler server):
        // the compiler is warmed on this code first, so the first PortAnalyzers run pays only for our own code's
        // first use (JIT, type loading, static tables). With --prewarm, PortAnalyzers first runs once on a small
        // generated corpus that reaches every path, so the first run on this code shows what is left without JIT.
        var coldTrees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.Latest), f.Path)).ToArray();
        CSharpCompilation Compile() => CSharpCompilation.Create("P", coldTrees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false));
        var warmCompiler = Compile();
        warmCompiler.GetDiagnostics();
        Run(warmCompiler, ImmutableArray<AdditionalText>.Empty, new DiagnosticAnalyzer[] { new FloorAnalyzer() });
        Run(warmCompiler, ImmutableArray<AdditionalText>.Empty, peers.ToArray());
        if (args.Contains("--prewarm"))
        {
            var small = CorpusGenerator.Generate(2_000).Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.Latest), f.Path));
            Run(CSharpCompilation.Create("W", small, references), ImmutableArray<AdditionalText>.Empty, new DiagnosticAnalyzer[] { new CSharpPortAnalyzer() });
        }

        int coldRuns = int.TryParse(Environment.GetEnvironmentVariable("PORTANALYZERS_LOOPS"), out var r) ? r : 4;
        for (int i = 0; i < coldRuns; i++)
        {
            var c = Compile();
            c.GetDiagnostics();
            // JIT time and methods compiled in the process during the run (tier-1 recompilations in the background included).
            var jitTime = System.Runtime.JitInfo.GetCompilationTime(currentThread: false);
            long jitCount = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false);
            var (ms, _, _, _) = Run(c, ImmutableArray<AdditionalText>.Empty, new DiagnosticAnalyzer[] { new CSharpPortAnalyzer() });
            jitTime = System.Runtime.JitInfo.GetCompilationTime(currentThread: false) - jitTime;
            jitCount = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false) - jitCount;
            var (peerMs, _, _, _) = Run(c, ImmutableArray<AdditionalText>.Empty, peers.ToArray());
            Console.WriteLine($"run {i + 1}{(i == 0 ? " (first use of PortAnalyzers in this process)" : string.Empty)}: PortAnalyzers {ms:N1} ms (of which JIT {jitTime.TotalMilliseconds:N1} ms for {jitCount} methods), peer {peerMs:N1} ms");
        }

        return;
    }

    if (args.Contains("--only-ours"))
    {
        // For a profiler: PortAnalyzers alone on this code, repeatedly.
        // One compilation, analysed again and again (each run builds its own operation trees), so that a sampling
        // profiler sees mostly analysis; PORTANALYZERS_LOOPS sets the count.
        var sourceTrees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.Latest), f.Path)).ToArray();
        var c = CSharpCompilation.Create("P", sourceTrees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false));
        c.GetDiagnostics();
        int loops = int.TryParse(Environment.GetEnvironmentVariable("PORTANALYZERS_LOOPS"), out var n) ? n : 20;
        // PORTANALYZERS_FRESH=1: a new compilation for every run (compiled first), as in a real build, where what our
        // queries make Roslyn compute lazily (symbols' attributes, nullability) is computed for the first time.
        bool fresh = Environment.GetEnvironmentVariable("PORTANALYZERS_FRESH") == "1";
        var times = new List<double>();
        for (int i = 0; i < loops; i++)
        {
            if (fresh)
            {
                c = CSharpCompilation.Create("P", sourceTrees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false));
                c.GetDiagnostics();
            }

            var (ms, _, _, _) = Run(c, ImmutableArray<AdditionalText>.Empty, new DiagnosticAnalyzer[] { new CSharpPortAnalyzer() });
            times.Add(ms);
        }

        Console.WriteLine($"PortAnalyzers: first {times[0]:N1} ms, median {Median(times):N1} ms over {loops} runs");

        return;
    }

    Measure(files, new List<(string Path, string Text)>(), references, peers, repetitions: 1, print: false, lines: sourceLines, allowErrors: true);
    var row = Measure(files, new List<(string Path, string Text)>(), references, peers, repetitions: 5, print: true, lines: sourceLines, allowErrors: true);
    Console.WriteLine($"PortAnalyzers / compile {row.Ours / row.Compile:P2}, PortAnalyzers / floor {row.Ours / Math.Max(row.Floor, 0.1):N0}, PortAnalyzers / peer {row.Ours / row.Peer:N2}");
    return;
}

if (args.Contains("--only-ours"))
{
    // For a profiler: PortAnalyzers alone, repeatedly, on 10k lines.
    var trees = CorpusGenerator.Generate(10_000).Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.Latest), f.Path)).ToArray();
    for (int i = 0; i < 10; i++)
    {
        var c = CSharpCompilation.Create("P", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false));
        c.GetDiagnostics();
        var (ms, _, _, _) = Run(c, ImmutableArray<AdditionalText>.Empty, new DiagnosticAnalyzer[] { new CSharpPortAnalyzer() });
        Console.WriteLine($"PortAnalyzers: {ms:N1} ms");
    }

    return;
}

// Warm-up: JIT, the knowledge tables, the reference metadata.
Measure(CorpusGenerator.Generate(2_000), CorpusGenerator.ConfigurationFiles(2_000), references, peers, repetitions: 1, print: false, lines: 2_000);

var rows = new List<Row>();
foreach (var size in sizes)
{
    int repetitions = size <= 10_000 ? 7 : size <= 100_000 ? 3 : 1;
    rows.Add(Measure(CorpusGenerator.Generate(size), CorpusGenerator.ConfigurationFiles(size), references, peers, repetitions, print: true, lines: size));
}

Console.WriteLine();
Console.WriteLine("Telemetry (time inside each analyzer's callbacks, as the driver measures it):");
Console.WriteLine();
Console.WriteLine("| lines | files | compile (a) | PortAnalyzers (b) | floor (c) | peer (d) | b/a | b/c | b/d | b per 1k lines | extra bytes per 10k lines | diagnostics |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var r in rows)
{
    Console.WriteLine($"| {r.Lines:N0} | {r.Files:N0} | {r.Compile:N0} ms | {r.Ours:N1} ms | {r.Floor:N1} ms | {r.Peer:N1} ms | {r.Ours / r.Compile:P1} | {r.Ours / Math.Max(r.Floor, 0.1):N0} | {r.Ours / r.Peer:N2} | {r.Ours / (r.Lines / 1000.0):N2} ms | {r.ExtraBytes / (r.Lines / 10_000.0) / 1024:N0} KiB | {r.Diagnostics:N0} |");
}

Console.WriteLine();
Console.WriteLine("Wall clock (whole analysis run, binding included; the difference to the floor run is what the analyzer adds):");
Console.WriteLine();
Console.WriteLine("| lines | floor run | PortAnalyzers run | peer run | PortAnalyzers − floor | peer − floor | (PortAnalyzers − floor) / compile |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
foreach (var r in rows)
{
    Console.WriteLine($"| {r.Lines:N0} | {r.FloorWall:N0} ms | {r.OursWall:N0} ms | {r.PeerWall:N0} ms | {r.OursOverFloorWall:N0} ms | {r.PeerOverFloorWall:N0} ms | {r.OursOverFloorWall / r.Compile:P1} |");
}

Console.WriteLine();
Console.WriteLine("CPU time (process, all threads; less sensitive to other load than wall time):");
Console.WriteLine();
Console.WriteLine("| lines | compile | floor run | PortAnalyzers run | PortAnalyzers − floor | (PortAnalyzers − floor) / compile |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
foreach (var r in rows)
{
    Console.WriteLine($"| {r.Lines:N0} | {r.CompileCpu:N0} ms | {r.FloorCpu:N0} ms | {r.OursCpu:N0} ms | {r.OursCpu - r.FloorCpu:N0} ms | {(r.OursCpu - r.FloorCpu) / r.CompileCpu:P1} |");
}

if (rows.Count >= 2)
{
    var first = rows[0];
    var last = rows[^1];
    double growth = (last.Ours / first.Ours) / ((double)last.Lines / first.Lines);
    Console.WriteLine();
    Console.WriteLine($"growth from {first.Lines:N0} to {last.Lines:N0} lines: time x{last.Ours / first.Ours:N1} for x{(double)last.Lines / first.Lines:N0} lines (1.00 = linear; measured {growth:N2})");
}

static Row Measure(List<(string Path, string Text)> sources, List<(string Path, string Text)> configurationFiles, ImmutableArray<MetadataReference> references, List<DiagnosticAnalyzer> peers, int repetitions, bool print, int lines, bool allowErrors = false)
{
    var trees = sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text), new CSharpParseOptions(LanguageVersion.Latest), s.Path)).ToImmutableArray();
    var additional = configurationFiles.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)).ToImmutableArray();
    // One thread end to end: with parallel binding on 2 cores, a callback's stopwatch also counts the time its thread
    // was descheduled, which charges busy analyzers for the compiler's work.
    var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false)
        .WithSpecificDiagnosticOptions(peers.SelectMany(p => p.SupportedDiagnostics).Select(d => d.Id).Distinct().ToDictionary(id => id, _ => ReportDiagnostic.Warn)
            .Concat(Flags.Suppressed.Select(id => KeyValuePair.Create(id, ReportDiagnostic.Suppress))));
    CSharpCompilation Fresh() => CSharpCompilation.Create("Corpus", trees, references, options);

    var compile = new List<double>();
    var ours = new List<double>();
    var floor = new List<double>();
    var peer = new List<double>();
    var extraBytes = new List<double>();
    var oursWalls = new List<double>();
    var compileCpu = new List<double>();
    var oursCpu = new List<double>();
    var floorCpu = new List<double>();
    var floorWalls = new List<double>();
    var peerWalls = new List<double>();
    int diagnostics = 0;
    for (int i = 0; i < repetitions; i++)
    {
        var sw = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var compilerDiagnostics = Fresh().GetDiagnostics();
        compile.Add(sw.Elapsed.TotalMilliseconds);
        compileCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
        if (!allowErrors && compilerDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("corpus does not compile: " + compilerDiagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
        }

        var (oursTime, oursBytes, oursDiagnostics, oursWall) = Run(Fresh(), additional, new DiagnosticAnalyzer[] { new CSharpPortAnalyzer(), new ConfigurationFilePortAnalyzer() });
        oursCpu.Add(Cpu.Last);
        var (floorTime, floorBytes, _, floorWall) = Run(Fresh(), additional, new DiagnosticAnalyzer[] { new FloorAnalyzer() });
        floorCpu.Add(Cpu.Last);
        var (peerTime, _, _, peerWall) = Run(Fresh(), additional, peers.ToArray());
        oursWalls.Add(oursWall);
        floorWalls.Add(floorWall);
        peerWalls.Add(peerWall);
        ours.Add(oursTime);
        floor.Add(floorTime);
        peer.Add(peerTime);
        extraBytes.Add(oursBytes - floorBytes);
        diagnostics = oursDiagnostics;
    }

    var row = new Row(lines, sources.Count, Median(compile), Median(ours), Median(floor), Median(peer), Median(extraBytes), diagnostics, Median(oursWalls), Median(floorWalls), Median(peerWalls))
    {
        CompileCpu = Median(compileCpu),
        OursCpu = Median(oursCpu),
        FloorCpu = Median(floorCpu),
    };
    if (print)
    {
        Console.WriteLine($"{lines,9:N0} lines: compile {row.Compile,9:N0} ms | telemetry: PortAnalyzers {row.Ours,8:N1} ms, floor {row.Floor,7:N1} ms, peer {row.Peer,8:N1} ms | wall: PortAnalyzers {row.OursWall:N0} ms, floor {row.FloorWall:N0} ms, peer {row.PeerWall:N0} ms | extra {row.ExtraBytes / 1024:N0} KiB | {row.Diagnostics:N0} diagnostics | medians of {repetitions}");
        Console.WriteLine($"{"",9} cpu (process, all threads): compile {row.CompileCpu:N0} ms | PortAnalyzers run {row.OursCpu:N0} ms, floor run {row.FloorCpu:N0} ms, PortAnalyzers − floor {row.OursCpu - row.FloorCpu:N0} ms = {(row.OursCpu - row.FloorCpu) / row.CompileCpu:P1} of compile");
    }

    return row;
}

// Execution time as the driver's telemetry reports it (time spent inside the analyzers' callbacks), and bytes
// allocated by the whole run. Analysis runs on one thread: with concurrent analysis on 2 cores the telemetry's
// stopwatches also count the time a callback's thread was descheduled, which inflates busy analyzers unevenly.
static (double Milliseconds, double Bytes, int Diagnostics, double WallMilliseconds) Run(Compilation compilation, ImmutableArray<AdditionalText> additional, DiagnosticAnalyzer[] analyzers)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    long before = GC.GetTotalAllocatedBytes(precise: true);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    var withAnalyzers = compilation.WithAnalyzers(
        analyzers.ToImmutableArray(),
        new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
    var result = withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
    wall.Stop();
    Cpu.Last = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
    long after = GC.GetTotalAllocatedBytes(precise: true);
    double time = result.AnalyzerTelemetryInfo.Values.Sum(t => t.ExecutionTime.TotalMilliseconds);
    int count = result.GetAllDiagnostics().Count(d => d.Id.StartsWith("PORT", StringComparison.Ordinal));
    if (result.GetAllDiagnostics().Any(d => d.Id == "AD0001"))
    {
        throw new InvalidOperationException("analyzer exception: " + result.GetAllDiagnostics().First(d => d.Id == "AD0001"));
    }

    return (time, after - before, count, wall.Elapsed.TotalMilliseconds);
}

static double Median(List<double> values)
{
    var sorted = values.OrderBy(v => v).ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static ImmutableArray<MetadataReference> TrustedPlatformReferences()
{
    var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
    return paths.Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToImmutableArray();
}

// NetAnalyzers rules of a similar kind: CA2234 (string URLs passed where a Uri overload exists) and CA1305
// (IFormatProvider): both resolve well-known types at compilation start and inspect invocations and arguments.
static List<DiagnosticAnalyzer> LoadPeers()
{
    var root = typeof(Row).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "NetAnalyzersPath").Value!;
    var folder = Path.Combine(root, "analyzers", "dotnet", "cs");
    var shared = Assembly.LoadFrom(Path.Combine(folder, "Microsoft.CodeAnalysis.NetAnalyzers.dll"));
    Assembly.LoadFrom(Path.Combine(folder, "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll"));
    var names = new[] { "Microsoft.NetCore.Analyzers.Runtime.PassSystemUriObjectsInsteadOfStringsAnalyzer", "Microsoft.NetCore.Analyzers.Runtime.SpecifyIFormatProviderAnalyzer" };
    var peers = new List<DiagnosticAnalyzer>();
    foreach (var name in names)
    {
        var type = shared.GetType(name);
        if (type is not null)
        {
            peers.Add((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
        }
    }

    if (peers.Count == 0)
    {
        throw new InvalidOperationException("no peer analyzer found in " + folder);
    }

    return peers;
}

// --peer-sonar: the peer is SonarAnalyzer.CSharp's S1075 (hardcoded URIs), the rule of the real-build comparison, from
// the NuGet cache (restore it once, e.g. with eng/realbuild.sh; PEER_VERSION as there).
static List<DiagnosticAnalyzer> LoadSonarPeer()
{
    var version = Environment.GetEnvironmentVariable("PEER_VERSION") ?? "9.32.0.97167";
    var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    var folder = Path.Combine(cache, "sonaranalyzer.csharp", version, "analyzers");
    foreach (var dll in Directory.GetFiles(folder, "*.dll"))
    {
        Assembly.LoadFrom(dll);
    }

    var type = Assembly.LoadFrom(Path.Combine(folder, "SonarAnalyzer.CSharp.dll")).GetType("SonarAnalyzer.Rules.CSharp.UriShouldNotBeHardcoded", throwOnError: true)!;
    return new List<DiagnosticAnalyzer> { (DiagnosticAnalyzer)Activator.CreateInstance(type)! };
}

// --suppress PORT003,PORT001: measure the cost of the diagnostics themselves (the rules still run; the driver drops them).
static int[]? ParseSizes(string[] args)
{
    int i = Array.IndexOf(args, "--sizes");
    return i >= 0 && i + 1 < args.Length ? args[i + 1].Split(',').Select(int.Parse).ToArray() : null;
}

// CPU time of the last Run (all threads of the process): on a shared machine it moves far less than wall time.
internal static class Cpu
{
    public static double Last;
}

internal static class Flags
{
    public static string[] Suppressed = Array.Empty<string>();
}

internal sealed record Row(int Lines, int Files, double Compile, double Ours, double Floor, double Peer, double ExtraBytes, int Diagnostics, double OursWall, double FloorWall, double PeerWall)
{
    /// <summary>Wall time of a full analysis run with PortAnalyzers minus the same run with the floor analyzer.</summary>
    public double OursOverFloorWall => Math.Max(0, OursWall - FloorWall);

    public double CompileCpu { get; init; }

    public double OursCpu { get; init; }

    public double FloorCpu { get; init; }

    public double PeerOverFloorWall => Math.Max(0, PeerWall - FloorWall);
}

/// <summary>Registers exactly the actions PortAnalyzers registers, and does nothing in them.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class FloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("FLOOR001", "never", "never", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterOperationAction(_ => { }, OperationKind.Argument);
            start.RegisterOperationAction(_ => { }, OperationKind.SimpleAssignment);
            start.RegisterOperationAction(_ => { }, OperationKind.FieldInitializer, OperationKind.PropertyInitializer, OperationKind.VariableDeclarator, OperationKind.ParameterInitializer);
            start.RegisterAdditionalFileAction(_ => { });
            start.RegisterCompilationEndAction(_ => { });
        });
    }
}

internal sealed class InMemoryText : AdditionalText
{
    private readonly SourceText text;

    public InMemoryText(string path, string text)
    {
        Path = path;
        this.text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => text;
}
