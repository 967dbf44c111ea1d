using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace PortAnalyzers.Discovery;

/// <summary>Maps a port inside a string constant to the exact characters of the literal, when they can be mapped.</summary>
internal static class SourceLocations
{
    public static Location ForText(SyntaxNode node, PortText port)
    {
        if (node is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            var token = literal.Token;
            var text = token.Text;
            int prefix = token.Kind() switch
            {
                SyntaxKind.StringLiteralToken when text.StartsWith("@", System.StringComparison.Ordinal) => 2,
                SyntaxKind.StringLiteralToken => 1,
                SyntaxKind.SingleLineRawStringLiteralToken => CountQuotes(text),
                _ => -1,
            };

            // Escapes ("\\", "\"", "\u0031") shift positions: map only when the text before the port is verbatim.
            if (prefix > 0
                && prefix + port.Start + port.Length <= text.Length
                && string.CompareOrdinal(text, prefix, token.ValueText, 0, port.Start + port.Length) == 0)
            {
                return Location.Create(node.SyntaxTree, new TextSpan(token.SpanStart + prefix + port.Start, port.Length));
            }
        }

        return node.GetLocation();
    }

    private static int CountQuotes(string text)
    {
        int n = 0;
        while (n < text.Length && text[n] == '"')
        {
            n++;
        }

        return n;
    }
}
