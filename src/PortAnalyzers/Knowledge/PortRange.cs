using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PortAnalyzers.Knowledge;

/// <summary>An inclusive range of port numbers.</summary>
internal readonly struct PortRange : IEquatable<PortRange>
{
    public PortRange(int start, int end)
    {
        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }

    public bool Contains(long port) => port >= Start && port <= End;

    public bool Equals(PortRange other) => Start == other.Start && End == other.End;

    public override bool Equals(object? obj) => obj is PortRange other && Equals(other);

    public override int GetHashCode() => (Start * 65537) ^ End;

    /// <summary>"49152–65535" (en dash, as in the messages) or a single number.</summary>
    public override string ToString() => Start == End
        ? Start.ToString(CultureInfo.InvariantCulture)
        : Start.ToString(CultureInfo.InvariantCulture) + "\u2013" + End.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// A sorted, merged, immutable set of port ranges with O(log n) lookup and no allocation per lookup.
/// </summary>
internal sealed class PortRangeSet
{
    public static readonly PortRangeSet Empty = new(Array.Empty<PortRange>());

    private readonly PortRange[] ranges;

    private PortRangeSet(PortRange[] sortedMerged)
    {
        ranges = sortedMerged;
    }

    public IReadOnlyList<PortRange> Ranges => ranges;

    /// <summary>The lowest port of the set, or 65536 when empty.</summary>
    public int LowestPort => ranges.Length == 0 ? 65536 : ranges[0].Start;

    public static PortRangeSet Create(IEnumerable<PortRange> ranges)
    {
        // Arrays and an insertion sort rather than List<PortRange> and its Sort: a generic instantiation over a struct
        // is JIT-compiled in every compiler process that reaches it, and the presets reach this in every build.
        var sorted = ranges as PortRange[] ?? new List<PortRange>(ranges).ToArray();
        sorted = (PortRange[])sorted.Clone();
        for (int i = 1; i < sorted.Length; i++)
        {
            var item = sorted[i];
            int j = i - 1;
            while (j >= 0 && (sorted[j].Start > item.Start || (sorted[j].Start == item.Start && sorted[j].End > item.End)))
            {
                sorted[j + 1] = sorted[j];
                j--;
            }

            sorted[j + 1] = item;
        }

        int count = 0;
        foreach (var r in sorted)
        {
            if (count > 0 && r.Start <= sorted[count - 1].End + 1)
            {
                sorted[count - 1] = new PortRange(sorted[count - 1].Start, Math.Max(sorted[count - 1].End, r.End));
            }
            else
            {
                sorted[count++] = r;
            }
        }

        if (count < sorted.Length)
        {
            Array.Resize(ref sorted, count);
        }

        return new PortRangeSet(sorted);
    }

    public bool Contains(long port)
    {
        int lo = 0, hi = ranges.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            var r = ranges[mid];
            if (port < r.Start)
            {
                hi = mid - 1;
            }
            else if (port > r.End)
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The range containing <paramref name="port"/>, if any.</summary>
    public bool TryFind(long port, out PortRange range)
    {
        foreach (var r in ranges)
        {
            if (r.Contains(port))
            {
                range = r;
                return true;
            }
        }

        range = default;
        return false;
    }

    /// <summary>
    /// Parses "60251, 5000-5010" (commas or semicolons, spaces allowed). Returns false on any malformed
    /// element or a port outside 0–65535, so the caller can name the bad value and fall back.
    /// </summary>
    public static bool TryParse(string? text, out PortRangeSet set)
    {
        set = Empty;
        if (text is null)
        {
            return false;
        }

        var result = new List<PortRange>();
        foreach (var rawPart in text.Split(',', ';'))
        {
            var part = rawPart.Trim();
            if (part.Length == 0)
            {
                continue;
            }

            int dash = part.IndexOf('-', 1);
            if (dash < 0)
            {
                dash = part.IndexOf('\u2013');
            }

            int start, end;
            if (dash < 0)
            {
                if (!TryParsePort(part, out start))
                {
                    return false;
                }

                end = start;
            }
            else if (!TryParsePort(part.Substring(0, dash).Trim(), out start)
                || !TryParsePort(part.Substring(dash + 1).Trim(), out end)
                || end < start)
            {
                return false;
            }

            result.Add(new PortRange(start, end));
        }

        if (result.Count == 0)
        {
            return false;
        }

        set = Create(result);
        return true;
    }

    private static bool TryParsePort(string text, out int port)
    {
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var r in ranges)
        {
            if (sb.Length > 0)
            {
                sb.Append(", ");
            }

            sb.Append(r.ToString());
        }

        return sb.ToString();
    }
}
