using System.Collections.Generic;
using PortAnalyzers.Model;

namespace PortAnalyzers.Knowledge;

/// <summary>
/// The curated known-use table (data/known-port-uses.csv, compiled into KnownPortUseTable.g.cs), with an
/// O(1) index per transport built once per process.
/// </summary>
internal static partial class KnownPortUseTable
{

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

        int index = transport switch
        {
            PortTransport.Udp => Index.Udp[port],
            PortTransport.Tcp => Index.Tcp[port],
            _ => Index.Tcp[port] >= 0 ? Index.Tcp[port] : Index.Udp[port],
        };
        return index >= 0 ? Rows[index] : null;
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
        var index = new short[65536];
        for (int i = 0; i < index.Length; i++)
        {
            index[i] = -1;
        }

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
                if (existing < 0 || Width(Rows[existing]) > Width(row))
                {
                    index[p] = i;
                }
            }
        }

        return index;
    }

    private static int Width(KnownPortUse row) => row.Range.End - row.Range.Start;
}
