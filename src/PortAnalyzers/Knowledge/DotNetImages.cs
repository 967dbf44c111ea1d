using System;
using System.Globalization;

namespace PortAnalyzers.Knowledge;

/// <summary>
/// Where ASP.NET Core listens in Microsoft's .NET container images when the app sets nothing: the images set
/// ASPNETCORE_HTTP_PORTS=8080 since .NET 8 (to run as the non-root "app" user), and ASPNETCORE_URLS=http://+:80
/// before. Images of other vendors set neither, so nothing can be said about them.
/// </summary>
internal static class DotNetImages
{
    // Repositories (the path after the registry) of the images that carry the ASP.NET Core port defaults.
    private static readonly string[] Repositories =
    {
        "dotnet/aspnet",
        "dotnet/runtime",
        "dotnet/runtime-deps",
        "dotnet/sdk",
        "dotnet/nightly/aspnet",
        "dotnet/nightly/runtime",
        "dotnet/nightly/runtime-deps",
        "dotnet/nightly/sdk",
        "dotnet/core/aspnet",
        "dotnet/core/runtime",
        "dotnet/core/runtime-deps",
        "dotnet/core/sdk",
    };

    // The first major version whose images listen on 8080 instead of 80.
    private const int FirstNonRootMajor = 8;

    // Programs that, run as the image's ENTRYPOINT/CMD, host the app behind a listener of their own: the port they
    // listen on by default, and why. IIS (w3svc, kept alive by ServiceMonitor) binds its Default Web Site to 80.
    private static readonly (string Marker, long Port, string Reason)[] Hosts =
    {
        ("ServiceMonitor", 80, "IIS (ServiceMonitor w3svc) binds its default site to 80"),
        ("w3svc", 80, "IIS (w3svc) binds its default site to 80"),
    };

    public const long ModernDefault = 8080;
    public const long LegacyDefault = 80;

    /// <summary>8080 or 80 for a Microsoft .NET image reference, null for any other image or a tag we cannot read.</summary>
    public static long? DefaultHttpPort(string image, out string? reason)
    {
        reason = null;
        int at = image.IndexOf('@');
        var reference = at < 0 ? image : image.Substring(0, at);
        int slash = reference.LastIndexOf('/');
        int colon = reference.IndexOf(':', slash < 0 ? 0 : slash);
        var repository = colon < 0 ? reference : reference.Substring(0, colon);
        var tag = colon < 0 ? "latest" : reference.Substring(colon + 1);
        if (!IsDotNetRepository(repository))
        {
            return null;
        }

        if (repository.IndexOf("dotnet/core/", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            reason = "the default of the .NET Core images (ASPNETCORE_URLS=http://+:80)";
            return LegacyDefault;
        }

        int digits = 0;
        while (digits < tag.Length && char.IsDigit(tag[digits]))
        {
            digits++;
        }

        if (digits == 0)
        {
            if (tag.Equals("latest", StringComparison.OrdinalIgnoreCase))
            {
                reason = "the default of the .NET 8+ images (ASPNETCORE_HTTP_PORTS=8080)";
                return ModernDefault;
            }

            return null; // $DOTNET_VERSION left unresolved, a custom tag
        }

        int major = int.Parse(tag.Substring(0, Math.Min(digits, 4)), CultureInfo.InvariantCulture);
        if (major >= FirstNonRootMajor)
        {
            reason = "the default of the .NET 8+ images (ASPNETCORE_HTTP_PORTS=8080)";
            return ModernDefault;
        }

        reason = "the default of the .NET " + major.ToString(CultureInfo.InvariantCulture) + " images (ASPNETCORE_URLS=http://+:80)";
        return LegacyDefault;
    }

    /// <summary>The port of a host program the image's ENTRYPOINT or CMD runs (IIS), or null.</summary>
    public static long? HostListening(System.Collections.Generic.IEnumerable<string> commands, out string? reason)
    {
        foreach (var command in commands)
        {
            foreach (var (marker, port, why) in Hosts)
            {
                if (command.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    reason = why;
                    return port;
                }
            }
        }

        reason = null;
        return null;
    }

    private static bool IsDotNetRepository(string repository)
    {
        foreach (var known in Repositories)
        {
            if (repository.EndsWith(known, StringComparison.OrdinalIgnoreCase)
                && (repository.Length == known.Length || repository[repository.Length - known.Length - 1] == '/'))
            {
                return true;
            }
        }

        return false;
    }
}
