using System;
using PortAnalyzers.Model;

namespace PortAnalyzers.Knowledge;

/// <summary>
/// The IANA port registry (CC0), opt-in through port_analyzers.known_uses = iana. Compiled in
/// (IanaRegistry.g.cs); binary search over sorted keys, no allocation per lookup.
/// </summary>
internal static partial class IanaRegistry
{
    public const string Source = "iana.org/assignments/service-names-port-numbers";

    public static string? Find(long port, PortTransport transport)
    {
        if (port <= 0 || port > 65535)
        {
            return null;
        }

        int key = (int)port * 2;
        if (transport == PortTransport.Udp)
        {
            return Lookup(key + 1);
        }

        return Lookup(key) ?? (transport == PortTransport.Unknown ? Lookup(key + 1) : null);
    }

    private static string? Lookup(int key)
    {
        int i = Array.BinarySearch(Keys, key);
        return i >= 0 ? Names[i] : null;
    }

    internal static int Count => Keys.Length;

    internal static (int Port, bool Udp, string Name) EntryAt(int i) => (Keys[i] >> 1, (Keys[i] & 1) == 1, Names[i]);
}
