using System;
using System.Collections.Generic;

namespace PortAnalyzers.Discovery;

/// <summary>
/// A port written inside a string: where its digits are, their value, and the URL scheme if any. A class: a List of a
/// struct is compiled by the JIT anew in every compiler process, and ports in strings are few.
/// </summary>
internal sealed class PortText
{
    public PortText(int start, int length, long value, string? scheme, string? host = null)
    {
        Host = host;
        Start = start;
        Length = length;
        Value = value;
        Scheme = scheme;
    }

    public int Start { get; }

    public int Length { get; }

    public long Value { get; }

    public string? Scheme { get; }

    /// <summary>The host the URL names ("*", "localhost", "[::1]"), when the port came from a URL.</summary>
    public string? Host { get; }
}

/// <summary>
/// Finds explicit ports in URLs and connection strings. Only the authority of a URL holds its port: numbers in
/// the path, query or fragment are not ports. Nothing is allocated for text that holds no port.
/// </summary>
internal static class PortTextParser
{
    /// <summary>Ports of a value of the given kind; null when there are none.</summary>
    public static List<PortText>? Parse(string text, SinkValueKind kind)
    {
        List<PortText>? results = null;
        switch (kind)
        {
            case SinkValueKind.Url:
                ParseUrl(text, 0, text.Length, ref results);
                break;
            case SinkValueKind.UrlList:
                for (int s = 0; s <= text.Length;)
                {
                    int e = text.IndexOf(';', s);
                    e = e < 0 ? text.Length : e;
                    ParseUrl(text, s, e, ref results);
                    s = e + 1;
                }

                break;
            case SinkValueKind.ConnectionString:
                ParseConnectionString(text, ref results);
                break;
            case SinkValueKind.Port:
                if (TryParseDigits(text, 0, text.Length, out var value, trim: true))
                {
                    Add(ref results, new PortText(0, text.Length, value, null));
                }

                break;
        }

        return results;
    }

    /// <summary>True when the text looks like a URL with an explicit port (cheap pre-check before <see cref="Parse"/>).</summary>
    public static bool LooksLikeUrlWithPort(string text)
    {
        int sep = text.IndexOf("://", System.StringComparison.Ordinal);
        return sep > 0 && text.IndexOf(':', sep + 3) > 0;
    }

    private static void ParseUrl(string text, int start, int end, ref List<PortText>? results)
    {
        int sep = IndexOf(text, "://", start, end);
        if (sep <= start)
        {
            return;
        }

        int schemeStart = sep - 1;
        while (schemeStart > start && IsSchemeChar(text[schemeStart - 1]))
        {
            schemeStart--;
        }

        if (schemeStart == sep || !char.IsLetter(text[schemeStart]))
        {
            return;
        }

        int authorityStart = sep + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < end && text[authorityEnd] is not ('/' or '?' or '#' or ' ' or '"' or '\''))
        {
            authorityEnd++;
        }

        int at = text.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        if (at >= authorityStart)
        {
            authorityStart = at + 1;
        }

