using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace PortAnalyzers.CodeFixes;

/// <summary>
/// PORT008: a test binds port 0 instead of a fixed port, and reads the port the OS gave back into the variable the
/// test uses. Offered only where that is safe to do mechanically: TcpListener, UdpClient and Socket.Bind, a port in a
/// local (written once) or a literal the test uses nowhere else. Kestrel, UseUrls and HttpListener have no such fix:
/// the bound address comes back through IServerAddressesFeature after start, and HttpListener cannot bind port 0.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TestFixedPortCodeFixProvider)), Shared]
public sealed class TestFixedPortCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "PortAnalyzers.BindPortZeroInTest";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TestFixedPort);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

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
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax site)
            {
                continue;
            }

            var plan = PortZeroPlan.Create(site, model, context.CancellationToken);
            if (plan is null)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    plan.ReadBack is null ? "Bind port 0 (the OS picks a free port)" : "Bind port 0 and read the bound port back",
                    cancellationToken => plan.ApplyAsync(document, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>The edits for one diagnostic: what becomes 0, and which statement reads the bound port back.</summary>
    private sealed class PortZeroPlan
    {
        private PortZeroPlan(ExpressionSyntax zeroSite, VariableDeclaratorSyntax? local, StatementSyntax? anchor, string? readBack)
        {
            ZeroSite = zeroSite;
            Local = local;
            Anchor = anchor;
            ReadBack = readBack;
        }

        /// <summary>The literal replaced by 0 (when the port is written at the bind).</summary>
        private ExpressionSyntax ZeroSite { get; }

        /// <summary>The local that holds the port (its initializer becomes 0), or null.</summary>
        private VariableDeclaratorSyntax? Local { get; }

        private StatementSyntax? Anchor { get; }

        /// <summary>"port = ((IPEndPoint)listener.LocalEndpoint).Port;", inserted after <see cref="Anchor"/>.</summary>
        public string? ReadBack { get; }

        public static PortZeroPlan? Create(ExpressionSyntax site, SemanticModel model, CancellationToken cancellationToken)
        {
            var binding = BindingOf(site, model, cancellationToken);
            if (binding is null)
            {
                return null;
            }

            var (statement, listener, endpointExpression) = binding.Value;
            var body = statement.Parent as BlockSyntax;
            if (site is LiteralExpressionSyntax literal)
            {
                // A literal the test repeats elsewhere (to connect, to build a URL) would be left pointing at the old port.
                var member = site.FirstAncestorOrSelf<MemberDeclarationSyntax>();
                bool repeated = member is not null && member.DescendantTokens()
                    .Any(t => t.IsKind(SyntaxKind.NumericLiteralToken) && t != literal.Token && Equals(t.Value, literal.Token.Value));
                return repeated ? null : new PortZeroPlan(site, null, null, null);
            }

            if (site is not IdentifierNameSyntax identifier
                || body is null
                || listener is null
                || model.GetSymbolInfo(identifier, cancellationToken).Symbol is not ILocalSymbol { Type.SpecialType: SpecialType.System_Int32 } local
                || local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: { } } declarator
                || declarator.Parent?.Parent is not LocalDeclarationStatementSyntax declaration
                || declaration.Parent != body)
            {
                return null;
            }

            var anchor = AnchorOf(statement, listener, endpointExpression, body);
            if (anchor is null)
            {
                return null;
            }

            // Every other use of the local must come after the read-back, and nothing else may write it.
            foreach (var use in body.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (use == identifier || use.Identifier.ValueText != local.Name
                    || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(use, cancellationToken).Symbol, local))
                {
                    continue;
                }

                if (use.SpanStart < anchor.Span.End || use.Parent is AssignmentExpressionSyntax { Left: var left } && left == use)
                {
                    return null;
                }
            }

            return new PortZeroPlan(site, declarator, anchor, local.Name + " = " + endpointExpression + ";");
        }

        public async Task<Document> ApplyAsync(Document document, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var zero = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0));
            if (Local is null)
            {
                editor.ReplaceNode(ZeroSite, zero.WithTriviaFrom(ZeroSite));
            }
            else
            {
                var declaration = (LocalDeclarationStatementSyntax)Local.Parent!.Parent!;
                var initializer = Local.Initializer!.Value;
                var updated = declaration.ReplaceNode(initializer, zero.WithTriviaFrom(initializer));
                if (updated.IsConst)
                {
                    // The read-back assigns it: a const cannot stay const. Its leading trivia moves to what follows.
                    var constToken = updated.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                    updated = updated.WithModifiers(updated.Modifiers.Remove(constToken)).WithLeadingTrivia(constToken.LeadingTrivia);
                }

                editor.ReplaceNode(declaration, updated);
                // Same indentation and line ending as the statement it follows.
                var indentation = Anchor!.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
                var lineEnd = Anchor.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                var readBack = SyntaxFactory.ParseStatement(ReadBack!)
                    .WithLeadingTrivia(indentation)
                    .WithTrailingTrivia(lineEnd.IsKind(SyntaxKind.EndOfLineTrivia) ? lineEnd : SyntaxFactory.ElasticCarriageReturnLineFeed)
                    .WithAdditionalAnnotations(Simplifier.Annotation);
                editor.InsertAfter(Anchor!, readBack);
            }

            return editor.GetChangedDocument();
        }

        /// <summary>
        /// The statement that binds, the listener variable (when the listener is kept in a local or the socket is named),
        /// and the expression that reads the bound port back.
        /// </summary>
        private static (StatementSyntax Statement, string? Listener, string EndPoint)? BindingOf(ExpressionSyntax site, SemanticModel model, CancellationToken cancellationToken)
        {
            if (site.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ExpressionSyntax call } })
            {
                return null;
            }

            if (model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method)
            {
                return null;
            }

            var type = method.ContainingType?.ToDisplayString();
            var statement = call.FirstAncestorOrSelf<StatementSyntax>();
            if (statement is null)
            {
                return null;
            }

            switch (type)
            {
                case "System.Net.Sockets.TcpListener":
                {
                    var name = DeclaredLocal(call);
                    return (statement, name, "((System.Net.IPEndPoint)" + name + ".LocalEndpoint).Port");
                }

                case "System.Net.Sockets.UdpClient" when method.MethodKind == MethodKind.Constructor:
                {
                    var name = DeclaredLocal(call);
                    return (statement, name, "((System.Net.IPEndPoint)" + name + ".Client.LocalEndPoint!).Port");
                }

                case "System.Net.IPEndPoint" when call.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Bind", Expression: IdentifierNameSyntax socket } } bind } }
                    && model.GetSymbolInfo(bind, cancellationToken).Symbol is IMethodSymbol { ContainingType: { Name: "Socket" } }:
                    return (statement, socket.Identifier.ValueText, "((System.Net.IPEndPoint)" + socket.Identifier.ValueText + ".LocalEndPoint!).Port");
                default:
                    return null;
            }
        }

        /// <summary>"listener" in "var listener = new TcpListener(...);", else null.</summary>
        private static string? DeclaredLocal(ExpressionSyntax creation)
            => creation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } ? declarator.Identifier.ValueText : null;

        /// <summary>The statement after which the port is bound: listener.Start() for a TcpListener, the bind itself otherwise.</summary>
        private static StatementSyntax? AnchorOf(StatementSyntax binding, string listener, string endPoint, BlockSyntax body)
        {
            if (!endPoint.Contains(".LocalEndpoint)"))
            {
                return binding; // UdpClient binds in its constructor, Socket in Bind
            }

            foreach (var statement in body.Statements)
            {
                if (statement.SpanStart > binding.SpanStart
                    && statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Start", Expression: IdentifierNameSyntax receiver } } }
                    && receiver.Identifier.ValueText == listener)
                {
                    return statement;
                }
            }

            return null;
        }
    }
}
