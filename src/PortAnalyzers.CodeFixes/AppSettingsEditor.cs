using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis.Text;
using PortAnalyzers.Configuration;

namespace PortAnalyzers.CodeFixes;

/// <summary>
/// Adds "Ports": { "Key": 60251 } to an appsettings.json by inserting text only, so the file's comments,
/// order and formatting stay as the user wrote them. A file that does not parse is left alone.
/// </summary>
internal static class AppSettingsEditor
{
    public static bool TryAddPort(SourceText text, string key, long port, out SourceText updated)
    {
        updated = text;
        var json = text.ToString();
        var parsed = JsonReader.Parse(json);
        if (parsed.Root is null)
        {
            return false;
        }

        var newline = json.Contains("\r\n") ? "\r\n" : "\n";
        var unit = IndentUnit(json, parsed.Root);
        var value = port.ToString(CultureInfo.InvariantCulture);
        var ports = Find(parsed.Root, ConfigurationKeys.Section);

        TextChange change;
        if (ports is { Kind: JsonKind.Object })
        {
            if (Find(ports, key) is not null)
            {
                return false; // already there: nothing to add
            }

            var indent = IndentOf(json, ports.Start) + unit;
            if (ports.Properties!.Count == 0)
            {
                change = new TextChange(new TextSpan(ports.Start + 1, 0), newline + indent + Quote(key) + ": " + value + newline + IndentOf(json, ports.Start));
            }
            else
            {
                var last = ports.Properties[ports.Properties.Count - 1].Value;
                int end = last.Start + last.Length;
                bool trailingComma = NextNonTrivia(json, end) == ',';
                change = trailingComma
                    ? new TextChange(new TextSpan(json.IndexOf(',', end) + 1, 0), newline + indent + Quote(key) + ": " + value + ",")
                    : new TextChange(new TextSpan(end, 0), "," + newline + indent + Quote(key) + ": " + value);
            }
        }
        else if (ports is null)
        {
            var root = parsed.Root;
            var section = Quote(ConfigurationKeys.Section) + ": {" + newline + unit + unit + Quote(key) + ": " + value + newline + unit + "}";
            change = root.Properties!.Count == 0
                ? new TextChange(new TextSpan(root.Start + 1, 0), newline + unit + section + newline)
                : new TextChange(new TextSpan(root.Start + 1, 0), newline + unit + section + ",");
        }
        else
        {
            return false; // "Ports" is not an object: the user's own shape, not ours to change
        }

        updated = text.WithChanges(change);
        return true;
    }

    public static void AddKeys(SourceText text, ISet<string> keys)
    {
        var parsed = JsonReader.Parse(text.ToString());
        if (parsed.Root is not null && Find(parsed.Root, ConfigurationKeys.Section) is { Kind: JsonKind.Object } ports)
        {
            foreach (var property in ports.Properties!)
            {
                keys.Add(property.Key);
            }
        }
    }

    private static JsonNode? Find(JsonNode node, string key)
    {
        foreach (var property in node.Properties!)
        {
            if (string.Equals(property.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string IndentUnit(string json, JsonNode root)
    {
        if (root.Properties!.Count > 0)
        {
            // The indentation of the first property's line is one unit.
            int keyStart = json.LastIndexOf('"', root.Properties[0].Value.Start - 1);
            keyStart = keyStart > 0 ? json.LastIndexOf('"', keyStart - 1) : keyStart;
            var indent = IndentOf(json, Math.Max(keyStart, 0));
            if (indent.Length > 0)
            {
                return indent;
            }
        }

        return "  ";
    }

    private static string IndentOf(string json, int position)
    {
        int lineStart = position;
        while (lineStart > 0 && json[lineStart - 1] != '\n')
        {
            lineStart--;
        }

        int end = lineStart;
        while (end < json.Length && (json[end] == ' ' || json[end] == '\t'))
        {
            end++;
        }

        return json.Substring(lineStart, end - lineStart);
    }

    private static char NextNonTrivia(string json, int position)
    {
        while (position < json.Length && char.IsWhiteSpace(json[position]))
        {
            position++;
        }

        return position < json.Length ? json[position] : '\0';
    }

    private static string Quote(string key) => "\"" + key + "\"";
}
