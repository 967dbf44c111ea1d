using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace PortAnalyzers.CodeFixes;

/// <summary>
/// Applies one fix to one port. The configurable fix rewrites the value where it is written (the declaration when
/// there is one, else the sink) into one short read: configuration.GetValue("Ports:Orders", 8088) where an
/// IConfiguration is in reach (and adds the key to appsettings.json), PortSettings.FromEnvironment("Ports__Orders", 8088)
/// elsewhere (adding the helper once). Each application re-reads the current solution, so fixes compose.
/// </summary>
internal static class PortFixer
{
    public const string ConfigurationNamespace = "Microsoft.Extensions.Configuration";

    /// <summary>The fixes that apply to a site (in the order the light bulb shows them), and whether configuration is in reach.</summary>
    public static async Task<(List<PortFixKind> Kinds, bool HasConfiguration, FixTarget? Target)> ApplicableAsync(Document document, PortSite site, string diagnosticId, CancellationToken cancellationToken)
    {
        var kinds = new List<PortFixKind>(3);
        var target = await FixTarget.ResolveAsync(document, site, cancellationToken).ConfigureAwait(false);
        bool hasConfiguration = false;
        if (target is not null)
        {
            var model = await target.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            hasConfiguration = model is not null && ConfigurationAccess.Find(model, target.Value) is not null;
            kinds.Add(PortFixKind.MakeConfigurable);
        }

        // Port 0 changes behaviour. Under PORT003 it is offered only beside the configurable fix, so that the first
        // fix of a PORT003 is always the behaviour-preserving one (dotnet format applies the first fix it is offered).
        if (site.IsListener && diagnosticId != DiagnosticIds.OutOfRangePort && (diagnosticId != DiagnosticIds.HardcodedPort || target is not null)
            && !await DeclaredNarrowAsync(document, site, cancellationToken).ConfigureAwait(false))
        {
            kinds.Add(PortFixKind.UsePortZero);
        }

        if (site.SafePort is not null && diagnosticId is DiagnosticIds.EphemeralPort or DiagnosticIds.KnownUsePort
            && !await DeclarationComputedAsync(document, site, cancellationToken).ConfigureAwait(false))
        {
            kinds.Add(PortFixKind.UseSafePort);
        }

        return (kinds, hasConfiguration, target);
    }

