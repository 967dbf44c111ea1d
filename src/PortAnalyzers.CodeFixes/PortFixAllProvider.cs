using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace PortAnalyzers.CodeFixes;

/// <summary>
/// Fix All in document, project or solution. The batch fixer merges independent text edits, but these fixes are
/// not independent: keys and variable names must stay unique and every configuration fix edits the same
/// appsettings.json. So keys are first chosen in document order (as fixing one by one would choose them), then the
/// fixes are applied one after another from the end of each document to its start (an edit never moves the sites
/// before it), each on the solution the previous one produced.
/// </summary>
internal sealed class PortFixAllProvider : FixAllProvider
{
    public static readonly PortFixAllProvider Instance = new();

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
        => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        if (fixAllContext.CodeActionEquivalenceKey is not { } key || !TryParseKind(key, out var kind))
        {
            return Task.FromResult<CodeAction?>(null);
        }

        var title = kind == PortFixKind.UseSafePort ? "Use safe ports (changes behaviour)" : PortFixKinds.Title(kind);
        return Task.FromResult<CodeAction?>(CodeAction.Create(title, ct => FixAllAsync(fixAllContext, kind, ct), key));
    }

    private static async Task<Solution> FixAllAsync(FixAllContext context, PortFixKind kind, CancellationToken cancellationToken)
    {
        var documents = await DocumentsAsync(context).ConfigureAwait(false);
        var solution = context.Solution;
        foreach (var pair in documents)
        {
            var documentId = pair.Key;

            // One fix per written port: PORT001, PORT002 and PORT003 on one span are one site.
            var sites = pair.Value
                .Where(d => d.Location.IsInSource)
                .GroupBy(d => d.Location.SourceSpan)
                .Select(g => g.First())
                .OrderBy(d => d.Location.SourceSpan.Start)
                .ToList();
            var keys = await ChooseKeysAsync(solution.GetDocument(documentId), sites, cancellationToken).ConfigureAwait(false);
            sites.Reverse();
            foreach (var diagnostic in sites)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var document = solution.GetDocument(documentId);
                var model = document is null ? null : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var site = root is null ? null : PortSite.Find(root, diagnostic);
                if (document is null || model is null || site is null)
                {
                    continue;
                }

                bool hasConfiguration = ConfigurationAccess.Find(model, site.Expression) is not null;
                var applicable = PortFixer.Applicable(site, diagnostic.Id, model, hasConfiguration).ToList();

                // "Read from configuration" falls back to the environment where no IConfiguration is in reach.
                var chosen = kind == PortFixKind.ReadFromConfiguration && applicable.Contains(PortFixKind.ReadFromEnvironment)
                    ? PortFixKind.ReadFromEnvironment
                    : kind;
                if (applicable.Contains(chosen))
                {
                    keys.TryGetValue(diagnostic, out var siteKey);
                    solution = await PortFixer.ApplyAsync(document, diagnostic, chosen, cancellationToken, siteKey).ConfigureAwait(false);
                }
            }
        }

        return solution;
    }

    private static async Task<Dictionary<Diagnostic, string>> ChooseKeysAsync(Document? document, List<Diagnostic> sitesInOrder, CancellationToken cancellationToken)
    {
        var keys = new Dictionary<Diagnostic, string>();
        var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = document is null ? null : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (document is null || root is null || model is null)
        {
            return keys;
        }

        var taken = await PortFixer.KeysInUseAsync(document, root, cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in sitesInOrder)
        {
            var site = PortSite.Find(root, diagnostic);
            if (site is not null)
            {
                var key = ConfigurationKeys.Derive(model, site.Expression, taken);
                taken.Add(key);
                keys[diagnostic] = key;
            }
        }

        return keys;
    }

    private static async Task<Dictionary<DocumentId, ImmutableArray<Diagnostic>>> DocumentsAsync(FixAllContext context)
    {
        var result = new Dictionary<DocumentId, ImmutableArray<Diagnostic>>();
        IEnumerable<Project> projects = context.Scope switch
        {
            FixAllScope.Solution => context.Solution.Projects,
            _ => new[] { context.Project },
        };

        foreach (var project in projects)
        {
            if (context.Scope == FixAllScope.Document && context.Document is not null)
            {
                result[context.Document.Id] = await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false);
                continue;
            }

            foreach (var group in (await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false)).Where(d => d.Location.IsInSource).GroupBy(d => d.Location.SourceTree))
            {
                var document = project.GetDocument(group.Key);
                if (document is not null)
                {
                    result[document.Id] = group.ToImmutableArray();
                }
            }
        }

        return result;
    }

    private static bool TryParseKind(string key, out PortFixKind kind)
    {
        kind = default;
        const string prefix = "PortAnalyzers.";
        return key.StartsWith(prefix, StringComparison.Ordinal) && Enum.TryParse(key.Substring(prefix.Length), out kind);
    }
}
