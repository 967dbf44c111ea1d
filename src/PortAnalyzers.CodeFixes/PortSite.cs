using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PortAnalyzers.Rules;

namespace PortAnalyzers.CodeFixes;

/// <summary>
/// Where a diagnostic's port is written, as the fixes need it: a numeric expression, or digits inside a string
/// literal; plus the declaration when the value was declared elsewhere.
/// </summary>
internal sealed class PortSite
{
    private PortSite(ExpressionSyntax expression, TextSpan? digits, long port, bool hardcoded, bool listen, string? safePort, TextSpan? declaration, Location? declarationLocation)
    {
        Expression = expression;
        Digits = digits;
        Port = port;
        IsHardcoded = hardcoded;
        IsListener = listen;
        SafePort = safePort;
        Declaration = declaration;
        DeclarationLocation = declarationLocation;
    }

    /// <summary>The expression that reaches the sink, or the string (literal or interpolated) that holds the port.</summary>
    public ExpressionSyntax Expression { get; }

    /// <summary>The port's digits inside <see cref="Expression"/> when it is a string.</summary>
    public TextSpan? Digits { get; }

    public long Port { get; }

    public bool IsHardcoded { get; }

    public bool IsListener { get; }

    public string? SafePort { get; }

    /// <summary>The declaration of the value (a const's literal, or the digits in a const string) when elsewhere in this document.</summary>
    public TextSpan? Declaration { get; }

    /// <summary>The declaration of the value when written elsewhere, in this document or another one.</summary>
    public Location? DeclarationLocation { get; }

    public bool IsInString => Digits is not null;

    /// <summary>A regular, verbatim or raw string literal, which the configuration and environment fixes can interpolate.</summary>
    public bool CanInterpolate => Digits is null
        || Expression is LiteralExpressionSyntax { Token: var token } && Interpolation.CanInterpolate(token)
        || Expression is InterpolatedStringExpressionSyntax { ContainsDiagnostics: false };

    public static PortSite? Find(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Location.IsInSource || !PortFixData.TryRead(diagnostic.Properties, out var data))
        {
            return null;
        }

        var span = diagnostic.Location.SourceSpan;
        if (span.End > root.FullSpan.End)
        {
            return null;
        }

        TextSpan? declaration = null;
        Location? declarationLocation = null;
        foreach (var additional in diagnostic.AdditionalLocations)
        {
            if (additional.IsInSource)
            {
                declarationLocation = additional;
                declaration = additional.SourceTree == diagnostic.Location.SourceTree ? additional.SourceSpan : null;
            }
        }

        var token = root.FindToken(span.Start);
        ExpressionSyntax? expression;
        TextSpan? digits = null;
        if (token.IsKind(SyntaxKind.InterpolatedStringTextToken) && token.Span.Contains(span))
        {
            // $"http://{host}:8080": the digits in the text part of an interpolated string.
            if (!Interpolation.IsStringText(token) || token.Parent?.Parent is not InterpolatedStringExpressionSyntax { } interpolated || interpolated.ContainsDiagnostics)
            {
                return null;
            }

            expression = interpolated;
            digits = span;
        }
        else if ((token.IsKind(SyntaxKind.StringLiteralToken) || Interpolation.IsRawLiteral(token)) && token.Span != span && token.Span.Contains(span))
        {
            // An unterminated or malformed literal (code being typed) is left alone: rewriting it could lose text.
            if (token.ContainsDiagnostics || token.Text.Length < 2 || token.Text[token.Text.Length - 1] != '"')
            {
                return null;
            }

            expression = token.Parent as LiteralExpressionSyntax;
            digits = span;
        }
        else
        {
            var node = root.FindNode(span, getInnermostNodeForTie: true);
            expression = node switch
            {
                ArgumentSyntax argument => argument.Expression,
                ExpressionSyntax e => e,
                _ => null,
            };
        }

        return expression is null || expression.Span != (digits is null ? span : expression.Span)
            ? null
            : new PortSite(expression, digits, data.Port, data.IsHardcoded, data.IsListener, data.SafePort?.ToString(System.Globalization.CultureInfo.InvariantCulture), declaration, declarationLocation);
    }
}
