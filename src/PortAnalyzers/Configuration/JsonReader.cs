using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PortAnalyzers.Configuration;

/// <summary>
/// A small JSON reader that keeps positions and accepts what Microsoft.Extensions.Configuration.Json accepts:
/// // and /* */ comments, trailing commas, a byte order mark. It never throws: malformed input gives an error
/// with its offset. No System.Text.Json: an analyzer cannot count on loading it in every host (Visual Studio
/// on .NET Framework, older SDKs), and this reader needs none of its speed.
/// </summary>
internal sealed class JsonReader
{
    // System.Text.Json's default maximum depth, which configuration loading uses.
    private const int MaxDepth = 64;

    private readonly string text;
    private int position;
    private string? error;
    private int errorPosition;

    private JsonReader(string text)
    {
        this.text = text;
    }

    public readonly struct Result
    {
        public Result(JsonNode? root, string? error, int errorPosition)
        {
            Root = root;
            Error = error;
            ErrorPosition = errorPosition;
        }

        public JsonNode? Root { get; }

        public string? Error { get; }

        public int ErrorPosition { get; }
    }

    public static Result Parse(string text)
    {
        var reader = new JsonReader(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            reader.position = 1;
        }

        reader.SkipTrivia();
        if (reader.error is null && reader.position >= text.Length)
        {
            return new Result(null, "the file is empty", 0);
        }

        JsonNode? root = null;
        if (reader.error is null)
        {
            if (reader.Peek() != '{')
            {
                reader.Fail("expected '{' at the top level");
            }
            else
            {
                root = reader.ReadValue(0);
                reader.SkipTrivia();
                if (reader.error is null && reader.position < text.Length)
                {
                    reader.Fail("unexpected text after the end of the top-level object");
                }
            }
        }

        return reader.error is null ? new Result(root, null, 0) : new Result(null, reader.error, reader.errorPosition);
    }

    private char Peek() => position < text.Length ? text[position] : '\0';

    private void Fail(string message)
    {
        if (error is null)
        {
            error = message;
            errorPosition = position < text.Length ? position : text.Length;
        }
    }

    private JsonNode? ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            Fail("nesting is deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels");
            return null;
        }

        SkipTrivia();
        if (error is not null)
        {
            return null;
        }

        char c = Peek();
        switch (c)
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
                return ReadString();
            case 't':
                return ReadLiteral("true");
            case 'f':
                return ReadLiteral("false");
            case 'n':
                return ReadLiteral("null");
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                Fail(position >= text.Length ? "unexpected end of file" : "unexpected character '" + Printable(c) + "'");
                return null;
        }
    }

    private JsonNode? ReadObject(int depth)
    {
        var node = JsonNode.Object(position);
        position++; // {
        while (true)
        {
            SkipTrivia();
            if (error is not null)
            {
                return null;
            }

            char c = Peek();
            if (c == '}')
            {
                position++;
                return node.WithLength(position - node.Start);
            }

            if (c != '"')
            {
                Fail(position >= text.Length ? "unexpected end of file inside an object" : "expected a property name in double quotes");
                return null;
            }

            var key = ReadString();
            SkipTrivia();
            if (key is null || error is not null)
            {
                return null;
            }

            if (Peek() != ':')
            {
                Fail("expected ':' after a property name");
                return null;
            }

            position++;
            var value = ReadValue(depth + 1);
            if (value is null)
            {
                return null;
            }

            node.Properties!.Add(new KeyValuePair<string, JsonNode>(key.Value!, value));
            SkipTrivia();
            c = Peek();
            if (c == ',')
            {
                position++; // a trailing comma before '}' is accepted, as configuration does
            }
            else if (c != '}')
            {
                Fail(position >= text.Length ? "unexpected end of file inside an object" : "expected ',' or '}'");
                return null;
            }
        }
    }

    private JsonNode? ReadArray(int depth)
    {
        var node = JsonNode.Array(position);
        position++; // [
        while (true)
        {
            SkipTrivia();
            if (error is not null)
            {
                return null;
            }

            if (Peek() == ']')
            {
                position++;
                return node.WithLength(position - node.Start);
            }

            var value = ReadValue(depth + 1);
            if (value is null)
            {
                return null;
            }

            node.Items!.Add(value);
            SkipTrivia();
            char c = Peek();
            if (c == ',')
            {
                position++;
            }
            else if (c != ']')
            {
                Fail(position >= text.Length ? "unexpected end of file inside an array" : "expected ',' or ']'");
                return null;
            }
        }
    }

    private JsonNode? ReadString()
    {
        int start = position;
        position++; // opening quote
        int contentStart = position;
        StringBuilder? builder = null;
        while (position < text.Length)
        {
            char c = text[position];
            if (c == '"')
            {
                string value = builder is null ? text.Substring(contentStart, position - contentStart) : builder.ToString();
                position++;
                return JsonNode.Scalar(JsonKind.String, start, position - start, value, builder is not null);
            }

            if (c < ' ')
            {
                Fail("control character inside a string");
                return null;
            }

            if (c == '\\')
            {
                builder ??= new StringBuilder(text, contentStart, position - contentStart, 16);
                if (position + 1 >= text.Length)
                {
                    break;
                }

                char e = text[position + 1];
                switch (e)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (position + 5 < text.Length && int.TryParse(text.Substring(position + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                        {
                            builder.Append((char)code);
                            position += 4;
                            break;
                        }

                        Fail("invalid \\u escape");
                        return null;
                    default:
                        Fail("invalid escape sequence");
                        return null;
                }

                position += 2;
                continue;
            }

            builder?.Append(c);
            position++;
        }

        Fail("unterminated string");
        return null;
    }

    private JsonNode? ReadNumber()
    {
        int start = position;
        if (Peek() == '-')
        {
            position++;
        }

        int digits = position;
        while (position < text.Length && (char.IsDigit(text[position]) || text[position] is '.' or 'e' or 'E' or '+' or '-'))
        {
            position++;
        }

        if (position == digits)
        {
            Fail("invalid number");
            return null;
        }

        return JsonNode.Scalar(JsonKind.Number, start, position - start, text.Substring(start, position - start));
    }

    private JsonNode? ReadLiteral(string literal)
    {
        if (string.CompareOrdinal(text, position, literal, 0, literal.Length) != 0)
        {
            Fail("unexpected character '" + Printable(Peek()) + "'");
            return null;
        }

        int start = position;
        position += literal.Length;
        return JsonNode.Scalar(JsonKind.Literal, start, literal.Length, literal);
    }

    private void SkipTrivia()
    {
        while (position < text.Length)
        {
            char c = text[position];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                position++;
            }
            else if (c == '/' && position + 1 < text.Length && text[position + 1] == '/')
            {
                while (position < text.Length && text[position] != '\n')
                {
                    position++;
                }
            }
            else if (c == '/' && position + 1 < text.Length && text[position + 1] == '*')
            {
                int end = text.IndexOf("*/", position + 2, System.StringComparison.Ordinal);
                if (end < 0)
                {
                    Fail("unterminated comment");
                    position = text.Length;
                    return;
                }

                position = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private static string Printable(char c) => c < ' ' || c > '~' ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString();
}
