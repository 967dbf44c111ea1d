using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PortAnalyzers.Analyzers;
using PortAnalyzers.CodeFixes;

namespace PortAnalyzers.Tests.Infrastructure;

/// <summary>
/// Applies the code fixes to a project the way the IDE and `dotnet format` do (a code action per diagnostic; Fix All
/// through the provider's FixAllProvider with a FixAllContext) and reports what a reviewer would check: the compiler's
/// diagnostics after the fix against before, the analyzer's diagnostics, and the text.
/// </summary>
internal sealed class FixHarness : IDisposable
{
    public static readonly string[] FixableIds = new PortCodeFixProvider().FixableDiagnosticIds.ToArray();

    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> References = new(
        () => TestReferences.AspNetCore80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));

    private readonly AdhocWorkspace workspace;
    private readonly PortCodeFixProvider provider = new();

    private FixHarness(AdhocWorkspace workspace, Solution solution)
    {
        this.workspace = workspace;
        Solution = solution;
    }

    public Solution Solution { get; }

    public ProjectId ProjectId => Solution.ProjectIds[0];

    public static async Task<FixHarness> CreateAsync(IReadOnlyList<(string Name, string Source)> sources, string? appSettings)
    {
        var references = await References.Value;
        var workspace = new AdhocWorkspace();
        bool topLevel = sources.Any(s => CSharpSyntaxTree.ParseText(s.Source).GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any());
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Shop", "Shop", LanguageNames.CSharp,
            filePath: "/src/Shop/Shop.csproj",
            compilationOptions: new CSharpCompilationOptions(topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
            metadataReferences: references));
        foreach (var (name, source) in sources)
        {
            project = project.AddDocument(name, SourceText.From(source), filePath: "/src/Shop/" + name).Project;
        }

        if (appSettings is not null)
        {
            project = project.AddAdditionalDocument("appsettings.json", SourceText.From(appSettings), filePath: "/src/Shop/appsettings.json").Project;
        }

        return new FixHarness(workspace, project.Solution);
    }

    public void Dispose() => workspace.Dispose();

    /// <summary>Compiler diagnostics (warnings and errors) as id: message, for comparing before and after a fix.</summary>
    public static async Task<List<string>> CompilerDiagnosticsAsync(Solution solution)
    {
        var compilation = await solution.Projects.Single().GetCompilationAsync();
        return compilation!.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.Severity.ToString().ToLowerInvariant() + " " + d.Id + ": " + d.GetMessage())
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The analyzer's diagnostics on the solution's project; analyzer exceptions fail the test.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Solution solution)
    {
        var project = solution.Projects.Single();
        var compilation = await project.GetCompilationAsync();
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(project.AnalyzerOptions, (e, _, _) => exceptions.Add(e), concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation!.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new CSharpPortAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.Where(d => d.Location.IsInSource).OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    /// <summary>The code actions the provider offers for one diagnostic.</summary>
    public async Task<List<CodeAction>> ActionsAsync(Solution solution, Diagnostic diagnostic)
    {
        var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }

    public static async Task<Solution> ApplyAsync(CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    /// <summary>Fix All with an equivalence key (null as `dotnet format` may pass) in a scope, from the given document.</summary>
    public async Task<Solution?> FixAllAsync(Solution solution, string? equivalenceKey, FixAllScope scope, DocumentId? documentId, string[] ids)
    {
        var diagnostics = await AnalyzeAsync(solution);
        var project = solution.GetProject(ProjectId)!;
        var document = documentId is null ? project.Documents.First() : solution.GetDocument(documentId)!;
        var context = new FixAllContext(document, provider, scope, equivalenceKey!, ids, new Provider(solution, diagnostics), CancellationToken.None);
        var action = await provider.GetFixAllProvider().GetFixAsync(context);
        return action is null ? null : await ApplyAsync(action);
    }

    public static async Task<Dictionary<string, string>> TextsAsync(Solution solution)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in solution.Projects.Single().Documents)
        {
            texts[document.Name] = (await document.GetTextAsync()).ToString();
        }

        foreach (var document in solution.Projects.Single().AdditionalDocuments)
        {
            texts[document.Name] = (await document.GetTextAsync()).ToString();
        }

        return texts;
    }

    public static async Task<string> DiffAsync(Solution before, Solution after)
    {
        var a = await TextsAsync(before);
        var b = await TextsAsync(after);
        var lines = new List<string>();
        foreach (var name in a.Keys.Union(b.Keys).OrderBy(n => n, StringComparer.Ordinal))
        {
            a.TryGetValue(name, out var x);
            b.TryGetValue(name, out var y);
            if (x != y)
            {
                lines.Add("--- " + name);
                var xs = (x ?? string.Empty).Split('\n');
                var ys = (y ?? string.Empty).Split('\n');
                lines.AddRange(xs.Except(ys).Select(l => "- " + l));
                lines.AddRange(ys.Except(xs).Select(l => "+ " + l));
            }
        }

        return string.Join("\n", lines);
    }

    private sealed class Provider : FixAllContext.DiagnosticProvider
    {
        private readonly Solution solution;
        private readonly ImmutableArray<Diagnostic> diagnostics;

        public Provider(Solution solution, ImmutableArray<Diagnostic> diagnostics)
        {
            this.solution = solution;
            this.diagnostics = diagnostics;
        }

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await solution.GetDocument(document.Id)!.GetSyntaxTreeAsync(cancellationToken);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
