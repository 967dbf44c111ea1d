namespace PortAnalyzers.Model;

/// <summary>What the code does with a port: bind it, dial it, or we cannot tell.</summary>
internal enum PortRole : byte
{
    Unknown = 0,
    Listen = 1,
    Connect = 2,

    /// <summary>
    /// The port a container listens on inside its own network namespace (ContainerPort, Aspire targetPort): the
    /// host never sees it, so it cannot collide with host software, but a non-root container cannot bind it below 1024.
    /// </summary>
    Container = 3,
}

/// <summary>IP transport of an endpoint. HTTP(S) runs over TCP; the scheme is kept separately.</summary>
internal enum PortTransport : byte
{
    Unknown = 0,
    Tcp = 1,
    Udp = 2,
}

internal static class PortRoleExtensions
{
    public static string ToDisplayString(this PortRole role) => role switch
    {
        PortRole.Listen => "listen",
        PortRole.Connect => "connect",
        PortRole.Container => "container",
        _ => "unknown",
    };

    public static string ToDisplayString(this PortTransport transport) => transport switch
    {
        PortTransport.Tcp => "tcp",
        PortTransport.Udp => "udp",
        _ => "unknown",
    };
}
