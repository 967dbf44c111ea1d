using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace PortAnalyzers.Discovery;

/// <summary>
/// A string built from pieces ($"http://{host}:8420/", "http://" + host + ":8420", string.Format, string.Concat):
/// its constant parts joined, with each value that is not a constant replaced by a placeholder letter. A letter
/// never completes a number, so digits that touch a hole ("{a}80", ":{port}") parse as no port at all; digits inside
/// a constant part map back to their exact characters in the source.
/// </summary>
internal sealed class StringTemplate
{
    /// <summary>What stands in for a value that is not a constant: a letter, so "{host}:8420" reads as "x:8420".</summary>
    private const char Hole = 'x';

    // Bounds that keep a pathological expression (a 10,000-part concatenation, a huge format) cheap.
    private const int MaxParts = 64;
    private const int MaxLength = 4096;

    private readonly List<Segment> segments;

    private StringTemplate(string text, List<Segment> segments, bool hasConfigurableParts)
    {
        Text = text;
        this.segments = segments;
        HasConfigurableParts = hasConfigurableParts;
    }

    /// <summary>A part is the default of a value the code overrides (a local assigned from arguments): not hardcoded.</summary>
    public bool HasConfigurableParts { get; }

    /// <summary>The constant parts with placeholders for the holes.</summary>
    public string Text { get; }

