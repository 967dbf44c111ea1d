using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PortAnalyzers.Model;

namespace PortAnalyzers.Container;

/// <summary>A port or port range a container declares (EXPOSE 8000-8010/udp, a ContainerPort item).</summary>
internal sealed class ExposedPort
{
    public ExposedPort(long from, long to, PortTransport transport, Location location, string written)
    {
        From = from;
        To = to;
        Transport = transport;
        Location = location;
        Written = written;
    }

    public long From { get; }

    public long To { get; }

    public PortTransport Transport { get; }

    public Location Location { get; }

    /// <summary>As written, for messages ("80", "8000-8010/udp").</summary>
    public string Written { get; }

    public bool Covers(long port, PortTransport transport)
        => port >= From && port <= To && (transport == PortTransport.Unknown || transport == Transport);
}

/// <summary>
/// What one container image says about ports, whichever file it came from (a Dockerfile's final stage, or the SDK's
/// ContainerPort/ContainerEnvironmentVariable items): the ports it exposes, the ports its environment or command line
/// makes the app listen on, and the port the base image makes ASP.NET Core listen on when nothing else is set.
/// </summary>
internal sealed class ContainerDefinition
{
    public ContainerDefinition(string name, List<ExposedPort> exposed, List<PortOccurrence> listens, long? defaultPort, string? defaultReason)
    {
        Name = name;
        Exposed = exposed;
        Listens = listens;
        DefaultPort = defaultPort;
        DefaultReason = defaultReason;
    }

    /// <summary>The file that defines it ("Dockerfile", "Api.csproj"), for messages.</summary>
    public string Name { get; }

    public List<ExposedPort> Exposed { get; }

    /// <summary>Listen ports set for the container: ENV ASPNETCORE_HTTP_PORTS/URLS, --urls, ContainerEnvironmentVariable.</summary>
    public List<PortOccurrence> Listens { get; }

    /// <summary>8080 for .NET 8+ images (ASPNETCORE_HTTP_PORTS=8080), 80 before; null when the base image is not a .NET one.</summary>
    public long? DefaultPort { get; }

    /// <summary>A listen variable is set to something only known at run time: where the app listens cannot be told.</summary>
    public bool ListensUnknown { get; set; }

    /// <summary>Why <see cref="DefaultPort"/> holds ("the .NET 8+ image default"), for messages.</summary>
    public string? DefaultReason { get; }
}
