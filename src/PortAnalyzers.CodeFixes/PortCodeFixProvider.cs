using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace PortAnalyzers.CodeFixes;

/// <summary>
/// Light-bulb fixes for ports in C#: read from configuration (or an environment variable when no
/// IConfiguration is in reach), use port 0 for a listener, use a safe port for PORT001/PORT002.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PortCodeFixProvider)), Shared]
public sealed class PortCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.EphemeralPort, DiagnosticIds.KnownUsePort, DiagnosticIds.HardcodedPort, DiagnosticIds.PrivilegedPort);

    public override FixAllProvider GetFixAllProvider() => PortFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var site = PortSite.Find(root, diagnostic);
            if (site is null)
            {
                continue;
            }

            bool hasConfiguration = ConfigurationAccess.Find(model, site.Expression) is not null;
            foreach (var kind in PortFixer.Applicable(site, diagnostic.Id, model, hasConfiguration))
            {
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        PortFixKinds.Title(kind, site.SafePort),
                        cancellationToken => PortFixer.ApplyAsync(document, diagnostic, kind, cancellationToken),
                        PortFixKinds.EquivalenceKey(kind)),
                    diagnostic);
            }
        }
    }
}
