using System;

namespace PortAnalyzers.Knowledge;

[Flags]
internal enum PortTransportMask : byte
{
    None = 0,
    Tcp = 1,
    Udp = 2,
}

/// <summary>One row of data/known-port-uses.csv.</summary>
internal sealed class KnownPortUse
{
    public KnownPortUse(int start, int end, PortTransportMask transports, string name, string service, string owner, string kind, bool holdsPort, string source)
    {
        Range = new PortRange(start, end);
        Transports = transports;
        Name = name;
        Service = service;
        Owner = owner;
        Kind = kind;
        HoldsPort = holdsPort;
        Source = source;
    }

    public PortRange Range { get; }

    public PortTransportMask Transports { get; }

    /// <summary>Short display name for messages: "Apple Xsan Filesystem Access", "Redis".</summary>
    public string Name { get; }

    /// <summary>What the source says the port is for, in detail.</summary>
    public string Service { get; }

    public string Owner { get; }

    /// <summary>official (IANA), vendor, default (framework/product default), unofficial.</summary>
    public string Kind { get; }

    /// <summary>The software binds the port on a typical machine: a listener of yours collides (PORT002).</summary>
    public bool HoldsPort { get; }

    public string Source { get; }

    /// <summary>The source without scheme and "www.", as messages show it: "connected.app/ports/63146".</summary>
    public string ShortSource
    {
        get
        {
            var s = Source;
            int scheme = s.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0)
            {
                s = s.Substring(scheme + 3);
            }

            return s.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? s.Substring(4) : s;
        }
    }
}