        string? scheme = null;
        int hostStart = authorityStart;
        while (hostStart <= authorityEnd)
        {
            int hostEnd = text.IndexOf(',', hostStart, authorityEnd - hostStart);
            if (hostEnd < 0)
            {
                hostEnd = authorityEnd;
            }

            if (TryHostPort(text, hostStart, hostEnd, out int portStart, out long value))
            {
                scheme ??= text.Substring(schemeStart, sep - schemeStart).ToLowerInvariant();
                int hostFrom = SkipSpaces(text, hostStart, hostEnd);
                var host = text.Substring(hostFrom, Math.Max(0, portStart - 1 - hostFrom));
                Add(ref results, new PortText(portStart, hostEnd - portStart, value, scheme, host));
            }

            hostStart = hostEnd + 1;
        }
    }

    private static void ParseConnectionString(string text, ref List<PortText>? results)
    {
        if (text.IndexOf("://", System.StringComparison.Ordinal) > 0)
        {
            ParseUrl(text, 0, text.Length, ref results);
            return;
        }

        int s = 0;
        while (s <= text.Length)
        {
            int e = text.IndexOf(';', s);
            if (e < 0)
            {
                e = text.Length;
            }

            ParsePair(text, s, e, ref results);
            s = e + 1;
        }
    }

    private static void ParsePair(string text, int start, int end, ref List<PortText>? results)
    {
        int eq = text.IndexOf('=', start, end - start);
        int keyEnd = eq < 0 ? end : eq;
        if (eq < 0 || text.IndexOf(',', start, keyEnd - start) >= 0 || text.IndexOf(':', start, keyEnd - start) >= 0)
        {
            // StackExchange.Redis style: "host:6379,host2:6380,abortConnect=false".
            int item = start;
            while (item <= end)
            {
                int itemEnd = text.IndexOf(',', item, end - item);
                if (itemEnd < 0)
                {
                    itemEnd = end;
                }

                if (text.IndexOf('=', item, itemEnd - item) < 0 && TryHostPort(text, item, itemEnd, out int portStart, out long value))
                {
                    Add(ref results, new PortText(portStart, TrimEnd(text, portStart, itemEnd) - portStart, value, null));
                }

                item = itemEnd + 1;
            }

            return;
        }

        var key = text.Substring(start, eq - start).Trim();
        int valueStart = eq + 1;
        if (key.Equals("port", System.StringComparison.OrdinalIgnoreCase))
        {
            if (TryParseDigits(text, valueStart, end, out long port, trim: true))
            {
                int digits = SkipSpaces(text, valueStart, end);
                Add(ref results, new PortText(digits, TrimEnd(text, digits, end) - digits, port, null));
            }

            return;
        }

        if (!IsHostKey(key))
        {
            return;
        }

        // SQL Server: "tcp:host,1433" or "host\instance,1433".
        int comma = text.LastIndexOf(',', end - 1, end - valueStart);
        if (comma >= valueStart && TryParseDigits(text, comma + 1, end, out long sqlPort, trim: true))
        {
            int digits = SkipSpaces(text, comma + 1, end);
            Add(ref results, new PortText(digits, TrimEnd(text, digits, end) - digits, sqlPort, null));
            return;
        }

        int v = SkipSpaces(text, valueStart, end);
        if (string.Compare(text, v, "tcp:", 0, 4, System.StringComparison.OrdinalIgnoreCase) == 0)
        {
            v += 4;
        }

        int h = v;
        while (h <= end)
        {
            int hostEnd = text.IndexOf(',', h, end - h);
            if (hostEnd < 0)
            {
                hostEnd = end;
            }

            if (TryHostPort(text, h, hostEnd, out int portStart, out long value))
            {
                Add(ref results, new PortText(portStart, TrimEnd(text, portStart, hostEnd) - portStart, value, null));
            }

            h = hostEnd + 1;
        }
    }

    private static bool IsHostKey(string key)
    {
        switch (key.ToLowerInvariant())
        {
            case "server":
            case "data source":
            case "datasource":
            case "host":
            case "hostname":
            case "address":
            case "addr":
            case "network address":
            case "endpoint":
                return true;
            default:
                return false;
        }
    }

    // "host:port", "[::1]:port", "*:port". A bare IPv6 address without brackets has no port.
    private static bool TryHostPort(string text, int start, int end, out int portStart, out long value)
    {
        portStart = 0;
        value = 0;
        start = SkipSpaces(text, start, end);
        end = TrimEnd(text, start, end);
        if (end <= start)
        {
            return false;
        }

        int colon;
        if (text[start] == '[')
        {
            int close = text.IndexOf(']', start, end - start);
            if (close < 0 || close + 1 >= end || text[close + 1] != ':')
            {
                return false;
            }

            colon = close + 1;
        }
        else
        {
            colon = text.IndexOf(':', start, end - start);
            if (colon < 0 || text.IndexOf(':', colon + 1, end - colon - 1) >= 0)
            {
                return false;
            }
        }

        portStart = colon + 1;
        return TryParseDigits(text, portStart, end, out value, trim: false);
    }

    private static bool TryParseDigits(string text, int start, int end, out long value, bool trim)
    {
        value = 0;
        if (trim)
        {
            start = SkipSpaces(text, start, end);
            end = TrimEnd(text, start, end);
        }

        if (end <= start || end - start > 10)
        {
            return false;
        }

        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (c < '0' || c > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static int SkipSpaces(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return start;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private static bool IsSchemeChar(char c) => char.IsLetterOrDigit(c) || c is '+' or '-' or '.';

    private static int IndexOf(string text, string value, int start, int end)
        => end - start < value.Length ? -1 : text.IndexOf(value, start, end - start, System.StringComparison.Ordinal);

    private static void Add(ref List<PortText>? results, PortText port) => (results ??= new List<PortText>(1)).Add(port);
}
