using PortAnalyzers.Knowledge;
using PortAnalyzers.Model;

namespace PortAnalyzers.Rules;

/// <summary>
/// The "use a safe port" suggestion: the nearest port below the ephemeral range that no known software holds,
/// no framework or allocation range (narrower than 4096 ports) claims, and browsers accept.
/// </summary>
internal static class SafePort
{
    private const int WidestInformativeRange = 4096;

    public static int? Below(EphemeralRange ephemeral, PortTransport transport)
    {
        for (int port = ephemeral.Ranges.LowestPort - 1; port >= 1024; port--)
        {
            if (IsSafe(port, ephemeral, transport))
            {
                return port;
            }
        }

        return null;
    }

    public static bool IsSafe(int port, EphemeralRange ephemeral, PortTransport transport)
    {
        if (ephemeral.Ranges.Contains(port) || BrowserBadPorts.Contains(port) || KnownPortUseTable.FindHolder(port, transport) is not null)
        {
            return false;
        }

        foreach (var row in KnownPortUseTable.FindAll(port))
        {
            if (row.Range.End - row.Range.Start < WidestInformativeRange)
            {
                return false;
            }
        }

        return true;
    }
}
