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
/// Applies one fix to one port site. Pure syntax rewriting plus, for the configuration fix, an insertion in the
/// project's appsettings.json. Each application re-reads the current document, so fixes compose and Fix All can
/// apply them one after another.
/// </summary>
internal static class PortFixer
{
    /// <summary>The fixes that apply to a site (in the order the light bulb shows them).</summary>
    public static IEnumerable<PortFixKind> Applicable(PortSite site, string diagnosticId, SemanticModel model, bool hasConfiguration)
    {
        bool declaredStringElsewhere = site.IsInString == false && site.Declaration is not null && model.GetTypeInfo(site.Expression).Type?.SpecialType == SpecialType.System_String;
        if (site.IsHardcoded && !declaredStringElsewhere && site.CanInterpolate)
        {
            yield return hasConfiguration ? PortFixKind.ReadFromConfiguration : PortFixKind.ReadFromEnvironment;
        }

        if (site.IsListener && diagnosticId != DiagnosticIds.OutOfRangePort)
        {
            yield return PortFixKind.UsePortZero;
        }

        if (site.SafePort is not null && diagnosticId is DiagnosticIds.EphemeralPort or DiagnosticIds.KnownUsePort)
        {
            yield return PortFixKind.UseSafePort;
        }
    }

    public static async Task<Solution> ApplyAsync(Document document, Diagnostic diagnostic, PortFixKind kind, CancellationToken cancellationToken, string? key = null)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var site = root is null ? null : PortSite.Find(root, diagnostic);
        if (root is null || model is null || site is null)
        {
            return document.Project.Solution;
        }