    // const ushort Port = 0 makes new UdpClient(Port) ambiguous with UdpClient(AddressFamily): a constant 0 of any
    // integral type converts to an enum. Port 0 is not offered for a number declared with a type narrower than int,
    // nor for one computed from other constants.
    private static async Task<bool> DeclaredNarrowAsync(Document document, PortSite site, CancellationToken cancellationToken)
    {
        if (site.DeclarationLocation is not { SourceTree: { } tree } declaration || document.Project.Solution.GetDocument(tree) is not { } declaring)
        {
            return false;
        }

        var root = await declaring.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var token = root?.FindToken(declaration.SourceSpan.Start);
        if (token is not { } found || root!.FindNode(declaration.SourceSpan, getInnermostNodeForTie: true) is not { } node)
        {
            return true;
        }

        if (await DeclarationComputedAsync(document, site, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        var type = found.Parent?.FirstAncestorOrSelf<VariableDeclarationSyntax>()?.Type as PredefinedTypeSyntax;
        return type?.Keyword.Kind() is SyntaxKind.UShortKeyword or SyntaxKind.ShortKeyword or SyntaxKind.ByteKeyword or SyntaxKind.SByteKeyword or SyntaxKind.UIntKeyword or SyntaxKind.ULongKeyword;
    }

    // A number computed from other constants (BasePort + 1) has no literal of its own to replace.
    private static async Task<bool> DeclarationComputedAsync(Document document, PortSite site, CancellationToken cancellationToken)
    {
        if (site.DeclarationLocation is not { SourceTree: { } tree } declaration || document.Project.Solution.GetDocument(tree) is not { } declaring)
        {
            return false;
        }

        var root = await declaring.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || declaration.SourceSpan.End > root.FullSpan.End)
        {
            return true;
        }

        var token = root.FindToken(declaration.SourceSpan.Start);
        return !Interpolation.IsStringText(token)
            && !IsWrappedLiteral(root.FindNode(declaration.SourceSpan, getInnermostNodeForTie: true));
    }

    /// <summary>A number literal, possibly parenthesized, cast or negated.</summary>
    internal static bool IsWrappedLiteral(SyntaxNode node)
    {
        while (node is ParenthesizedExpressionSyntax or CastExpressionSyntax or PrefixUnaryExpressionSyntax)
        {
            node = node switch
            {
                ParenthesizedExpressionSyntax p => p.Expression,
                CastExpressionSyntax c => c.Expression,
                PrefixUnaryExpressionSyntax u => u.Operand,
                _ => node,
            };
        }

        return node.IsKind(SyntaxKind.NumericLiteralExpression);
    }

    public static async Task<Solution> ApplyAsync(Document document, Diagnostic diagnostic, PortFixKind kind, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var site = root is null ? null : PortSite.Find(root, diagnostic);
        if (root is null || site is null)
        {
            return document.Project.Solution;
        }

        switch (kind)
        {
            case PortFixKind.UsePortZero:
                return await ReplaceNumberAsync(document, root, site, "0", cancellationToken).ConfigureAwait(false);
            case PortFixKind.UseSafePort when site.SafePort is not null:
                return await ReplaceNumberAsync(document, root, site, site.SafePort, cancellationToken).ConfigureAwait(false);
            case PortFixKind.MakeConfigurable:
                var target = await FixTarget.ResolveAsync(document, site, cancellationToken).ConfigureAwait(false);
                if (target is null)
                {
                    return document.Project.Solution;
                }

                var taken = await KeysInUseAsync(target.Document.Project, cancellationToken).ConfigureAwait(false);
                var key = await ChooseKeyAsync(target, taken, cancellationToken).ConfigureAwait(false);
                return await MakeConfigurableAsync(target.Document, target.Value, target.Digits, target.Port, key, cancellationToken).ConfigureAwait(false);
            default:
                return document.Project.Solution;
        }
    }

    public static async Task<string> ChooseKeyAsync(FixTarget target, ISet<string> taken, CancellationToken cancellationToken)
    {
        var targetModel = await target.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var sinkModel = await target.SinkDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return ConfigurationKeys.Choose(targetModel!, target, sinkModel!, taken);
    }

    /// <summary>Rewrites <paramref name="value"/> (a number, or <paramref name="digits"/> in a string literal) in <paramref name="document"/> into a read.</summary>
    public static async Task<Solution> MakeConfigurableAsync(Document document, ExpressionSyntax value, TextSpan? digits, long port, string key, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return document.Project.Solution;
        }

        var configuration = ConfigurationAccess.Find(model, value);
        string? helperNamespace = null;
        string read;
        var type = TargetType(model, value, digits);
        if (configuration is not null)
        {
            var fallback = digits is null ? value.WithoutTrivia().ToString() : port.ToString(CultureInfo.InvariantCulture);
            var typeArgument = digits is null && value is not CastExpressionSyntax && NeedsNarrowing(type) ? "<" + Keyword(type!) + ">" : string.Empty;
            read = $"{configuration}.GetValue{typeArgument}(\"{ConfigurationKeys.Section}:{key}\", {fallback})";
        }
        else
        {
            // The helper first: the site's semantic model must see it to name it.
            var solution = await EnvironmentHelper.EnsureAsync(document, cancellationToken).ConfigureAwait(false);
            var span = value.Span;
            document = solution.GetDocument(document.Id)!;
            var newRoot = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            value = Refind(newRoot!, span, value);
            var helper = model is null ? null : EnvironmentHelper.Find(model.Compilation);
            if (helper is null)
            {
                return document.Project.Solution;
            }

            var helperName = HelperReference(model!, value, helper, out helperNamespace);
            var fallback = digits is null && value is LiteralExpressionSyntax { Token.Value: int } ? value.WithoutTrivia().ToString() : port.ToString(CultureInfo.InvariantCulture);
            read = $"{helperName}.{EnvironmentHelper.Method}(\"{ConfigurationKeys.Section}__{key}\", {fallback})";
            if (NeedsNarrowing(type))
            {
                read = "(" + Keyword(type!) + ")" + read;
                if (value.Parent is not (ArgumentSyntax or EqualsValueClauseSyntax or ArrowExpressionClauseSyntax or ReturnStatementSyntax or AssignmentExpressionSyntax or InterpolationSyntax))
                {
                    read = "(" + read + ")";
                }
            }
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var marker = new SyntaxAnnotation();
        ExpressionSyntax? replacement = digits is { } d
            ? Interpolation.Interpolate(value, d, read)
            : SyntaxFactory.ParseExpression(read).WithTriviaFrom(value);
        if (root is null || replacement is null)
        {
            return document.Project.Solution;
        }

        root = root.ReplaceNode(value, replacement.WithAdditionalAnnotations(marker));
        root = RemoveConst(root, root.GetAnnotatedNodes(marker).First());
        root = configuration is not null
            ? AddUsing(root, model!, ConfigurationNamespace)
            : helperNamespace is null ? root : AddUsing(root, model!, helperNamespace);
        var result = document.WithSyntaxRoot(root).Project.Solution;

        if (configuration is not null && port is >= 0 and <= 65535 && FindAppSettings(document.Project) is { } appSettings)
        {
            var text = await appSettings.GetTextAsync(cancellationToken).ConfigureAwait(false);
            if (AppSettingsEditor.TryAddPort(text, key, port, out var updated))
            {
                result = result.WithAdditionalDocumentText(appSettings.Id, updated);
            }
        }

        return result;
    }

    internal static ExpressionSyntax Refind(SyntaxNode root, TextSpan span, ExpressionSyntax old)
    {
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current.Span == span && current.RawKind == old.RawKind && current is ExpressionSyntax expression)
            {
                return expression;
            }
        }

