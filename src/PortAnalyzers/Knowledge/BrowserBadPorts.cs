using System;

namespace PortAnalyzers.Knowledge;

/// <summary>The WHATWG Fetch "bad port" list (data/browser-bad-ports.csv): browsers refuse these with ERR_UNSAFE_PORT.</summary>
internal static partial class BrowserBadPorts
{
    // One string split once, not one element per line of a static constructor (less IL for the JIT in every build).
    private static readonly string[] Services = ServiceData.Split('\n');

    public static bool Contains(long port) => port >= 0 && port <= 65535 && Array.BinarySearch(Ports, (int)port) >= 0;

    public static string? ServiceOf(long port)
    {
        if (port < 0 || port > 65535)
        {
            return null;
        }

        int i = Array.BinarySearch(Ports, (int)port);
        return i >= 0 ? Services[i] : null;
    }

    internal static int Count => Ports.Length;

    internal static int PortAt(int i) => Ports[i];

    internal static string ServiceAt(int i) => Services[i];
}