        switch (kind)
        {
            case PortFixKind.UsePortZero:
                return document.WithSyntaxRoot(ReplaceNumber(root, site, "0", atDeclaration: false)).Project.Solution;
            case PortFixKind.UseSafePort when site.SafePort is not null:
                return document.WithSyntaxRoot(ReplaceNumber(root, site, site.SafePort, atDeclaration: true)).Project.Solution;
            case PortFixKind.ReadFromEnvironment:
                return document.WithSyntaxRoot(ReadFromEnvironment(root, model, site, key ?? ConfigurationKeys.Derive(model, site.Expression, await KeysInUseAsync(document, root, cancellationToken).ConfigureAwait(false)))).Project.Solution;
            case PortFixKind.ReadFromConfiguration:
                return await ReadFromConfigurationAsync(document, root, model, site, key, cancellationToken).ConfigureAwait(false);
            default:
                return document.Project.Solution;
        }
    }

    private static SyntaxNode ReplaceNumber(SyntaxNode root, PortSite site, string number, bool atDeclaration)
    {
        // A const declared elsewhere: the safe port replaces the declaration, so every use moves together.
        if (atDeclaration && site.Declaration is { } declaration)
        {
            var token = root.FindToken(declaration.Start);
            if (token.IsKind(SyntaxKind.NumericLiteralToken) && token.Span == declaration)
            {
                return root.ReplaceToken(token, SyntaxFactory.Literal(int.Parse(number, CultureInfo.InvariantCulture)).WithTriviaFrom(token));
            }

            if (token.IsKind(SyntaxKind.StringLiteralToken) && token.Span.Contains(declaration))
            {
                return root.ReplaceToken(token, ReplaceInString(token, declaration, number));
            }
        }

        if (site.Digits is { } digits)
        {
            var token = ((LiteralExpressionSyntax)site.Expression).Token;
            return root.ReplaceToken(token, ReplaceInString(token, digits, number));
        }

        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(int.Parse(number, CultureInfo.InvariantCulture)))
            .WithTriviaFrom(site.Expression);
        return root.ReplaceNode(site.Expression, Cast(site.Expression, literal));
    }

    private static SyntaxToken ReplaceInString(SyntaxToken token, TextSpan digits, string number)
    {
        var text = token.Text;
        int offset = digits.Start - token.SpanStart;
        var newText = text.Substring(0, offset) + number + text.Substring(offset + digits.Length);

        // The port's digits map 1:1 to the value (the analyzer only points inside literals where they do), so
        // re-parsing the new text gives the new value with the literal's own escapes intact.
        var value = (SyntaxFactory.ParseExpression(newText) as LiteralExpressionSyntax)?.Token.ValueText ?? token.ValueText;
        return SyntaxFactory.Token(token.LeadingTrivia, SyntaxKind.StringLiteralToken, newText, value, token.TrailingTrivia);
    }

    // A literal replacing (ushort)60251 keeps the cast; a plain literal replaces a plain literal.
    private static ExpressionSyntax Cast(ExpressionSyntax original, ExpressionSyntax replacement)
        => original is CastExpressionSyntax cast
            ? cast.WithExpression(replacement.WithoutTrivia())
            : replacement;

    private static SyntaxNode ReadFromEnvironment(SyntaxNode root, SemanticModel model, PortSite site, string key)
    {
        var variable = UniqueLocalName(root, model, site.Expression, char.ToLowerInvariant(key[0]) + key.Substring(1) + "Port");
        var type = NumericKeyword(model, site);
        var fallback = site.IsInString ? site.Port.ToString(CultureInfo.InvariantCulture) : site.Expression.WithoutTrivia().ToString();
        var read = $"{type}.TryParse(System.Environment.GetEnvironmentVariable(\"{ConfigurationKeys.Section}__{key}\"), out var {variable}) ? {variable} : {fallback}";
        return ReplaceWithRead(root, site, read);
    }

    private static async Task<Solution> ReadFromConfigurationAsync(Document document, SyntaxNode root, SemanticModel model, PortSite site, string? key, CancellationToken cancellationToken)
    {
        var configuration = ConfigurationAccess.Find(model, site.Expression);
        if (configuration is null)
        {
            return document.Project.Solution;
        }

        key ??= ConfigurationKeys.Derive(model, site.Expression, await KeysInUseAsync(document, root, cancellationToken).ConfigureAwait(false));
        var fallback = site.IsInString ? site.Port.ToString(CultureInfo.InvariantCulture) : site.Expression.WithoutTrivia().ToString();
        var read = $"{configuration}.GetValue(\"{ConfigurationKeys.Section}:{key}\", {fallback})";
        var newRoot = AddUsing(ReplaceWithRead(root, site, read), model, "Microsoft.Extensions.Configuration");
        var solution = document.WithSyntaxRoot(newRoot).Project.Solution;

        var appSettings = FindAppSettings(document.Project);
        if (appSettings is not null && site.Port is >= 0 and <= 65535)
        {
            var text = await appSettings.GetTextAsync(cancellationToken).ConfigureAwait(false);
            if (AppSettingsEditor.TryAddPort(text, key, site.Port, out var updated))
            {
                solution = solution.WithAdditionalDocumentText(appSettings.Id, updated);
            }
        }

        return solution;
    }

    private static SyntaxNode ReplaceWithRead(SyntaxNode root, PortSite site, string read)
    {
        if (site.Digits is { } digits)
        {
            var literal = (LiteralExpressionSyntax)site.Expression;
            var token = literal.Token;
            int offset = digits.Start - token.SpanStart;
            var text = token.Text;
            bool verbatim = text.StartsWith("@", StringComparison.Ordinal);
            int open = verbatim ? 2 : 1;
            if (offset < open || offset + digits.Length > text.Length - 1 || !text.StartsWith(verbatim ? "@\"" : "\"", StringComparison.Ordinal))
            {
                return root; // not a plain or verbatim literal (raw strings keep their text): leave it as written
            }

            var before = EscapeBraces(text.Substring(open, offset - open));
            var after = EscapeBraces(text.Substring(offset + digits.Length, text.Length - offset - digits.Length - 1));
            var interpolated = (verbatim ? "$@\"" : "$\"") + before + "{(" + read + ")}" + after + "\"";
            var expression = SyntaxFactory.ParseExpression(interpolated).WithTriviaFrom(literal);
            return root.ReplaceNode(literal, expression);
        }

        var replacement = SyntaxFactory.ParseExpression(read);
        if (replacement is ConditionalExpressionSyntax && NeedsParentheses(site.Expression))
        {
            replacement = SyntaxFactory.ParenthesizedExpression(replacement);
        }

        return root.ReplaceNode(site.Expression, replacement.WithTriviaFrom(site.Expression));
    }

    private static bool NeedsParentheses(ExpressionSyntax site)
        => site.Parent is not (ArgumentSyntax or EqualsValueClauseSyntax or AssignmentExpressionSyntax or ArrowExpressionClauseSyntax or ReturnStatementSyntax);

    private static string EscapeBraces(string text) => text.Replace("{", "{{").Replace("}", "}}");

    private static string NumericKeyword(SemanticModel model, PortSite site)
    {
        if (site.IsInString)
        {
            return "int";
        }

        var type = model.GetTypeInfo(site.Expression).ConvertedType;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type?.SpecialType switch
        {
            SpecialType.System_UInt16 => "ushort",
            SpecialType.System_Int64 => "long",
            SpecialType.System_UInt32 => "uint",
            SpecialType.System_Int16 => "short",
            _ => "int",
        };
    }

    private static string UniqueLocalName(SyntaxNode root, SemanticModel model, ExpressionSyntax site, string baseName)
    {
        var member = site.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? root;
        var used = new HashSet<string>(member.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
        var name = baseName;
        for (int i = 2; used.Contains(name) || model.LookupSymbols(site.SpanStart, name: name).Length > 0 || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None; i++)
        {
            name = baseName + i.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    private static SyntaxNode AddUsing(SyntaxNode root, SemanticModel model, string ns)
    {
        if (root is not CompilationUnitSyntax unit)
        {
            return root;
        }

        bool present = unit.Usings.Any(u => u.Name?.ToString() == ns)
            || unit.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Usings.Any(u => u.Name?.ToString() == ns))
            || model.Compilation.SyntaxTrees.Any(t => t.GetRoot() is CompilationUnitSyntax c && c.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && u.Name?.ToString() == ns));
        if (present)
        {
            return root;
        }

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns)).WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed);
        if (unit.Usings.Count > 0)
        {
            var eol = unit.Usings[0].GetTrailingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            directive = directive.WithTrailingTrivia(eol.IsKind(SyntaxKind.EndOfLineTrivia) ? eol : SyntaxFactory.LineFeed);
            return unit.WithUsings(unit.Usings.Add(directive));
        }

        return unit.WithUsings(unit.Usings.Add(directive.WithTrailingTrivia(SyntaxFactory.LineFeed, SyntaxFactory.LineFeed)));
    }

    private static TextDocument? FindAppSettings(Project project)
        => project.AdditionalDocuments.FirstOrDefault(d => string.Equals(Path.GetFileName(d.FilePath ?? d.Name), "appsettings.json", StringComparison.OrdinalIgnoreCase));

    internal static async Task<HashSet<string>> KeysInUseAsync(Document document, SyntaxNode root, CancellationToken cancellationToken)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        ConfigurationKeys.AddKeysInUse(root, taken);
        var appSettings = FindAppSettings(document.Project);
        if (appSettings is not null)
        {
            AppSettingsEditor.AddKeys(await appSettings.GetTextAsync(cancellationToken).ConfigureAwait(false), taken);
        }

        return taken;
    }
}
