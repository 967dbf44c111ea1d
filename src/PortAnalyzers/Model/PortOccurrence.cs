using Microsoft.CodeAnalysis;

namespace PortAnalyzers.Model;

/// <summary>
/// The one shared model: a port value found at a location, with its role. Both entrances (C# sinks and
/// configuration files) produce it; every rule consumes it and nothing else.
/// </summary>
internal sealed class PortOccurrence
{
    public PortOccurrence(
        long value,
        Location location,
        PortRole role,
        PortTransport transport,
        string? scheme,
        string sink,
        Location? declarationLocation,
        bool isHardcoded,
        BindingScope? bindingScope = null,
        string? bindAddress = null)
    {
        BindAddress = BindAddresses.Normalize(bindAddress);
        Value = value;
        Location = location;
        Role = role;
        Transport = transport;
        Scheme = scheme;
        Sink = sink;
        DeclarationLocation = declarationLocation;
        IsHardcoded = isHardcoded;
        BindingScope = bindingScope;
    }

    /// <summary>The number as written; may be outside 0–65535 (PORT004 reports that).</summary>
    public long Value { get; }

    /// <summary>Where to report: the expression that reaches the sink, or the number inside a file.</summary>
    public Location Location { get; }

    public PortRole Role { get; }

    public PortTransport Transport { get; }

    /// <summary>URL scheme when the port came from a URL (http, https, grpc...), else null.</summary>
    public string? Scheme { get; }

    /// <summary>Human-readable name of the sink ("TcpListener(IPAddress, int)", "Kestrel:Endpoints:Http:Url").</summary>
    public string Sink { get; }

    /// <summary>Where the value was declared when that is not where it reaches the sink (a const, a field, a local).</summary>
    public Location? DeclarationLocation { get; }

    /// <summary>True when written as a literal/constant in code; false for configuration files and configuration-read defaults.</summary>
    public bool IsHardcoded { get; }

    /// <summary>
    /// Listeners in the same scope are bound together (PORT006). C# code: the compilation (null);
    /// configuration files: one file section or launch profile.
    /// </summary>
    public BindingScope? BindingScope { get; }

    /// <summary>
    /// The local address a listener binds, normalized by <see cref="BindAddresses"/> ("*", "0.0.0.0", "::",
    /// "localhost", a literal), or null when unknown. Two listeners on one port collide only if their addresses overlap.
    /// </summary>
    public string? BindAddress { get; }

    public bool IsValidPort => Value >= 0 && Value <= 65535;

    public bool IsHttp => Scheme is not null
        && (string.Equals(Scheme, "http", System.StringComparison.OrdinalIgnoreCase)
            || string.Equals(Scheme, "https", System.StringComparison.OrdinalIgnoreCase));

    /// <summary>TCP unless the sink says UDP: HTTP, gRPC and unknown URLs are TCP.</summary>
    public PortTransport EffectiveTransport => Transport == PortTransport.Unknown && Scheme is not null ? PortTransport.Tcp : Transport;
}