    /// <summary>True for the shapes a template is built from; callers use it to skip everything else cheaply.</summary>
    public static bool IsCandidate(IOperation operation) => operation switch
    {
        IInterpolatedStringOperation => true,
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } binary => !binary.ConstantValue.HasValue,
        IInvocationOperation invocation => IsFormatOrConcat(invocation.TargetMethod),
        _ => false,
    };

    /// <summary>
    /// Builds the template of <paramref name="operation"/> (already unwrapped), or returns null when it is not a
    /// composed string, is too large, or its constant parts cannot hold a port (no digit, or no ':' / '=' / ',').
    /// </summary>
    public static StringTemplate? TryBuild(IOperation operation)
    {
        if (!IsCandidate(operation) || !MayHoldPort(operation, 0))
        {
            return null;
        }

        var builder = new Builder();
        return builder.Add(operation, 0) && builder.Text.Length <= MaxLength
            ? new StringTemplate(builder.Text.ToString(), builder.Segments, builder.HasConfigurableParts)
            : null;
    }

    /// <summary>
    /// Where the digits of <paramref name="port"/> were written, and where their declaration is when they came from a
    /// constant declared elsewhere. False when the digits do not lie inside one constant part.
    /// </summary>
    public bool TryMap(PortText port, out Location location, out Location? declaration)
    {
        location = null!;
        declaration = null;
        foreach (var segment in segments)
        {
            if (port.Start < segment.Start || port.Start + port.Length > segment.Start + segment.Length)
            {
                continue;
            }

            if (segment.Node is null)
            {
                return false; // inside a placeholder: cannot happen for digits, kept for safety
            }

            int offset = segment.ValueOffset + (port.Start - segment.Start);
            var shifted = new PortText(offset, port.Length, port.Value, port.Scheme, port.Host);
            switch (segment.Node)
            {
                case InterpolatedStringTextSyntax text:
                    location = MapVerbatim(text, text.TextToken, shifted);
                    return true;
                case LiteralExpressionSyntax literal:
                    location = SourceLocations.ForText(literal, shifted);
                    return true;
                default:
                    // A constant declared elsewhere: report the expression that uses it, and the digits in its declaration.
                    location = segment.Node.GetLocation();
                    if (segment.Declaration is { } initializer)
                    {
                        declaration = initializer is LiteralExpressionSyntax ? SourceLocations.ForText(initializer, shifted) : initializer.GetLocation();
                    }

                    return true;
            }
        }

        return false;
    }

    private static Location MapVerbatim(SyntaxNode node, SyntaxToken token, PortText port)
    {
        // Escapes ({{, \n, "") and raw-string indentation shift positions: map exactly only when the source text up to
        // the end of the digits equals the value.
        var text = token.Text;
        var value = token.ValueText;
        if (port.Start + port.Length <= text.Length
            && port.Start + port.Length <= value.Length
            && string.CompareOrdinal(text, 0, value, 0, port.Start + port.Length) == 0)
        {
            return Location.Create(node.SyntaxTree, new TextSpan(token.SpanStart + port.Start, port.Length));
        }

        return node.GetLocation();
    }

    internal static bool IsFormatOrConcat(IMethodSymbol method)
        => method.ContainingType?.SpecialType == SpecialType.System_String && method.IsStatic && IsFormatOrConcatName(method.Name);

    /// <summary>The names of string's composing methods, for a check on syntax before anything is bound.</summary>
    internal static bool IsFormatOrConcatName(string name) => name is "Format" or "Concat";

    /// <summary>A cheap scan of the constant parts, allocating nothing: a port needs a digit and a separator before it.</summary>
    private static bool MayHoldPort(IOperation operation, int depth)
    {
        bool digit = false;
        bool separator = false;
        Scan(operation, depth, ref digit, ref separator);
        return digit && separator;
    }

    private static void Scan(IOperation operation, int depth, ref bool digit, ref bool separator)
    {
        if (depth > MaxParts || (digit && separator))
        {
            return;
        }

        operation = PortValueResolver.Unwrap(operation);
        if (operation.ConstantValue is { HasValue: true, Value: var constant })
        {
            switch (constant)
            {
                case string s:
                    foreach (char c in s)
                    {
                        digit |= c >= '0' && c <= '9';
                        separator |= c is ':' or '=' or ',';
                    }

                    break;
                case int or long or short or ushort or uint:
                    digit = true;
                    break;
            }

            return;
        }

        switch (operation)
        {
            case ILocalReferenceOperation or IFieldReferenceOperation:
                // A local or field written once with a literal stands for that literal (syntax only: nothing is bound).
                var symbol = operation is ILocalReferenceOperation local ? (ISymbol)local.Local : ((IFieldReferenceOperation)operation).Field;
                if (PortValueResolver.InitializerOf(symbol) is LiteralExpressionSyntax { Token.Value: string literal })
                {
                    foreach (char c in literal)
                    {
                        digit |= c >= '0' && c <= '9';
                        separator |= c is ':' or '=' or ',';
                    }
                }

                break;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    switch (part)
                    {
                        case IInterpolatedStringTextOperation text:
                            Scan(text.Text, depth + 1, ref digit, ref separator);
                            break;
                        case IInterpolationOperation hole:
                            Scan(hole.Expression, depth + 1, ref digit, ref separator);
                            break;
                    }
                }

                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } binary:
                Scan(binary.LeftOperand, depth + 1, ref digit, ref separator);
                Scan(binary.RightOperand, depth + 1, ref digit, ref separator);
                break;
            case IInvocationOperation invocation when IsFormatOrConcat(invocation.TargetMethod):
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Value is IArrayCreationOperation { Initializer: { } initializer } && argument.ArgumentKind == ArgumentKind.ParamArray)
                    {
                        foreach (var element in initializer.ElementValues)
                        {
                            Scan(element, depth + 1, ref digit, ref separator);
                        }
                    }
                    else
                    {
                        Scan(argument.Value, depth + 1, ref digit, ref separator);
                    }
                }

                break;
        }
    }

    /// <summary>A run of the template: a constant part (with the syntax it maps to) or a placeholder (Node null).</summary>
    private readonly struct Segment
    {
        public Segment(int start, int length, SyntaxNode? node, int valueOffset, SyntaxNode? declaration)
        {
            Start = start;
            Length = length;
            Node = node;
            ValueOffset = valueOffset;
            Declaration = declaration;
        }

        public int Start { get; }

        public int Length { get; }

        /// <summary>A string literal, an interpolated string's text part, or the expression of a constant; null for a hole.</summary>
        public SyntaxNode? Node { get; }

        /// <summary>Offset of the segment's first character inside the value of <see cref="Node"/>.</summary>
        public int ValueOffset { get; }

        /// <summary>For a constant declared elsewhere: its initializer.</summary>
        public SyntaxNode? Declaration { get; }
    }

    private sealed class Builder
    {
        private int parts;

        public StringBuilder Text { get; } = new();

        public List<Segment> Segments { get; } = new();

        public bool Add(IOperation operation, int depth)
        {
            if (++parts > MaxParts || depth > MaxParts)
            {
                return false;
            }

            operation = PortValueResolver.Unwrap(operation);
            switch (operation)
            {
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        switch (part)
                        {
                            case IInterpolatedStringTextOperation { Syntax: InterpolatedStringTextSyntax syntax } text
                                when text.Text.ConstantValue is { HasValue: true, Value: string value }:
                                Append(value, syntax, 0, null);
                                break;
                            case IInterpolationOperation hole when hole.Alignment is null && hole.FormatString is null:
                                if (!Add(hole.Expression, depth + 1))
                                {
                                    return false;
                                }

                                break;
                            default:
                                AppendHole();
                                break;
                        }
                    }

                    return true;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } binary
                    when !binary.ConstantValue.HasValue:
                    return Add(binary.LeftOperand, depth + 1) && Add(binary.RightOperand, depth + 1);
                case IInvocationOperation invocation when IsFormatOrConcat(invocation.TargetMethod):
                    return invocation.TargetMethod.Name == "Concat" ? AddConcat(invocation, depth) : AddFormat(invocation, depth);
                default:
                    AddLeaf(operation);
                    return true;
            }
        }

        /// <summary>A part whose value comes from a local or field written once, and then overridden: a default.</summary>
        public bool HasConfigurableParts { get; private set; }

        private void AddLeaf(IOperation operation)
        {
            var text = operation.ConstantValue is { HasValue: true, Value: var value } ? ConstantText(value) : null;
            if (text is null)
            {
                // prefix + "x" where prefix is a local or static readonly field written once with a literal.
                if (operation is ILocalReferenceOperation or IFieldReferenceOperation
                    && PortValueResolver.TryResolve(operation, out var resolved)
                    && resolved.Template is null
                    && (resolved.Text ?? (resolved.Declaration is null ? null : ConstantText(resolved.Number))) is { } resolvedText)
                {
                    HasConfigurableParts |= !resolved.IsHardcoded;
                    Append(resolvedText, operation.Syntax, 0, resolved.Declaration);
                    return;
                }

                AppendHole();
                return;
            }

            if (operation.Syntax is LiteralExpressionSyntax literal)
            {
                Append(text, literal, 0, null);
                return;
            }

            SyntaxNode? declaration = operation switch
            {
                IFieldReferenceOperation field => PortValueResolver.InitializerOf(field.Field),
                ILocalReferenceOperation local => PortValueResolver.InitializerOf(local.Local),
                _ => null,
            };
            Append(text, operation.Syntax, 0, declaration);
        }

        private bool AddConcat(IInvocationOperation invocation, int depth)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    foreach (var element in initializer.ElementValues)
                    {
                        if (!Add(element, depth + 1))
                        {
                            return false;
                        }
                    }
                }
                else if (!Add(argument.Value, depth + 1))
                {
                    return false;
                }
            }

            return true;
        }

        // string.Format("http://{0}:8420/", host): the format's text with each {n} replaced by argument n.
        private bool AddFormat(IInvocationOperation invocation, int depth)
        {
            IOperation? format = null;
            var values = new List<IOperation>(4);
            foreach (var argument in invocation.Arguments)
            {
                var name = argument.Parameter?.Name;
                if (name == "format")
                {
                    format = PortValueResolver.Unwrap(argument.Value);
                }
                else if (name == "args" && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    values.AddRange(initializer.ElementValues);
                }
                else if (name is not null && name.StartsWith("arg", System.StringComparison.Ordinal))
                {
                    values.Add(argument.Value);
                }
            }

            if (format is not { ConstantValue: { HasValue: true, Value: string formatText } })
            {
                return false;
            }

            // A format written in place maps to its characters; a constant declared elsewhere maps to its use.
            SyntaxNode formatNode = format.Syntax;
            SyntaxNode? formatDeclaration = format switch
            {
                IFieldReferenceOperation field => PortValueResolver.InitializerOf(field.Field),
                ILocalReferenceOperation local => PortValueResolver.InitializerOf(local.Local),
                _ => null,
            };
            int i = 0;
            while (i < formatText.Length)
            {
                int brace = formatText.IndexOfAny(Braces, i);
                if (brace < 0)
                {
                    Append(formatText.Substring(i), formatNode, i, formatDeclaration);
                    break;
                }

                if (brace > i)
                {
                    Append(formatText.Substring(i, brace - i), formatNode, i, formatDeclaration);
                }

                if (brace + 1 < formatText.Length && formatText[brace + 1] == formatText[brace])
                {
                    // "{{" or "}}": one literal brace; its position no longer matches the source, so it maps to nothing.
                    AppendHole();
                    i = brace + 2;
                    continue;
                }

                int close = formatText.IndexOf('}', brace);
                if (formatText[brace] == '}' || close < 0)
                {
                    return false; // malformed: string.Format throws at run time
                }

                var item = formatText.Substring(brace + 1, close - brace - 1);
                if (int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < values.Count)
                {
                    if (!Add(values[index], depth + 1))
                    {
                        return false;
                    }
                }
                else
                {
                    AppendHole(); // alignment or format specifier: the text is not the constant's own
                }

                i = close + 1;
            }

            return true;
        }

        private static readonly char[] Braces = { '{', '}' };

        private void Append(string value, SyntaxNode? node, int valueOffset, SyntaxNode? declaration)
        {
            if (value.Length == 0)
            {
                return;
            }

            Segments.Add(new Segment(Text.Length, value.Length, node, valueOffset, declaration));
            Text.Append(value);
        }

        private void AppendHole()
        {
            Segments.Add(new Segment(Text.Length, 1, null, 0, null));
            Text.Append(Hole);
        }

        private static string? ConstantText(object? value) => value switch
        {
            string s => s,
            int i => i.ToString(CultureInfo.InvariantCulture),
            long l => l.ToString(CultureInfo.InvariantCulture),
            short s => s.ToString(CultureInfo.InvariantCulture),
            ushort us => us.ToString(CultureInfo.InvariantCulture),
            uint ui => ui.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
    }
}
