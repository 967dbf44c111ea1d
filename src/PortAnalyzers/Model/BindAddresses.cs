using System;

namespace PortAnalyzers.Model;

/// <summary>
/// Which local addresses a bind takes, for PORT006. 0.0.0.0 and :: are separate sockets in .NET (IPv6 sockets are
/// not dual-mode unless asked), so TcpListener on IPAddress.Any and on IPAddress.IPv6Any can share a port;
/// "*" (Kestrel's any-IP, TcpListener.Create) takes both; localhost takes both loopbacks.
/// </summary>
internal static class BindAddresses
{
    public const string Everywhere = "*";
    public const string AnyV4 = "0.0.0.0";
    public const string AnyV6 = "::";
    public const string Localhost = "localhost";

    public static string? Normalize(string? host)
    {
        if (host is null)
        {
            return null;
        }

        var h = host.Trim();
        if (h.StartsWith("[", StringComparison.Ordinal) && h.EndsWith("]", StringComparison.Ordinal))
        {
            h = h.Substring(1, h.Length - 2);
        }

        switch (h.ToLowerInvariant())
        {
            case "":
            case "*":
            case "+":
                return Everywhere;
            case "0.0.0.0":
                return AnyV4;
            case "::":
            case "0:0:0:0:0:0:0:0":
                return AnyV6;
            case "localhost":
                return Localhost;
            case "::1":
            case "0:0:0:0:0:0:0:1":
                return "::1";
            default:
                return h.ToLowerInvariant();
        }
    }

    /// <summary>Whether two binds can take the same address. Unknown (null) overlaps everything.</summary>
    public static bool Overlap(string? a, string? b)
    {
        if (a is null || b is null || a == Everywhere || b == Everywhere || a == b)
        {
            return true;
        }

        return Covers(a, b) || Covers(b, a);
    }

    private static bool Covers(string wide, string narrow) => wide switch
    {
        AnyV4 => IsV4(narrow) || narrow == Localhost,
        AnyV6 => !IsV4(narrow) || narrow == Localhost,
        Localhost => narrow is "127.0.0.1" or "::1",
        _ => false,
    };

    // A host name other than localhost is resolved at run time: treat it as possibly any family.
    private static bool IsV4(string address)
    {
        if (address == Localhost)
        {
            return false;
        }

        foreach (char c in address)
        {
            if (!(char.IsDigit(c) || c == '.'))
            {
                return false;
            }
        }

        return true;
    }
}
