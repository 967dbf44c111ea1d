using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Text;

namespace PortAnalyzers.CodeFixes;

/// <summary>
/// Where the configurable fix (configuration or environment) writes: at the declaration that holds the port when
/// the value comes from one (a const or readonly field, a property or field initializer, a local with a constant
/// initializer), so every sink that uses it is fixed with it; otherwise at the sink. Null when the value cannot
/// become a read without breaking the build (a use needs a constant) or changing behaviour (a static initializer
/// that reads the field before it is initialized).
/// </summary>
internal sealed class FixTarget
{
    private FixTarget(Document document, ExpressionSyntax value, TextSpan? digits, long port, ISymbol? holder, SyntaxToken constKeyword, ExpressionSyntax sink, Document sinkDocument)
    {
        Document = document;
        Value = value;
        Digits = digits;
        Port = port;
        Holder = holder;
        ConstKeyword = constKeyword;
        Sink = sink;
        SinkDocument = sinkDocument;
    }

    /// <summary>The document the value is written in.</summary>
    public Document Document { get; }

    /// <summary>The expression to replace: a number, or the string literal whose <see cref="Digits"/> are the port.</summary>
    public ExpressionSyntax Value { get; }

    public TextSpan? Digits { get; }

    public long Port { get; }

    /// <summary>The field, property or local that holds the value, when fixing a declaration.</summary>
    public ISymbol? Holder { get; }

    /// <summary>The const keyword of the holder's declaration, to become static readonly (field) or go (local).</summary>
    public SyntaxToken ConstKeyword { get; }

    /// <summary>The expression that reaches the sink (names the key when there is no holder).</summary>
    public ExpressionSyntax Sink { get; }

    public Document SinkDocument { get; }

    public bool IsDeclaration => Holder is not null;

    /// <summary>Identifies the written value across diagnostics: several sinks of one const are one target.</summary>
    public (DocumentId, TextSpan) Identity => (Document.Id, Value.Span);

