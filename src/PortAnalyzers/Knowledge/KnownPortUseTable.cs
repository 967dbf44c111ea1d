using System.Collections.Generic;
using System.Globalization;
using PortAnalyzers.Model;

namespace PortAnalyzers.Knowledge;

/// <summary>
/// The curated known-use table (data/known-port-uses.csv, compiled into KnownPortUseTable.g.cs), with an
/// O(1) index per transport built once per process.
/// </summary>
internal static partial class KnownPortUseTable
{
    /// <summary>The rows, in CSV order. Read from one string (KnownPortUseTable.g.cs): a constructor call per row made a
    /// static constructor of 5 KB of IL, which the JIT compiled in every compiler process that judged a port.</summary>
    internal static readonly KnownPortUse[] Rows = ParseRows(RowData);

    /// <summary>
    /// The software that holds <paramref name="port"/> for the transport (unknown transport: TCP first, then UDP).
    /// Only rows with holds_port=yes; framework defaults and whole ranges never answer here.
    /// </summary>
    public static KnownPortUse? FindHolder(long port, PortTransport transport)
    {
        if (port < 0 || port > 65535)
        {
            return null;
        }

        // The index holds row + 1; 0 is no holder.
        int index = transport switch
        {
            PortTransport.Udp => Index.Udp[port],
            PortTransport.Tcp => Index.Tcp[port],
            _ => Index.Tcp[port] > 0 ? Index.Tcp[port] : Index.Udp[port],
        };
        return index > 0 ? Rows[index - 1] : null;
    }

    /// <summary>Every row whose range contains the port, holders or not (for inventory and messages).</summary>
    public static IEnumerable<KnownPortUse> FindAll(long port)
    {
        foreach (var row in Rows)
        {
            if (row.Range.Contains(port))
            {
                yield return row;
            }
        }
    }

    // A nested class so that the index is built on first use, after Rows (another file of this partial class).
    private static class Index
    {
        public static readonly short[] Tcp = BuildHolderIndex(PortTransportMask.Tcp);
        public static readonly short[] Udp = BuildHolderIndex(PortTransportMask.Udp);
    }

    private static short[] BuildHolderIndex(PortTransportMask transport)
    {
        // Row + 1 per port, so that a new array (all 0) already says "no holder" without a pass over 65,536 entries.
        var index = new short[65536];

        // Narrowest range wins so that a single documented port beats a range row.
        for (short i = 0; i < Rows.Length; i++)
        {
            var row = Rows[i];
            if (!row.HoldsPort || (row.Transports & transport) == 0)
            {
                continue;
            }

            for (int p = row.Range.Start; p <= row.Range.End; p++)
            {
                var existing = index[p];
                if (existing == 0 || Width(Rows[existing - 1]) > Width(row))
                {
                    index[p] = (short)(i + 1);
                }
            }
        }

        return index;
    }

    private static int Width(KnownPortUse row) => row.Range.End - row.Range.Start;

    private static KnownPortUse[] ParseRows(string data)
    {
        var lines = data.Split('\n');
        var rows = new KnownPortUse[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            var f = lines[i].Split('\t');
            var transports = f[2] switch
            {
                "tcp" => PortTransportMask.Tcp,
                "udp" => PortTransportMask.Udp,
                _ => PortTransportMask.Tcp | PortTransportMask.Udp,
            };
            rows[i] = new KnownPortUse(
                int.Parse(f[0], NumberStyles.None, CultureInfo.InvariantCulture),
                int.Parse(f[1], NumberStyles.None, CultureInfo.InvariantCulture),
                transports,
                f[3],
                f[4],
                f[5],
                f[6],
                f[7] == "yes",
                f[8]);
        }

        return rows;
    }
}
