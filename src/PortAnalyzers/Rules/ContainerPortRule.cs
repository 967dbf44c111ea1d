using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using PortAnalyzers.Container;
using PortAnalyzers.Model;

namespace PortAnalyzers.Rules;

/// <summary>
/// PORT009: compares what a container image exposes (EXPOSE, ContainerPort) with where the app listens in that
/// container. The app listens where its container environment or command line says (ENV ASPNETCORE_HTTP_PORTS,
/// ASPNETCORE_URLS, --urls, ContainerEnvironmentVariable), where its configuration says (appsettings Urls, *_PORTS,
/// Kestrel endpoints; not appsettings.Development.json, since containers run as Production unless told otherwise) and
/// where its code binds; when none of them says anything, on the base image's default (8080 since .NET 8). Launch
/// profiles are local runs and never count. An image that exposes nothing says nothing, and is not judged.
/// </summary>
internal static class ContainerPortRule
{
    /// <param name="isWebApp">The project references ASP.NET Core: only then does the image's default HTTP port apply.</param>
    public static void Evaluate(ContainerDefinition image, IReadOnlyList<PortOccurrence> appListens, bool isWebApp, Action<Diagnostic> report)
    {
        if (image.Exposed.Count == 0)
        {
            return;
        }

        var listens = image.Listens.Concat(appListens).Where(o => o.Role == PortRole.Listen && o.IsValidPort && o.Value != 0).ToList();

        // The image's ASPNETCORE_HTTP_PORTS stays in force until something sets HTTP endpoints: URLs, HTTP_PORTS or
        // Kestrel endpoints. HTTPS_PORTS adds to it, and a raw TcpListener beside Kestrel leaves it alone.
        bool httpSet = listens.Any(SetsHttpEndpoints);
        if (isWebApp && !httpSet && image.DefaultPort is null)
        {
            return; // not a Microsoft .NET base image: where Kestrel listens is not written anywhere we read
        }

        bool byDefault = isWebApp && !httpSet;
        var ports = listens.Select(o => o.Value).Concat(byDefault ? new[] { image.DefaultPort!.Value } : Array.Empty<long>()).Distinct().OrderBy(p => p).ToList();
        if (ports.Count == 0)
        {
            return;
        }

        string listening = string.Join(", ", ports.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        string why = byDefault
            ? (image.DefaultReason ?? "the image default") + (listens.Count > 0 ? ", " + Describe(listens) : string.Empty)
            : Describe(listens);

        foreach (var exposed in image.ListensUnknown ? new List<ExposedPort>() : image.Exposed)
        {
            bool heard = (byDefault && exposed.Covers(image.DefaultPort!.Value, PortTransport.Tcp))
                || listens.Any(o => exposed.Covers(o.Value, o.EffectiveTransport));
            if (!heard)
            {
                report(Diagnostic.Create(Descriptors.ContainerPortNotListened, exposed.Location, image.Name, exposed.Written, listening, why));
            }
        }

        // The reverse: explicit listeners only; the default has no place to report at, and the exposed ports above
        // already name it.
        var exposedText = string.Join(", ", image.Exposed.Select(e => e.Written));
        var reported = new HashSet<(long, PortTransport)>();
        foreach (var listen in listens)
        {
            var transport = listen.EffectiveTransport == PortTransport.Unknown ? PortTransport.Tcp : listen.EffectiveTransport;

            // A loopback listener cannot be reached from outside the container whatever the image exposes.
            if (IsLoopback(listen.BindAddress) || image.Exposed.Any(e => e.Covers(listen.Value, listen.EffectiveTransport)) || !reported.Add((listen.Value, transport)))
            {
                continue;
            }

            report(Diagnostic.Create(
                Descriptors.ContainerListenNotExposed,
                listen.Location,
                new[] { image.Exposed[0].Location },
                listen.Value,
                listen.Sink,
                image.Name,
                exposedText));
        }
    }

    // "ENV ASPNETCORE_HTTP_PORTS at Dockerfile:4, Urls at appsettings.json:2": the first two sources, enough to find them.
    private static string Describe(List<PortOccurrence> listens)
    {
        var parts = listens.Take(2).Select(o =>
        {
            var span = o.Location.GetLineSpan();
            return o.Sink + " at " + System.IO.Path.GetFileName(span.Path) + ":" + (span.StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture);
        });
        return string.Join(", ", parts) + (listens.Count > 2 ? ", ..." : string.Empty);
    }

    private static bool SetsHttpEndpoints(PortOccurrence o)
        => o.IsHttp && !o.Sink.EndsWith("HTTPS_PORTS", StringComparison.OrdinalIgnoreCase);

    private static bool IsLoopback(string? address) => address is BindAddresses.Localhost or "127.0.0.1" or "::1";

    /// <summary>appsettings.Development.json (and its Development siblings) do not apply in a container.</summary>
    public static bool AppliesInContainer(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name.IndexOf(".Development.", StringComparison.OrdinalIgnoreCase) < 0;
    }
}
