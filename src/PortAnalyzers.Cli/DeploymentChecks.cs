using System.Globalization;
using PortAnalyzers.Container;
using PortAnalyzers.Knowledge;
using PortAnalyzers.Model;

namespace PortAnalyzers.Cli;

/// <summary>A finding that needs more than one file: PORTX01..PORTX06, with the other places involved.</summary>
public sealed record CrossFileFinding(string RuleId, string Message, FileLocation Location, IReadOnlyList<FileLocation> Related);

/// <summary>
/// The cross-file rules of the deployment files, as data: id, what it finds, how to fix it. Each check below
/// produces findings of one id; the formatters take titles from here.
/// </summary>
public static class CrossFileRules
{
    public const string ProjectsBindOnePort = "PORTX01";
    public const string HostPortPublishedTwice = "PORTX02";
    public const string HostPortRisky = "PORTX03";
    public const string ContainerPortNotListened = "PORTX04";
    public const string PortMatchesNoContainerPort = "PORTX05";
    public const string HostPortAlsoInLaunchProfile = "PORTX06";

    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ProjectsBindOnePort] = "Port is bound by several projects",
        [HostPortPublishedTwice] = "Host port is published by two compose services",
        [HostPortRisky] = "Published host port is in the ephemeral range or held by known software",
        [ContainerPortNotListened] = "Container port the project's app does not listen on",
        [PortMatchesNoContainerPort] = "Probe or Service targetPort matches no container port",
        [HostPortAlsoInLaunchProfile] = "Host port is also bound by a launch profile of another project",
    };
}

/// <summary>
/// The cross-file checks over the deployment files and the projects' inventories. Compose services and Kubernetes
/// containers are tied to a project by the Dockerfile they build, else by image or service name.
/// </summary>
internal static class DeploymentChecks
{
    public static List<CrossFileFinding> Run(Deployment deployment, IReadOnlyList<ProjectInventory> projects)
    {
        var findings = new List<CrossFileFinding>();
        var projectOfService = deployment.ComposeServices.ToDictionary(s => s, s => ProjectOf(s.Dockerfile, s.Image, s.Name, projects));
        var projectOfContainer = deployment.Containers.ToDictionary(c => c, c => ProjectOf(null, c.Image, c.Name, projects));

        HostPortsPublishedTwice(deployment, findings);
        RiskyHostPorts(deployment, findings);
        // A service's ports and environment may be spread over the folder's compose files; a service other containers
        // share the network namespace of (network_mode: service:x, the Dapr sidecar pattern) may expose their ports.
        foreach (var group in deployment.ComposeServices.Where(s => !s.HasSidecars).GroupBy(s => (Path.GetDirectoryName(s.File), s.Name)))
        {
            var all = group.SelectMany(s => s.Ports).ToList();
            var project = group.Select(s => projectOfService[s]).FirstOrDefault(p => p is not null);
            ContainerPortsNotListened(all, project, group.Any(s => s.ListensUnknown), "compose service " + group.Key.Name, findings);
        }

        foreach (var container in deployment.Containers)
        {
            ContainerPortsNotListened(container.Ports, projectOfContainer[container], container.ListensUnknown, "container " + container.Name + " of " + container.Workload, findings);
        }

        ProbesAndTargetPorts(deployment, findings);
        HostPortsInLaunchProfiles(deployment, projectOfService, projects, findings);
        return findings;
    }

    /// <summary>The project a service or container runs: the one whose folder holds its Dockerfile, else by name.</summary>
    public static ProjectInventory? ProjectOf(string? dockerfile, string? image, string name, IReadOnlyList<ProjectInventory> projects)
    {
        if (dockerfile is not null)
        {
            var directory = Path.GetDirectoryName(dockerfile);
            var byFolder = projects.FirstOrDefault(p => string.Equals(Path.GetDirectoryName(p.Path), directory, StringComparison.Ordinal));
            if (byFolder is not null)
            {
                return byFolder;
            }
        }

        foreach (var key in new[] { image is null ? null : ImageName(image), name })
        {
            if (key is null)
            {
                continue;
            }

            var normalized = Normalize(key);
            var byName = projects.Where(p => Normalize(p.Name) == normalized).ToList();
            if (byName.Count == 1)
            {
                return byName[0];
            }
        }

        return null;
    }

