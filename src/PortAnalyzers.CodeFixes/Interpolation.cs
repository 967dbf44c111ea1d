using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace PortAnalyzers.CodeFixes;

/// <summary>
/// Turns the port's digits inside a string literal into an interpolation hole: "http://+:8080/" becomes
/// $"http://+:{read}/". Regular and verbatim literals escape their braces; raw literals take as many $ as the
/// longest run of braces in them needs, so their text stays exactly as written.
/// </summary>
internal static class Interpolation
{
    public static bool CanInterpolate(SyntaxToken token)
    {
        if (token.IsKind(SyntaxKind.InterpolatedStringTextToken))
        {
            return IsStringText(token);
        }

        if (token.ContainsDiagnostics || !token.IsKind(SyntaxKind.StringLiteralToken) && !IsRaw(token))
        {
            return false;
        }

        var text = token.Text;
        return text.StartsWith("\"", StringComparison.Ordinal) && text.EndsWith("\"", StringComparison.Ordinal) && text.Length >= 2
            || text.StartsWith("@\"", StringComparison.Ordinal) && text.EndsWith("\"", StringComparison.Ordinal) && text.Length >= 3;
    }

    /// <summary>The digits of a port in the text of a string (a literal, or the text part of an interpolated string).</summary>
    public static bool IsStringText(SyntaxToken token)
        => !token.ContainsDiagnostics
            && (token.IsKind(SyntaxKind.StringLiteralToken) || IsRaw(token)
                || token.IsKind(SyntaxKind.InterpolatedStringTextToken) && token.Parent?.Parent is InterpolatedStringExpressionSyntax);

    /// <summary>The expression whose text holds the digits: the literal, or the interpolated string around its text part.</summary>
    public static ExpressionSyntax? StringOf(SyntaxToken token)
        => token.IsKind(SyntaxKind.InterpolatedStringTextToken) ? token.Parent?.Parent as InterpolatedStringExpressionSyntax : token.Parent as LiteralExpressionSyntax;

    /// <summary>The string with <paramref name="digits"/> replaced by other digits (port 0, a safe port), escapes kept.</summary>
    public static ExpressionSyntax? ReplaceDigits(ExpressionSyntax text, TextSpan digits, string number)
    {
        var written = text.ToString();
        int offset = digits.Start - text.SpanStart;
        if (offset < 0 || offset + digits.Length > written.Length)
        {
            return null;
        }

        var parsed = SyntaxFactory.ParseExpression(written.Substring(0, offset) + number + written.Substring(offset + digits.Length));
        return parsed.ContainsDiagnostics || parsed.RawKind != text.RawKind ? null : parsed.WithTriviaFrom(text);
    }

    public static ExpressionSyntax? Interpolate(ExpressionSyntax text, TextSpan digits, string read)
        => text switch
        {
            LiteralExpressionSyntax literal => Interpolate(literal, digits, read),
            InterpolatedStringExpressionSyntax interpolated => Interpolate(interpolated, digits, read),
            _ => null,
        };

    // $"http://{host}:8080" -> $"http://{host}:{read}": a new hole, with as many braces as the string has dollars.
    private static ExpressionSyntax? Interpolate(InterpolatedStringExpressionSyntax interpolated, TextSpan digits, string read)
    {
        var written = interpolated.ToString();
        int offset = digits.Start - interpolated.SpanStart;
        if (offset < 0 || offset + digits.Length > written.Length)
        {
            return null;
        }

        int dollars = interpolated.StringStartToken.Text.Count(c => c == '$');
        var result = written.Substring(0, offset) + new string('{', dollars) + read + new string('}', dollars) + written.Substring(offset + digits.Length);
        var expression = SyntaxFactory.ParseExpression(result);
        return expression.ContainsDiagnostics ? null : expression.WithTriviaFrom(interpolated);
    }

    private static ExpressionSyntax? Interpolate(LiteralExpressionSyntax literal, TextSpan digits, string read)
    {
        var token = literal.Token;
        var text = token.Text;
        int offset = digits.Start - token.SpanStart;
        if (offset < 0 || offset + digits.Length > text.Length)
        {
            return null;
        }

        string result;
        if (IsRaw(token))
        {
            int quotes = 0;
            while (quotes < text.Length && text[quotes] == '"')
            {
                quotes++;
            }

            int dollars = LongestBraceRun(text) + 1;
            var open = new string('{', dollars);
            var close = new string('}', dollars);
            result = new string('$', dollars) + text.Substring(0, offset) + open + read + close + text.Substring(offset + digits.Length);
        }
        else
        {
            bool verbatim = text.StartsWith("@", StringComparison.Ordinal);
            int open = verbatim ? 2 : 1;
            if (offset < open || offset + digits.Length > text.Length - 1)
            {
                return null;
            }

            var before = EscapeBraces(text.Substring(open, offset - open));
            var after = EscapeBraces(text.Substring(offset + digits.Length, text.Length - offset - digits.Length - 1));
            result = (verbatim ? "$@\"" : "$\"") + before + "{" + read + "}" + after + "\"";
        }

        var expression = SyntaxFactory.ParseExpression(result);
        return expression.ContainsDiagnostics ? null : expression.WithTriviaFrom(literal);
    }

    private static bool IsRaw(SyntaxToken token)
        => token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken);

    public static bool IsRawLiteral(SyntaxToken token) => IsRaw(token) && !token.ContainsDiagnostics;

    private static int LongestBraceRun(string text)
    {
        int longest = 0, run = 0;
        char previous = '\0';
        foreach (char c in text)
        {
            run = c is '{' or '}' ? (c == previous ? run + 1 : 1) : 0;
            previous = c;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private static string EscapeBraces(string text) => text.Replace("{", "{{").Replace("}", "}}");
}