    public static async Task<FixTarget?> ResolveAsync(Document document, PortSite site, CancellationToken cancellationToken)
    {
        if (!site.IsHardcoded)
        {
            return null;
        }

        Document? declaringDocument;
        ExpressionSyntax? value;
        TextSpan? digits = null;
        SemanticModel? model;
        if (site.DeclarationLocation is not { SourceTree: { } tree } declaration)
        {
            // Written at the site. The site may itself be the initializer of a holder named for a port (a field
            // used by no sink of its own type part): then it is that declaration.
            if (!site.CanInterpolate)
            {
                return null;
            }

            declaringDocument = document;
            value = site.Expression;
            digits = site.Digits;
            if (value.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax or PropertyDeclarationSyntax })
            {
                return ConstantContext.Requires(value) || await IsFormatStringAsync(document, value, cancellationToken).ConfigureAwait(false)
                    ? null
                    : new FixTarget(document, value, digits, site.Port, null, default, site.Expression, document);
            }

            model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            declaringDocument = document.Project.Solution.GetDocument(tree);
            var root = declaringDocument is null ? null : await declaringDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            model = declaringDocument is null ? null : await declaringDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (declaringDocument is null || root is null || model is null || declaration.SourceSpan.End > root.FullSpan.End)
            {
                return null;
            }

            // A number's declaration is its initializer; a string's is the port's digits inside the literal.
            var token = root.FindToken(declaration.SourceSpan.Start);
            if (Interpolation.IsStringText(token) && token.Span != declaration.SourceSpan && token.Span.Contains(declaration.SourceSpan))
            {
                value = Interpolation.StringOf(token);
                digits = declaration.SourceSpan;
                if (value is null || !Interpolation.CanInterpolate(token))
                {
                    return null;
                }
            }
            else
            {
                value = root.FindNode(declaration.SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax;
                while (value?.Parent is ParenthesizedExpressionSyntax parenthesized)
                {
                    value = parenthesized;
                }

                if (value is null || !Literal(value))
                {
                    return null;
                }
            }
        }

        if (model is null)
        {
            return null;
        }

        // The holder: field, local or property whose initializer this is.
        var clause = value.Parent as EqualsValueClauseSyntax;
        SyntaxNode? holderSyntax = clause?.Parent switch
        {
            VariableDeclaratorSyntax declarator => declarator,
            PropertyDeclarationSyntax property => property,
            _ => null,
        };
        var holder = holderSyntax is null ? null : model.GetDeclaredSymbol(holderSyntax, cancellationToken);
        if (holder is not (IFieldSymbol or ILocalSymbol or IPropertySymbol))
        {
            return null;
        }

        var constKeyword = default(SyntaxToken);
        if (holder is IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true })
        {
            var modifiers = holderSyntax!.Parent?.Parent switch
            {
                FieldDeclarationSyntax field => field.Modifiers,
                LocalDeclarationStatementSyntax local => local.Modifiers,
                _ => default,
            };
            constKeyword = modifiers.FirstOrDefault(m => m.IsKind(SyntaxKind.ConstKeyword));
            if (!constKeyword.IsKind(SyntaxKind.ConstKeyword)
                || holderSyntax.Parent is VariableDeclarationSyntax { Variables.Count: > 1 } // const int A = 1, B = 2: both would change
                || await NeedsConstantAsync(declaringDocument!, holder, holderSyntax, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }

        return new FixTarget(declaringDocument!, value, digits, site.Port, holder, constKeyword, site.Expression, document);
    }

    // string.Format("http://{0}:8080", host): interpolating the format would turn its {0} into text. Left alone.
    private static async Task<bool> IsFormatStringAsync(Document document, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        if (value is not LiteralExpressionSyntax { Token.ValueText: var text } || text.IndexOf('{') < 0 || value.Parent is not ArgumentSyntax argument)
        {
            return false;
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model?.GetOperation(argument, cancellationToken) is Microsoft.CodeAnalysis.Operations.IArgumentOperation { Parameter.Name: "format" or "composite" or "compositeFormat" }
            || argument.NameColon?.Name.Identifier.ValueText == "format";
    }

    private static bool Literal(ExpressionSyntax value) => PortFixer.IsWrappedLiteral(value);

    /// <summary>
    /// A const stays const when a use needs a constant (case labels, patterns, attribute arguments, optional
    /// parameter defaults, other consts), when a static initializer of its type reads it before it would be
    /// initialized as a static readonly field (it would read 0), or when a local function uses a const local
    /// (it may run before the declaration).
    /// </summary>
    private static async Task<bool> NeedsConstantAsync(Document document, ISymbol holder, SyntaxNode declarator, CancellationToken cancellationToken)
    {
        if (holder is ILocalSymbol)
        {
            var body = declarator.FirstAncestorOrSelf<SyntaxNode>(n => n is BlockSyntax or CompilationUnitSyntax or SwitchSectionSyntax) ?? declarator.SyntaxTree.GetRoot(cancellationToken);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            foreach (var identifier in body.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText == holder.Name
                    && SymbolEqualityComparer.Default.Equals(model?.GetSymbolInfo(identifier, cancellationToken).Symbol, holder)
                    && (ConstantContext.Requires(identifier) || identifier.Ancestors().Any(a => a is LocalFunctionStatementSyntax)))
                {
                    return true;
                }
            }

            return false;
        }

        var references = await SymbolFinder.FindReferencesAsync(holder, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        foreach (var reference in references)
        {
            foreach (var location in reference.Locations)
            {
                var root = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var node = root?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node is null)
                {
                    continue;
                }

                if (ConstantContext.Requires(node) || ReadBeforeInitialized(node, holder, declarator))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // static readonly TcpListener Listener = new(IPAddress.Any, Port); const int Port = 5000; -- as static readonly,
    // Port would still be 0 when Listener is initialized (textual order; partial parts in another file: unknown order).
    private static bool ReadBeforeInitialized(SyntaxNode use, ISymbol holder, SyntaxNode declarator)
    {
        var initializer = use.FirstAncestorOrSelf<EqualsValueClauseSyntax>(c => c.Parent is VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } or PropertyDeclarationSyntax);
        if (initializer is null || use.Ancestors().TakeWhile(a => a != initializer).Any(a => a is AnonymousFunctionExpressionSyntax))
        {
            return false;
        }

        var member = (MemberDeclarationSyntax?)initializer.FirstAncestorOrSelf<FieldDeclarationSyntax>() ?? initializer.FirstAncestorOrSelf<PropertyDeclarationSyntax>();
        bool isStatic = member is not null && (member.Modifiers.Any(SyntaxKind.StaticKeyword) || member.Modifiers.Any(SyntaxKind.ConstKeyword));
        var type = member?.Parent as TypeDeclarationSyntax;
        if (!isStatic || type is null)
        {
            return false;
        }

        var holderType = declarator.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (holderType is null || type.Identifier.ValueText != holderType.Identifier.ValueText || type.Arity != holderType.Arity)
        {
            return false; // another type's initializer runs this type's static initializers first
        }

        return use.SyntaxTree != declarator.SyntaxTree || use.SpanStart < declarator.SpanStart;
    }
}

/// <summary>Positions where C# requires a compile-time constant.</summary>
internal static class ConstantContext
{
    public static bool Requires(SyntaxNode node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            switch (current.Parent)
            {
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.IsExpression } isExpression when isExpression.Right == current:
                case CaseSwitchLabelSyntax:
                case ConstantPatternSyntax:
                case RelationalPatternSyntax:
                case AttributeArgumentSyntax:
                case EnumMemberDeclarationSyntax:
                case EqualsValueClauseSyntax { Parent: ParameterSyntax or EnumMemberDeclarationSyntax }:
                    return true;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } } when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                    return true;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax local } } when local.IsConst:
                    return true;
                case StatementSyntax or MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax:
                    return false;
            }
        }

        return false;
    }
}
