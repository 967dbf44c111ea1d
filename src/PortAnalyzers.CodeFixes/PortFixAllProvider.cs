using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace PortAnalyzers.CodeFixes;

/// <summary>
/// Fix All in document, project or solution. The batch fixer merges independent text edits, but these fixes are not
/// independent: several sinks share one declaration, keys must stay unique, the first environment fix adds the
/// helper the others use, and every configuration fix edits the same appsettings.json. So the written values are
/// collected first (one per declaration or sink, whatever number of diagnostics point at it), keys are chosen in
/// document order as fixing one by one in that order would choose them, and the fixes are applied one after another
/// in that order on the solution the previous one produced (values are tracked by annotation, so an added using
/// directive does not move them). `dotnet format` runs Fix All in solution scope with the equivalence key of the
/// first fix it is offered, or none: no key means the behaviour-preserving fix.
/// </summary>
internal sealed class PortFixAllProvider : FixAllProvider
{
    public static readonly PortFixAllProvider Instance = new();

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
        => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var kind = PortFixKind.MakeConfigurable;
        if (fixAllContext.CodeActionEquivalenceKey is { } key && !TryParseKind(key, out kind))
        {
            return Task.FromResult<CodeAction?>(null);
        }

        return Task.FromResult<CodeAction?>(CodeAction.Create(
            PortFixKinds.FixAllTitle(kind),
            ct => kind == PortFixKind.MakeConfigurable ? MakeConfigurableAsync(fixAllContext, ct) : ReplaceNumbersAsync(fixAllContext, kind, ct),
            PortFixKinds.EquivalenceKey(kind)));
    }

    private static async Task<Solution> MakeConfigurableAsync(FixAllContext context, CancellationToken cancellationToken)
    {
        var solution = context.Solution;
        foreach (var (project, diagnostics) in await DiagnosticsAsync(context).ConfigureAwait(false))
        {
            // One target per written value, in the order of the diagnostics (document order, then position): the order
            // in which fixing one by one from the top meets them.
            var targets = new List<FixTarget>();
            var seen = new HashSet<(DocumentId, TextSpan)>();
            foreach (var diagnostic in diagnostics)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var document = solution.GetDocument(diagnostic.Location.SourceTree);
                var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var site = root is null ? null : PortSite.Find(root, diagnostic);
                var target = site is null ? null : await FixTarget.ResolveAsync(document!, site, cancellationToken).ConfigureAwait(false);
                if (target is not null && seen.Add(target.Identity))
                {
                    targets.Add(target);
                }
            }

            // A value computed from a holder fixed in this batch (AdminPort + 1) is no longer constant once the holder
            // is a read: fixing one by one would never meet it.
            var holders = new HashSet<ISymbol>(targets.Where(t => t.Holder is not null).Select(t => t.Holder!), SymbolEqualityComparer.Default);
            var kept = new List<FixTarget>(targets.Count);
            foreach (var target in targets)
            {
                var model = target.IsDeclaration || holders.Count == 0 ? null : await target.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                if (model is null || !target.Value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => model.GetSymbolInfo(i, cancellationToken).Symbol is { } s && holders.Contains(s)))
                {
                    kept.Add(target);
                }
            }

            targets = kept;

            // Keys in that order, then each value marked so it can be found again after earlier edits.
            var taken = await PortFixer.KeysInUseAsync(project, cancellationToken).ConfigureAwait(false);
            var planned = new List<(DocumentId Document, SyntaxAnnotation Marker, int? DigitsOffset, int DigitsLength, long Port, string Key)>();
            var markers = new Dictionary<DocumentId, Dictionary<SyntaxNode, SyntaxAnnotation>>();
            foreach (var target in targets)
            {
                var key = await PortFixer.ChooseKeyAsync(target, taken, cancellationToken).ConfigureAwait(false);
                taken.Add(key);
                var marker = new SyntaxAnnotation();
                if (!markers.TryGetValue(target.Document.Id, out var nodes))
                {
                    markers[target.Document.Id] = nodes = new Dictionary<SyntaxNode, SyntaxAnnotation>();
                }

                nodes[target.Value] = marker;
                int? offset = target.Digits is { } digits ? digits.Start - target.Value.SpanStart : null;
                planned.Add((target.Document.Id, marker, offset, target.Digits?.Length ?? 0, target.Port, key));
            }

            foreach (var pair in markers)
            {
                // Found again by span in the document's current root: a tree that was collected and re-parsed is a
                // different object from the one the targets were resolved on.
                var document = solution.GetDocument(pair.Key)!;
                var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var current = pair.Value.ToDictionary(p => PortFixer.Refind(root!, p.Key.Span, (ExpressionSyntax)p.Key), p => p.Value);
                solution = document.WithSyntaxRoot(root!.ReplaceNodes(current.Keys, (original, _) => original.WithAdditionalAnnotations(current[original]))).Project.Solution;
            }

            foreach (var (documentId, marker, offset, length, port, key) in planned)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var document = solution.GetDocument(documentId);
                var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (root?.GetAnnotatedNodes(marker).FirstOrDefault() is not ExpressionSyntax value)
                {
                    continue;
                }

                TextSpan? digits = offset is { } o ? new TextSpan(value.SpanStart + o, length) : null;
                solution = await PortFixer.MakeConfigurableAsync(document!, value, digits, port, key, cancellationToken).ConfigureAwait(false);
            }
        }

        return solution;
    }

    // Port 0 and safe ports replace one number each (at the declaration when there is one): each is computed on the
    // original solution as a text change, and the changes of a document are applied together.
    private static async Task<Solution> ReplaceNumbersAsync(FixAllContext context, PortFixKind kind, CancellationToken cancellationToken)
    {
        var original = context.Solution;
        var changes = new Dictionary<DocumentId, Dictionary<TextSpan, TextChange>>();
        foreach (var (_, diagnostics) in await DiagnosticsAsync(context).ConfigureAwait(false))
        {
            var done = new HashSet<(SyntaxTree?, TextSpan)>();
            foreach (var diagnostic in diagnostics)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (done.Contains(DeclarationOrSite(diagnostic)))
                {
                    continue;
                }

                var document = original.GetDocument(diagnostic.Location.SourceTree);
                var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var site = root is null ? null : PortSite.Find(root, diagnostic);
                if (document is null || site is null)
                {
                    continue;
                }

                var (kinds, _, _) = await PortFixer.ApplicableAsync(document, site, diagnostic.Id, cancellationToken).ConfigureAwait(false);
                if (!kinds.Contains(kind))
                {
                    continue;
                }

                done.Add(DeclarationOrSite(diagnostic));
                var changed = await PortFixer.ApplyAsync(document, diagnostic, kind, cancellationToken).ConfigureAwait(false);
                foreach (var projectChanges in changed.GetChanges(original).GetProjectChanges())
                {
                    foreach (var id in projectChanges.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
                    {
                        if (!changes.TryGetValue(id, out var perDocument))
                        {
                            changes[id] = perDocument = new Dictionary<TextSpan, TextChange>();
                        }

                        foreach (var change in await changed.GetDocument(id)!.GetTextChangesAsync(original.GetDocument(id)!, cancellationToken).ConfigureAwait(false))
                        {
                            perDocument[change.Span] = change;
                        }
                    }
                }
            }
        }

        var solution = original;
        foreach (var pair in changes)
        {
            var text = await original.GetDocument(pair.Key)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var ordered = new List<TextChange>();
            foreach (var change in pair.Value.Values.OrderBy(c => c.Span.Start))
            {
                if (ordered.Count == 0 || ordered[ordered.Count - 1].Span.End <= change.Span.Start)
                {
                    ordered.Add(change);
                }
            }

            solution = solution.WithDocumentText(pair.Key, text.WithChanges(ordered));
        }

        return solution;
    }

    // Several sinks of one declaration are one number to replace.
    private static (SyntaxTree? Tree, TextSpan Span) DeclarationOrSite(Diagnostic diagnostic)
        => diagnostic.AdditionalLocations.FirstOrDefault(l => l.IsInSource) is { } declaration
            ? (declaration.SourceTree, declaration.SourceSpan)
            : (diagnostic.Location.SourceTree, diagnostic.Location.SourceSpan);

    // The diagnostics to fix, per project, sorted by document and position.
    private static async Task<List<(Project Project, List<Diagnostic> Diagnostics)>> DiagnosticsAsync(FixAllContext context)
    {
        var result = new List<(Project, List<Diagnostic>)>();
        IEnumerable<Project> projects = context.Scope switch
        {
            FixAllScope.Solution => context.Solution.Projects,
            _ => new[] { context.Project },
        };

        foreach (var project in projects)
        {
            IEnumerable<Diagnostic> diagnostics = context.Scope == FixAllScope.Document && context.Document is not null
                ? await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false)
                : await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
            var order = project.DocumentIds.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
            var list = diagnostics
                .Where(d => d.Location.IsInSource && context.DiagnosticIds.Contains(d.Id))
                .OrderBy(d => project.GetDocument(d.Location.SourceTree) is { } document && order.TryGetValue(document.Id, out var i) ? i : int.MaxValue)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ToList();
            if (list.Count > 0)
            {
                result.Add((project, list));
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