    // registry.io/eshop/catalog.api:1.0 → catalog.api
    private static string ImageName(string image)
    {
        var withoutDigest = image.Split('@')[0];
        var last = withoutDigest[(withoutDigest.LastIndexOf('/') + 1)..];
        int colon = last.IndexOf(':');
        return colon < 0 ? last : last[..colon];
    }

    private static string Normalize(string name) => new string(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static void HostPortsPublishedTwice(Deployment deployment, List<CrossFileFinding> findings)
    {
        // Compose files of one folder make one application (docker-compose.yml + docker-compose.override.yml merge
        // by service name), so a service named in both is one service.
        var published = deployment.ComposeServices
            .SelectMany(s => s.Ports.Where(p => p.Kind == "published" && p.Port is > 0 and <= 65535).Select(p => (Service: s, Port: p)))
            .GroupBy(x => (Path.GetDirectoryName(x.Service.File), x.Port.Port, x.Port.Protocol));
        foreach (var group in published)
        {
            var ordered = group.OrderBy(x => x.Port.File, StringComparer.Ordinal).ThenBy(x => x.Port.Line).ToList();
            var first = ordered[0];
            var clash = ordered.FirstOrDefault(x => x.Service.Name != first.Service.Name && BindAddresses.Overlap(BindAddresses.Normalize(x.Port.HostIp), BindAddresses.Normalize(first.Port.HostIp)));
            if (clash.Port is null)
            {
                continue;
            }

            var services = ordered.Select(x => x.Service.Name).Distinct().ToList();
            findings.Add(new CrossFileFinding(
                CrossFileRules.HostPortPublishedTwice,
                $"Host port {group.Key.Port}/{group.Key.Protocol} is published by {services.Count} compose services: " + string.Join(", ", ordered.GroupBy(x => x.Service.Name).Select(g => $"{g.Key} ({Path.GetFileName(g.First().Port.File)}:{g.First().Port.Line})"))
                    + "; the second to start fails with 'port is already allocated'",
                Location(clash.Port),
                ordered.Where(x => x.Port != clash.Port).Select(x => Location(x.Port, x.Service.Name)).ToList()));
        }
    }

    private static void RiskyHostPorts(Deployment deployment, List<CrossFileFinding> findings)
    {
        var owners = deployment.ComposeServices.SelectMany(s => s.Ports.Select(p => (Port: p, s.Image)))
            .Concat(deployment.Containers.SelectMany(c => c.Ports.Select(p => (Port: p, c.Image))));
        foreach (var (port, image) in owners)
        {
            if (port.Kind is not ("published" or "hostPort") || port.Port is not (> 0 and <= 65535))
            {
                continue;
            }

            long value = port.Port.Value;
            var transport = port.Protocol == "udp" ? PortTransport.Udp : PortTransport.Tcp;
            string? why = null;
            if (EphemeralRange.Default.Ranges.TryFind(value, out var range))
            {
                why = $"is in the ephemeral range {range} (IANA): the host may have lent it to an outgoing connection, and the container then fails to start";
            }
            else if (KnownPortUseTable.FindHolder(value, transport) is { } holder && !IsTheHolder(image, holder.Name))
            {
                why = $"is held by {holder.Name} ({holder.ShortSource}) on many machines: publishing it fails, or hides that software";
            }

            if (why is not null)
            {
                findings.Add(new CrossFileFinding(
                    CrossFileRules.HostPortRisky,
                    $"Host port {value}/{port.Protocol} published by {port.Owner} {why}. Publish another host port (the container port can stay).",
                    Location(port),
                    Array.Empty<FileLocation>()));
            }
        }
    }

    // postgres:16 publishing 5432 is PostgreSQL itself, not a collision with it.
    private static bool IsTheHolder(string? image, string holder)
    {
        if (image is null)
        {
            return false;
        }

        var imageKey = Normalize(ImageName(image));
        var holderKey = Normalize(holder.Split(' ', 2)[0]);
        return imageKey.Length >= 4 && holderKey.Length >= 4 && (imageKey.StartsWith(holderKey, StringComparison.Ordinal) || holderKey.StartsWith(imageKey, StringComparison.Ordinal));
    }

    private static void ContainerPortsNotListened(List<DeploymentPort> ports, ProjectInventory? project, bool listensUnknown, string owner, List<CrossFileFinding> findings)
    {
        // Not tied to a project, or its environment sets the listen ports from something only known at run time.
        if (project is null || listensUnknown)
        {
            return;
        }

        var listens = ListensInContainer(project, ports, out var reason);
        if (listens.Count == 0)
        {
            return;
        }

        foreach (var port in ports.Where(p => p.Kind is "target" or "expose" or "containerPort" && p.Port is > 0 and <= 65535))
        {
            if (!listens.Contains(port.Port!.Value))
            {
                findings.Add(new CrossFileFinding(
                    CrossFileRules.ContainerPortNotListened,
                    $"The {owner} sends container port {port.Port}/{port.Protocol} to {project.Name}, which listens on {string.Join(", ", listens.Order())} in the container ({reason}); traffic to {port.Port} finds nothing.",
                    Location(port),
                    Array.Empty<FileLocation>()));
            }
        }
    }

    /// <summary>
    /// Where a project's app listens in a container: its code, its appsettings (not Development), its Dockerfile's
    /// ENV and command line, the deployment's own environment; else the image default for an ASP.NET Core app.
    /// Launch profiles are local runs and never count.
    /// </summary>
    public static HashSet<long> ListensInContainer(ProjectInventory project, IEnumerable<DeploymentPort> deploymentPorts, out string reason)
    {
        var fromProject = project.Entries.Where(e => e.Role == PortRole.Listen && e.Port is > 0 and <= 65535 && CountsInContainer(e)).ToList();
        var fromDeployment = deploymentPorts.Where(p => p.Role == PortRole.Listen && p.Port is > 0 and <= 65535).ToList();
        bool httpSet = fromProject.Any(e => e.Scheme is "http" or "https" && !e.Sink.EndsWith("HTTPS_PORTS", StringComparison.OrdinalIgnoreCase))
            || fromDeployment.Any(p => p.Protocol is "http" or "https" && p.PortName is null && !IsHttpsPortsOnly(p));
        var ports = new HashSet<long>(fromProject.Select(e => e.Port).Concat(fromDeployment.Select(p => p.Port!.Value)));
        var sources = fromProject.Select(e => $"{e.Sink} at {Path.GetFileName(e.File)}:{e.Line}")
            .Concat(fromDeployment.Select(p => $"environment at {Path.GetFileName(p.File)}:{p.Line}")).Take(2).ToList();
        if (project.IsWebApp && !httpSet && project.ImageDefaultPort is { } fallback)
        {
            ports.Add(fallback);
            sources.Insert(0, fallback == 80 ? "the default of the .NET 7 and earlier images" : "the default of the .NET 8+ images (ASPNETCORE_HTTP_PORTS=8080)");
        }

        reason = string.Join(", ", sources);
        return ports;
    }

    // HTTPS_PORTS adds to the image's HTTP port instead of replacing it. Its values are bare ports, so they carry no
    // host, where an https URL always does.
    private static bool IsHttpsPortsOnly(DeploymentPort port) => port.Protocol == "https" && port.HostIp is null;

    private static bool CountsInContainer(PortEntry entry)
    {
        var name = Path.GetFileName(entry.File);
        if (name.Equals("launchSettings.json", StringComparison.OrdinalIgnoreCase) || name.Contains(".Development.", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // A Dockerfile's EXPOSE and ARG, and ContainerPort items, say what the image offers or what the build sees, not
        // where the app listens: the container catalogue's rows say which.
        var row = ContainerPortCatalog.OfSink(entry.Sink);
        return row is null || row.Use == ContainerPortUse.Listens;
    }

    private static void ProbesAndTargetPorts(Deployment deployment, List<CrossFileFinding> findings)
    {
        foreach (var container in deployment.Containers)
        {
            var declared = container.Ports.Where(p => p.Kind == "containerPort").ToList();
            foreach (var probe in container.Ports.Where(p => p.Kind.EndsWith("Probe", StringComparison.Ordinal)))
            {
                bool matches = probe.Port is { } number
                    ? declared.Count == 0 || declared.Any(d => d.Port == number) || container.InjectedPorts.Contains(number)
                    : declared.Any(d => d.PortName == probe.PortName);
                if (!matches)
                {
                    findings.Add(new CrossFileFinding(
                        CrossFileRules.PortMatchesNoContainerPort,
                        $"The {probe.Kind} of {container.Workload}/{container.Name} targets port {probe.Port?.ToString(CultureInfo.InvariantCulture) ?? "'" + probe.PortName + "'"}, which none of its container ports ({Describe(declared)}) is; the probe fails and the pod is restarted or never ready.",
                        Location(probe),
                        declared.Select(d => Location(d)).ToList()));
                }
            }
        }

        foreach (var service in deployment.Services.Where(s => s.Selector.Count > 0))
        {
            var selected = deployment.Containers.Where(c => service.Selector.All(l => c.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).ToList();
            if (selected.Count == 0)
            {
                continue; // selects pods defined elsewhere (a chart, another repository): nothing to compare
            }

            var declared = selected.SelectMany(c => c.Ports.Where(p => p.Kind == "containerPort")).ToList();
            var injected = selected.SelectMany(c => c.InjectedPorts).ToHashSet();
            foreach (var target in service.Ports.Where(p => p.Kind == "targetPort"))
            {
                bool matches = target.Port is { } number
                    ? declared.Count == 0 || declared.Any(d => d.Port == number) || injected.Contains(number)
                    : declared.Any(d => d.PortName == target.PortName);
                if (!matches)
                {
                    findings.Add(new CrossFileFinding(
                        CrossFileRules.PortMatchesNoContainerPort,
                        $"Service {service.Name} sends to targetPort {target.Port?.ToString(CultureInfo.InvariantCulture) ?? "'" + target.PortName + "'"}, but the containers it selects ({string.Join(", ", selected.Select(c => c.Workload + "/" + c.Name).Distinct())}) declare {Describe(declared)}; its traffic finds nothing.",
                        Location(target),
                        declared.Select(d => Location(d)).ToList()));
                }
            }
        }
    }

    private static string Describe(List<DeploymentPort> ports)
        => ports.Count == 0 ? "none" : string.Join(", ", ports.Select(p => p.PortName is null ? p.Port!.Value.ToString(CultureInfo.InvariantCulture) : $"{p.Port} '{p.PortName}'"));

    private static void HostPortsInLaunchProfiles(Deployment deployment, Dictionary<ComposeService, ProjectInventory?> projectOfService, IReadOnlyList<ProjectInventory> projects, List<CrossFileFinding> findings)
    {
        var profiles = projects
            .SelectMany(p => p.Entries.Where(e => e.Role == PortRole.Listen && Path.GetFileName(e.File).Equals("launchSettings.json", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        foreach (var service in deployment.ComposeServices)
        {
            var own = projectOfService[service];
            foreach (var port in service.Ports.Where(p => p.Kind == "published" && p.Port is > 0 and <= 65535 && p.Protocol != "udp"))
            {
                var other = profiles.FirstOrDefault(e => e.Port == port.Port && e.Project != own?.Name);
                if (other is not null)
                {
                    findings.Add(new CrossFileFinding(
                        CrossFileRules.HostPortAlsoInLaunchProfile,
                        $"Host port {port.Port} is published by compose service {service.Name} ({Path.GetFileName(port.File)}:{port.Line}) and bound by {other.Scope ?? "a launch profile"} of {other.Project} (launchSettings.json:{other.Line}); running both at once fails with 'address already in use'.",
                        Location(port),
                        new[] { new FileLocation(other.File, other.Line, other.Column, other.Project) }));
                }
            }
        }
    }

    private static FileLocation Location(DeploymentPort port, string? label = null) => new(port.File, port.Line, port.Column, label ?? port.Owner);
}