        return old;
    }

    // The name to write for the helper at the site, and the namespace to import for it (null when none is needed).
    private static string HelperReference(SemanticModel model, SyntaxNode site, INamedTypeSymbol helper, out string? import)
    {
        import = null;
        var visible = model.LookupNamespacesAndTypes(site.SpanStart, name: helper.Name);
        if (visible.Any(s => SymbolEqualityComparer.Default.Equals(s, helper)))
        {
            return helper.Name;
        }

        var ns = helper.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : null;
        if (visible.Length == 0 && ns is not null)
        {
            import = ns;
            return helper.Name;
        }

        return "global::" + (ns is null ? string.Empty : ns + ".") + helper.Name;
    }

    // The type the value must have where it is written: the declared type of its holder, or what the sink converts it to.
    private static ITypeSymbol? TargetType(SemanticModel model, ExpressionSyntax value, TextSpan? digits)
    {
        if (digits is not null)
        {
            return null;
        }

        if (value.Parent is EqualsValueClauseSyntax { Parent: var holder })
        {
            var declared = holder switch
            {
                VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } when !declaration.Type.IsVar => declaration.Type,
                PropertyDeclarationSyntax property => property.Type,
                _ => null,
            };
            if (declared is not null)
            {
                return model.GetTypeInfo(declared).Type;
            }
        }

        var info = model.GetTypeInfo(value);
        return info.ConvertedType ?? info.Type;
    }

    // int.FromEnvironment returns int: types that do not take an int implicitly need a cast (the value is range-checked).
    private static bool NeedsNarrowing(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type?.SpecialType is SpecialType.System_UInt16 or SpecialType.System_Int16 or SpecialType.System_UInt32 or SpecialType.System_UInt64
            or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Char;
    }

    private static string Keyword(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
    }

    // const int Port = ... becomes static readonly int Port = ...; a const local becomes a plain local.
    private static SyntaxNode RemoveConst(SyntaxNode root, SyntaxNode replaced)
    {
        if (replaced.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: var declaration } } })
        {
            return root;
        }

        switch (declaration)
        {
            case FieldDeclarationSyntax field when field.Modifiers.IndexOf(SyntaxKind.ConstKeyword) is var index and >= 0:
            {
                var constKeyword = field.Modifiers[index];
                var modifiers = field.Modifiers.RemoveAt(index).InsertRange(index, new[]
                {
                    SyntaxFactory.Token(constKeyword.LeadingTrivia, SyntaxKind.StaticKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                    SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.ReadOnlyKeyword, constKeyword.TrailingTrivia),
                });
                return root.ReplaceNode(field, field.WithModifiers(modifiers));
            }

            case LocalDeclarationStatementSyntax local when local.Modifiers.IndexOf(SyntaxKind.ConstKeyword) is var index and >= 0:
            {
                var constKeyword = local.Modifiers[index];
                var modifiers = local.Modifiers.RemoveAt(index);
                var updated = local.WithModifiers(modifiers);
                updated = index == 0
                    ? modifiers.Count > 0
                        ? updated.WithModifiers(modifiers.Replace(modifiers[0], modifiers[0].WithLeadingTrivia(constKeyword.LeadingTrivia)))
                        : updated.WithDeclaration(updated.Declaration.WithType(updated.Declaration.Type.WithLeadingTrivia(constKeyword.LeadingTrivia)))
                    : updated;
                return root.ReplaceNode(local, updated);
            }

            default:
                return root;
        }
    }

    // Port 0 and a safe port replace the number where it is written: at its declaration when it has one (every sink
    // that uses it moves with it, and nothing is left unused), else at the sink.
    private static async Task<Solution> ReplaceNumberAsync(Document document, SyntaxNode root, PortSite site, string number, CancellationToken cancellationToken)
    {
        if (site.DeclarationLocation is { SourceTree: { } tree } declaration && tree != root.SyntaxTree
            && document.Project.Solution.GetDocument(tree) is { } declaring
            && await declaring.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is { } declaringRoot)
        {
            var updated = ReplaceDeclaration(declaringRoot, declaration.SourceSpan, number);
            return updated is null ? document.Project.Solution : declaring.WithSyntaxRoot(updated).Project.Solution;
        }

        return document.WithSyntaxRoot(ReplaceNumber(root, site, number)).Project.Solution;
    }

    private static SyntaxNode? ReplaceDeclaration(SyntaxNode root, TextSpan declaration, string number)
    {
        var token = root.FindToken(declaration.Start);
        if (token.IsKind(SyntaxKind.NumericLiteralToken) && token.Span == declaration)
        {
            return root.ReplaceToken(token, SyntaxFactory.Literal(int.Parse(number, CultureInfo.InvariantCulture)).WithTriviaFrom(token));
        }

        if (token.Span.Contains(declaration) && token.Span != declaration && Interpolation.IsStringText(token)
            && Interpolation.StringOf(token) is { } text && Interpolation.ReplaceDigits(text, declaration, number) is { } replaced)
        {
            return root.ReplaceNode(text, replaced);
        }

        // (ushort)60251, (60251): the literal inside; nothing when the number is computed (BasePort + 1).
        var node = root.FindNode(declaration, getInnermostNodeForTie: true);
        var literal = IsWrappedLiteral(node) ? node.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().FirstOrDefault(l => l.IsKind(SyntaxKind.NumericLiteralExpression)) : null;
        return literal is null ? null : root.ReplaceNode(literal, SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(int.Parse(number, CultureInfo.InvariantCulture))).WithTriviaFrom(literal));
    }

    private static SyntaxNode ReplaceNumber(SyntaxNode root, PortSite site, string number)
    {
        // Declared elsewhere in this document: the declaration changes, so every use moves together.
        if (site.Declaration is { } declaration && ReplaceDeclaration(root, declaration, number) is { } atDeclaration)
        {
            return atDeclaration;
        }

        if (site.Digits is { } digits)
        {
            return Interpolation.ReplaceDigits(site.Expression, digits, number) is { } replaced ? root.ReplaceNode(site.Expression, replaced) : root;
        }

        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(int.Parse(number, CultureInfo.InvariantCulture)))
            .WithTriviaFrom(site.Expression);
        return root.ReplaceNode(site.Expression, Cast(site.Expression, literal));
    }

    // A literal replacing (ushort)60251 keeps the cast; a plain literal replaces a plain literal.
    private static ExpressionSyntax Cast(ExpressionSyntax original, ExpressionSyntax replacement)
        => original is CastExpressionSyntax cast
            ? cast.WithExpression(replacement.WithoutTrivia())
            : replacement;

    private static SyntaxNode AddUsing(SyntaxNode root, SemanticModel model, string ns)
    {
        if (root is not CompilationUnitSyntax unit)
        {
            return root;
        }

        bool present = unit.Usings.Any(u => u.Alias is null && u.Name?.ToString() == ns)
            || unit.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Usings.Any(u => u.Alias is null && u.Name?.ToString() == ns)
                || n.Name.ToString() == ns || n.Name.ToString().StartsWith(ns + ".", StringComparison.Ordinal))
            || model.Compilation.SyntaxTrees.Any(t => t.GetRoot() is CompilationUnitSyntax c && c.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && u.Name?.ToString() == ns));
        if (present)
        {
            return root;
        }

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns));
        if (unit.Usings.Count > 0)
        {
            var eol = unit.Usings[0].GetTrailingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            directive = directive.WithTrailingTrivia(eol.IsKind(SyntaxKind.EndOfLineTrivia) ? eol : SyntaxFactory.LineFeed);

            // Keep System-first alphabetical order when the file has it; otherwise append.
            var usings = unit.Usings;
            int at = usings.Count;
            bool sorted = usings.Select(u => u.Name?.ToString() ?? string.Empty).SequenceEqual(usings.Select(u => u.Name?.ToString() ?? string.Empty).OrderBy(n => n, UsingComparer.Instance));
            if (sorted && usings.All(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.GlobalKeyword.IsKind(SyntaxKind.None)))
            {
                at = 0;
                while (at < usings.Count && UsingComparer.Instance.Compare(usings[at].Name?.ToString() ?? string.Empty, ns) < 0)
                {
                    at++;
                }
            }

            if (at == 0)
            {
                // Take over the first using's leading trivia (a file header comment stays on top).
                var first = usings[0];
                directive = directive.WithLeadingTrivia(first.GetLeadingTrivia());
                usings = usings.Replace(first, first.WithLeadingTrivia(SyntaxFactory.TriviaList()));
            }

            return unit.WithUsings(usings.Insert(at, directive));
        }

        // No usings yet: before the first member, after its leading comments.
        var eolTrivia = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var newline = eolTrivia.IsKind(SyntaxKind.EndOfLineTrivia) ? eolTrivia : SyntaxFactory.LineFeed;
        var firstToken = unit.GetFirstToken();
        directive = directive.WithLeadingTrivia(firstToken.LeadingTrivia).WithTrailingTrivia(newline, newline);
        var withoutLeading = unit.ReplaceToken(firstToken, firstToken.WithLeadingTrivia(SyntaxFactory.TriviaList()));
        return withoutLeading.WithUsings(withoutLeading.Usings.Add(directive));
    }

    private sealed class UsingComparer : IComparer<string>
    {
        public static readonly UsingComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            bool xs = x == "System" || x?.StartsWith("System.", StringComparison.Ordinal) == true;
            bool ys = y == "System" || y?.StartsWith("System.", StringComparison.Ordinal) == true;
            return xs != ys ? (xs ? -1 : 1) : string.CompareOrdinal(x, y);
        }
    }

    private static TextDocument? FindAppSettings(Project project)
        => project.AdditionalDocuments.FirstOrDefault(d => string.Equals(Path.GetFileName(d.FilePath ?? d.Name), "appsettings.json", StringComparison.OrdinalIgnoreCase));

    /// <summary>Keys already used in the project's code (Ports:X, Ports__X) and appsettings.json.</summary>
    internal static async Task<HashSet<string>> KeysInUseAsync(Project project, CancellationToken cancellationToken)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var document in project.Documents)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is not null)
            {
                ConfigurationKeys.AddKeysInUse(root, taken);
            }
        }

        var appSettings = FindAppSettings(project);
        if (appSettings is not null)
        {
            AppSettingsEditor.AddKeys(await appSettings.GetTextAsync(cancellationToken).ConfigureAwait(false), taken);
        }

        return taken;
    }
}
