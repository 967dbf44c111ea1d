using System.Collections.Generic;

namespace PortAnalyzers.Configuration;

internal enum JsonKind : byte
{
    Object,
    Array,
    String,
    Number,
    Literal,
}

/// <summary>A JSON value with its position in the file. Strings keep where their characters start.</summary>
internal sealed class JsonNode
{
    private JsonNode(JsonKind kind, int start, int length, string? value, bool hasEscapes)
    {
        Kind = kind;
        Start = start;
        Length = length;
        Value = value;
        HasEscapes = hasEscapes;
    }

    public JsonKind Kind { get; }

    /// <summary>Offset of the value's first character (the opening quote of a string).</summary>
    public int Start { get; }

    public int Length { get; }

    /// <summary>Unescaped text of a string, the raw text of a number or literal; null for containers.</summary>
    public string? Value { get; }

    /// <summary>True when the string had escape sequences, so offsets inside it do not map 1:1 to the file.</summary>
    public bool HasEscapes { get; }

    public List<KeyValuePair<string, JsonNode>>? Properties { get; private set; }

    public List<JsonNode>? Items { get; private set; }

    public static JsonNode Object(int start) => new(JsonKind.Object, start, 0, null, false) { Properties = new List<KeyValuePair<string, JsonNode>>() };

    public static JsonNode Array(int start) => new(JsonKind.Array, start, 0, null, false) { Items = new List<JsonNode>() };

    public static JsonNode Scalar(JsonKind kind, int start, int length, string value, bool hasEscapes = false) => new(kind, start, length, value, hasEscapes);

    public JsonNode WithLength(int length)
    {
        var copy = new JsonNode(Kind, Start, length, Value, HasEscapes) { Properties = Properties, Items = Items };
        return copy;
    }
}
