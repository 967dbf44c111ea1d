using PortAnalyzers.Configuration;
using PortAnalyzers.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PortAnalyzers.Cli;

/// <summary>
/// A port written in a deployment file (docker-compose, Kubernetes), flattened for output.
/// Kind: published (a host port), target (the container side of a compose mapping), expose, containerPort, hostPort,
/// servicePort, targetPort, nodePort, livenessProbe, readinessProbe, startupProbe, listen (an ASPNETCORE_* variable in
/// the environment).
/// </summary>
public sealed record DeploymentPort(
    string File,
    int Line,
    int Column,
    string Format,
    string Owner,
    string Kind,
    long? Port,
    string? PortName,
    string Protocol,
    string? HostIp,
    string? Project)
{
    /// <summary>The kind of the ports an ASPNETCORE_* variable in the environment makes the app listen on.</summary>
    public const string ListenKind = "listen";

    /// <summary>Typed for the checks: only <see cref="ListenKind"/> ports are where the app listens; the rest map or declare ports.</summary>
    internal PortRole Role => Kind == ListenKind ? PortRole.Listen : PortRole.Unknown;
}

/// <summary>A position in a file, 1-based, for findings and related locations.</summary>
public sealed record FileLocation(string File, int Line, int Column, string? Label = null);

/// <summary>A compose service, with the ports it publishes, exposes and makes its app listen on.</summary>
internal sealed class ComposeService(string file, string name, string? dockerfile, string? image, FileLocation at)
{
    public string File { get; } = file;

    public string Name { get; } = name;

    /// <summary>Full path of the Dockerfile its build section names (context + dockerfile), if any.</summary>
    public string? Dockerfile { get; set; } = dockerfile;

    public string? Image { get; set; } = image;

    /// <summary>network_mode: "service:other": this service runs in another one's network namespace (a sidecar).</summary>
    public string? NetworkOf { get; set; }

    /// <summary>Other services run in this one's network namespace, so its ports may be theirs.</summary>
    public bool HasSidecars { get; set; }

    /// <summary>A listen variable of its environment is interpolated (${PORT}): where the app listens is not known.</summary>
    public bool ListensUnknown { get; set; }

    public FileLocation At { get; } = at;

    public List<DeploymentPort> Ports { get; } = new();
}

/// <summary>A container of a Kubernetes workload (Deployment, StatefulSet, Pod...), with the labels of its pods.</summary>
internal sealed class KubeContainer(string file, string workload, string name, string? image, IReadOnlyDictionary<string, string> labels, IReadOnlyList<long> injectedPorts)
{
    /// <summary>Ports of containers a sidecar injector adds to the pod (Dapr, Istio, Linkerd), from the pod's annotations.</summary>
    public IReadOnlyList<long> InjectedPorts { get; } = injectedPorts;

    /// <summary>envFrom configMapRef names, resolved against the ConfigMaps of the tree once all files are read.</summary>
    public List<string> ConfigMaps { get; } = new();

    /// <summary>A listen variable comes from somewhere not read here (valueFrom, a ConfigMap not in the tree).</summary>
    public bool ListensUnknown { get; set; }

    public string File { get; } = file;

    public string Workload { get; } = workload;

    public string Name { get; } = name;

    public string? Image { get; } = image;

    public IReadOnlyDictionary<string, string> Labels { get; } = labels;

    public List<DeploymentPort> Ports { get; } = new();
}

internal sealed class KubeService(string file, string name, IReadOnlyDictionary<string, string> selector)
{
    public string File { get; } = file;

    public string Name { get; } = name;

    public IReadOnlyDictionary<string, string> Selector { get; } = selector;

    public List<DeploymentPort> Ports { get; } = new();
}

/// <summary>What the deployment files of a tree say.</summary>
internal sealed class Deployment
{
    public List<ComposeService> ComposeServices { get; } = new();

    public List<KubeContainer> Containers { get; } = new();

    public List<KubeService> Services { get; } = new();

    /// <summary>ConfigMaps by name: their data, for containers that take their environment from them (envFrom).</summary>
    public Dictionary<string, (string File, YamlMappingNode Data)> ConfigMaps { get; } = new(StringComparer.Ordinal);

    /// <summary>Files that could not be read as YAML (Helm templates, broken files): the first error of each.</summary>
    public List<FileLocation> Unreadable { get; } = new();

    public IEnumerable<DeploymentPort> AllPorts
        => ComposeServices.SelectMany(s => s.Ports).Concat(Containers.SelectMany(c => c.Ports)).Concat(Services.SelectMany(s => s.Ports));
}

/// <summary>
/// Finds docker-compose and Kubernetes files under a folder and reads their ports with YamlDotNet, keeping each
/// scalar's line and column. Multi-document files are read document by document. Nothing here throws on a broken
/// file: it is listed as unreadable and the rest goes on.
/// </summary>
internal static class DeploymentReader
{
    // Build output, dependencies and VCS data are not deployment files of this repository.
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", ".git", ".vs", "packages" };

    // Kubernetes kinds whose pods run containers, and where their pod template is.
    private static readonly Dictionary<string, string[]> PodTemplatePaths = new(StringComparer.Ordinal)
    {
        ["Pod"] = new[] { "spec" },
        ["Deployment"] = new[] { "spec", "template", "spec" },
        ["StatefulSet"] = new[] { "spec", "template", "spec" },
        ["DaemonSet"] = new[] { "spec", "template", "spec" },
        ["ReplicaSet"] = new[] { "spec", "template", "spec" },
        ["ReplicationController"] = new[] { "spec", "template", "spec" },
        ["Job"] = new[] { "spec", "template", "spec" },
        ["CronJob"] = new[] { "spec", "jobTemplate", "spec", "template", "spec" },
    };

    private static readonly string[] Probes = { "livenessProbe", "readinessProbe", "startupProbe" };

    // Pod annotations that make an admission webhook inject a sidecar, and the ports that sidecar listens on: a
    // Service targetPort of 3500 on a Dapr-enabled pod reaches daprd, not a container the manifest declares.
    private static readonly (string Annotation, string Value, long[] Ports)[] SidecarInjectors =
    {
        ("dapr.io/enabled", "true", new long[] { 3500, 3501, 50001, 9090 }),
        ("sidecar.istio.io/inject", "true", new long[] { 15000, 15001, 15006, 15020, 15021, 15090 }),
        ("linkerd.io/inject", "enabled", new long[] { 4140, 4143, 4191 }),
    };
    private static readonly string[] ProbeActions = { "httpGet", "tcpSocket", "grpc" };

    public static IEnumerable<string> Find(string root)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            IEnumerable<string> files, folders;
            try
            {
                files = Directory.EnumerateFiles(directory).ToList();
                folders = Directory.EnumerateDirectories(directory).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var file in files)
            {
                var extension = Path.GetExtension(file);
                if (extension.Equals(".yml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase))
                {
                    yield return file;
                }
            }

            foreach (var folder in folders.Where(f => !SkippedFolders.Contains(Path.GetFileName(f))))
            {
                pending.Push(folder);
            }
        }
    }

    public static bool IsComposeFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("docker-compose", StringComparison.OrdinalIgnoreCase) || name.StartsWith("compose", StringComparison.OrdinalIgnoreCase);
    }

    public static Deployment Read(string root)
    {
        var deployment = new Deployment();
        foreach (var file in Find(root).OrderBy(f => f, StringComparer.Ordinal))
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (IOException)
            {
                continue;
            }

            bool compose = IsComposeFile(file);

            // Cheap test first: a YAML file that names no kind is not a Kubernetes manifest (CI workflows, configs).
            if (!compose && !(text.Contains("apiVersion", StringComparison.Ordinal) && text.Contains("kind", StringComparison.Ordinal)))
            {
                continue;
            }

            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException e)
            {
                deployment.Unreadable.Add(new FileLocation(file, (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column), e.Message.Split('\n')[0]));
                continue;
            }

            foreach (var document in stream.Documents)
            {
                if (document.RootNode is not YamlMappingNode root_)
                {
                    continue;
                }

                if (compose)
                {
                    ReadCompose(file, root_, deployment);
                }
                else
                {
                    ReadKubernetes(file, root_, deployment);
                }
            }
        }

        MergeComposeFiles(deployment);
        ResolveConfigMaps(deployment);
        return deployment;
    }

    // docker-compose.yml and docker-compose.override.yml of one folder are one application, merged by service name:
    // the build and image usually sit in the first, the ports and environment in the second.
    private static void MergeComposeFiles(Deployment deployment)
    {
        foreach (var group in deployment.ComposeServices.GroupBy(s => (Path.GetDirectoryName(s.File), s.Name)))
        {
            var dockerfile = group.Select(s => s.Dockerfile).FirstOrDefault(d => d is not null);
            var image = group.Select(s => s.Image).FirstOrDefault(i => i is not null);
            bool hasSidecars = deployment.ComposeServices.Any(o => o.NetworkOf == group.Key.Name && Path.GetDirectoryName(o.File) == group.Key.Item1);
            foreach (var service in group)
            {
                service.Dockerfile ??= dockerfile;
                service.Image ??= image;
                service.HasSidecars = hasSidecars;
            }
        }
    }

    // envFrom: [{ configMapRef: { name: catalog-cm } }] puts the ConfigMap's data in the environment; the ports it sets
    // are reported where the ConfigMap writes them.
    private static void ResolveConfigMaps(Deployment deployment)
    {
        foreach (var container in deployment.Containers)
        {
            foreach (var name in container.ConfigMaps)
            {
                if (!deployment.ConfigMaps.TryGetValue(name, out var configMap))
                {
                    container.ListensUnknown = true;
                    continue;
                }

                foreach (var (key, value) in configMap.Data.Children)
                {
                    if (key is YamlScalarNode { Value: { } variable } && value is YamlScalarNode scalar)
                    {
                        container.ListensUnknown |= AddListen(configMap.File, "kubernetes", container.Workload + "/" + container.Name, variable, scalar, 0, container.Ports);
                    }
                }
            }
        }
    }

    private static void ReadCompose(string file, YamlMappingNode root, Deployment deployment)
    {
        if (Child(root, "services") is not YamlMappingNode services)
        {
            return;
        }

        foreach (var (key, value) in services.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || value is not YamlMappingNode node)
            {
                continue;
            }

            var service = new ComposeService(file, name, ComposeDockerfile(file, node), Text(Child(node, "image")), At(file, key));
            var networkMode = Text(Child(node, "network_mode"));
            if (networkMode is not null && networkMode.StartsWith("service:", StringComparison.Ordinal))
            {
                service.NetworkOf = networkMode["service:".Length..];
            }

            if (Child(node, "ports") is YamlSequenceNode ports)
            {
                foreach (var entry in ports.Children)
                {
                    if (entry is YamlScalarNode scalar)
                    {
                        ComposeShortPort(file, name, scalar, service.Ports);
                    }
                    else if (entry is YamlMappingNode mapping)
                    {
                        var protocol = Text(Child(mapping, "protocol")) ?? "tcp";
                        var hostIp = Text(Child(mapping, "host_ip"));
                        if (Child(mapping, "target") is YamlScalarNode target)
                        {
                            AddNumbers(file, "compose", name, "target", target, 0, target.Value ?? string.Empty, protocol, null, service.Ports);
                        }

                        if (Child(mapping, "published") is YamlScalarNode published)
                        {
                            AddNumbers(file, "compose", name, "published", published, 0, published.Value ?? string.Empty, protocol, hostIp, service.Ports);
                        }
                    }
                }
            }

            if (Child(node, "expose") is YamlSequenceNode expose)
            {
                foreach (var entry in expose.Children.OfType<YamlScalarNode>())
                {
                    var written = entry.Value ?? string.Empty;
                    int slash = written.IndexOf('/');
                    AddNumbers(file, "compose", name, "expose", entry, 0, slash < 0 ? written : written[..slash], slash < 0 ? "tcp" : written[(slash + 1)..], null, service.Ports);
                }
            }

            foreach (var (variable, scalar, offset) in Environment(Child(node, "environment")))
            {
                service.ListensUnknown |= AddListen(file, "compose", name, variable, scalar, offset, service.Ports);
            }

            deployment.ComposeServices.Add(service);
        }
    }

    // "8080", "8080:80", "127.0.0.1:8080:80/udp", "[::1]:6001:6001", "8000-8010:8000-8010", "${WEB_PORT:-5000}:80".
    private static void ComposeShortPort(string file, string service, YamlScalarNode scalar, List<DeploymentPort> ports)
    {
        var value = scalar.Value ?? string.Empty;
        var protocol = "tcp";
        int slash = value.LastIndexOf('/');
        if (slash >= 0)
        {
            protocol = value[(slash + 1)..];
            value = value[..slash];
        }

        // Split on the colons that are not inside [IPv6] brackets or ${...} interpolations.
        var parts = new List<(int Start, int End)>();
        int depth = 0, start = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c is '[' or '{')
            {
                depth++;
            }
            else if (c is ']' or '}')
            {
                depth--;
            }
            else if (c == ':' && depth == 0)
            {
                parts.Add((start, i));
                start = i + 1;
            }
        }

        parts.Add((start, value.Length));
        var target = parts[^1];
        AddNumbers(file, "compose", service, "target", scalar, target.Start, value[target.Start..target.End], protocol, null, ports);
        if (parts.Count >= 2)
        {
            var published = parts[^2];
            string? hostIp = parts.Count >= 3 ? value[parts[0].Start..parts[^3].End].Trim('[', ']') : null;
            AddNumbers(file, "compose", service, "published", scalar, published.Start, value[published.Start..published.End], protocol, hostIp, ports);
        }
    }

    // build: ./dir, or build: { context: ., dockerfile: src/Api/Dockerfile }: where the service's image is defined.
    private static string? ComposeDockerfile(string file, YamlMappingNode service)
    {
        var directory = Path.GetDirectoryName(file)!;
        var build = Child(service, "build");
        if (build is YamlScalarNode context && context.Value is { } path && !path.Contains('$'))
        {
            return Path.GetFullPath(Path.Combine(directory, path, "Dockerfile"));
        }

        if (build is YamlMappingNode mapping)
        {
            var root = Text(Child(mapping, "context")) ?? ".";
            var dockerfile = Text(Child(mapping, "dockerfile")) ?? "Dockerfile";
            if (root.Contains('$') || dockerfile.Contains('$') || root.Contains("://", StringComparison.Ordinal))
            {
                return null;
            }

            return Path.GetFullPath(Path.Combine(directory, root, dockerfile));
        }

        return null;
    }

    private static void ReadKubernetes(string file, YamlMappingNode root, Deployment deployment)
    {
        var kind = Text(Child(root, "kind"));
        var name = Text(Child(Child(root, "metadata"), "name")) ?? "(unnamed)";
        if (kind is null)
        {
            return;
        }

        if (kind == "ConfigMap")
        {
            if (Child(root, "data") is YamlMappingNode data)
            {
                deployment.ConfigMaps[name] = (file, data);
            }

            return;
        }

        if (kind == "Service")
        {
            var spec = Child(root, "spec");
            var service = new KubeService(file, name, Labels(Child(spec, "selector")));
            if (Child(spec, "ports") is YamlSequenceNode ports)
            {
                foreach (var port in ports.Children.OfType<YamlMappingNode>())
                {
                    var protocol = Text(Child(port, "protocol")) ?? "TCP";
                    var owner = "Service/" + name;
                    if (Child(port, "port") is YamlScalarNode servicePort)
                    {
                        AddNumbers(file, "kubernetes", owner, "servicePort", servicePort, 0, servicePort.Value ?? string.Empty, protocol, null, service.Ports);
                    }

                    // No targetPort: it is the port itself.
                    var target = Child(port, "targetPort") as YamlScalarNode ?? Child(port, "port") as YamlScalarNode;
                    if (target is not null)
                    {
                        AddNumberOrName(file, owner, "targetPort", target, protocol, service.Ports);
                    }

                    if (Child(port, "nodePort") is YamlScalarNode nodePort)
                    {
                        AddNumbers(file, "kubernetes", owner, "nodePort", nodePort, 0, nodePort.Value ?? string.Empty, protocol, null, service.Ports);
                    }
                }
            }

            deployment.Services.Add(service);
            return;
        }

        if (!PodTemplatePaths.TryGetValue(kind, out var path))
        {
            return;
        }

        YamlNode? podSpec = root;
        foreach (var segment in path)
        {
            podSpec = Child(podSpec, segment);
        }

        // The pods' labels: the template's for controllers, the Pod's own for a Pod.
        var podMetadata = Child(kind == "Pod" ? root : Descend(root, path[..^1]), "metadata");
        var labels = Labels(Child(podMetadata, "labels"));
        var annotations = Labels(Child(podMetadata, "annotations"));
        var injected = SidecarInjectors
            .Where(i => annotations.TryGetValue(i.Annotation, out var v) && v.Equals(i.Value, StringComparison.OrdinalIgnoreCase))
            .SelectMany(i => i.Ports)
            .ToList();
        foreach (var list in new[] { "containers", "initContainers" })
        {
            if (Child(podSpec, list) is not YamlSequenceNode containers)
            {
                continue;
            }

            foreach (var c in containers.Children.OfType<YamlMappingNode>())
            {
                var containerName = Text(Child(c, "name")) ?? "(unnamed)";
                var container = new KubeContainer(file, kind + "/" + name, containerName, Text(Child(c, "image")), labels, injected);
                var owner = kind + "/" + name + "/" + containerName;
                if (Child(c, "ports") is YamlSequenceNode ports)
                {
                    foreach (var port in ports.Children.OfType<YamlMappingNode>())
                    {
                        var protocol = Text(Child(port, "protocol")) ?? "TCP";
                        var portName = Text(Child(port, "name"));
                        if (Child(port, "containerPort") is YamlScalarNode containerPort)
                        {
                            AddNumbers(file, "kubernetes", owner, "containerPort", containerPort, 0, containerPort.Value ?? string.Empty, protocol, null, container.Ports, portName);
                        }

                        if (Child(port, "hostPort") is YamlScalarNode hostPort)
                        {
                            AddNumbers(file, "kubernetes", owner, "hostPort", hostPort, 0, hostPort.Value ?? string.Empty, protocol, Text(Child(port, "hostIP")), container.Ports);
                        }
                    }
                }

                foreach (var probe in Probes)
                {
                    foreach (var action in ProbeActions)
                    {
                        if (Child(Child(Child(c, probe), action), "port") is YamlScalarNode probePort)
                        {
                            AddNumberOrName(file, owner, probe, probePort, "TCP", container.Ports);
                        }
                    }
                }

                if (Child(c, "env") is YamlSequenceNode env)
                {
                    foreach (var variable in env.Children.OfType<YamlMappingNode>())
                    {
                        if (Text(Child(variable, "name")) is not { } variableName)
                        {
                            continue;
                        }

                        if (Child(variable, "value") is YamlScalarNode value)
                        {
                            container.ListensUnknown |= AddListen(file, "kubernetes", owner, variableName, value, 0, container.Ports);
                        }
                        else if (Child(variable, "valueFrom") is not null && ListenVariables.TryGet(variableName, out _))
                        {
                            container.ListensUnknown = true; // from a Secret, a ConfigMap key or the downward API
                        }
                    }
                }

                if (Child(c, "envFrom") is YamlSequenceNode envFrom)
                {
                    foreach (var source in envFrom.Children)
                    {
                        if (Text(Child(Child(source, "configMapRef"), "name")) is { } configMap)
                        {
                            container.ConfigMaps.Add(configMap);
                        }
                    }
                }

                deployment.Containers.Add(container);
            }
        }
    }

    private static YamlNode? Descend(YamlNode? node, string[] path)
    {
        foreach (var segment in path)
        {
            node = Child(node, segment);
        }

        return node;
    }

    // environment: { ASPNETCORE_URLS: http://+:80 } or environment: [ "ASPNETCORE_URLS=http://+:80" ].
    private static IEnumerable<(string Name, YamlScalarNode Value, int Offset)> Environment(YamlNode? environment)
    {
        if (environment is YamlMappingNode map)
        {
            foreach (var (key, value) in map.Children)
            {
                if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode scalar)
                {
                    yield return (name, scalar, 0);
                }
            }
        }
        else if (environment is YamlSequenceNode list)
        {
            foreach (var scalar in list.Children.OfType<YamlScalarNode>())
            {
                var text = scalar.Value ?? string.Empty;
                int equals = text.IndexOf('=');
                if (equals > 0)
                {
                    yield return (text[..equals], scalar, equals + 1);
                }
            }
        }
    }

    /// <summary>Adds the ports a listen variable sets; true when it is one whose value cannot be read here.</summary>
    private static bool AddListen(string file, string format, string owner, string variable, YamlScalarNode scalar, int offset, List<DeploymentPort> ports)
    {
        if (!ListenVariables.TryGet(variable, out var kind))
        {
            return false;
        }

        var value = (scalar.Value ?? string.Empty)[offset..];
        if (value.Contains('$'))
        {
            return true; // ${PORT} from .env or the shell, $(PORT) from another variable: unknown here
        }

        foreach (var port in ListenVariables.Parse(value, kind) ?? new List<Discovery.PortText>())
        {
            var (line, column) = Position(scalar, offset + port.Start);
            ports.Add(new DeploymentPort(file, line, column, format, owner, DeploymentPort.ListenKind, port.Value, null, port.Scheme ?? kind.Scheme ?? "tcp", port.Host, null));
        }

        return false;
    }

    private static void AddNumberOrName(string file, string owner, string kind, YamlScalarNode scalar, string protocol, List<DeploymentPort> ports)
    {
        var value = scalar.Value ?? string.Empty;
        if (long.TryParse(value, out var number))
        {
            var (line, column) = Position(scalar, 0);
            ports.Add(new DeploymentPort(file, line, column, "kubernetes", owner, kind, number, null, protocol.ToLowerInvariant(), null, null));
        }
        else if (value.Length > 0 && !value.Contains('{'))
        {
            var (line, column) = Position(scalar, 0);
            ports.Add(new DeploymentPort(file, line, column, "kubernetes", owner, kind, null, value, protocol.ToLowerInvariant(), null, null));
        }
    }

    // One number or a range "8000-8010" (both ends); an interpolation (${PORT}) is not a port we can read.
    private static void AddNumbers(string file, string format, string owner, string kind, YamlScalarNode scalar, int offset, string text, string protocol, string? hostIp, List<DeploymentPort> ports, string? name = null)
    {
        if (text.Contains('$'))
        {
            return;
        }

        int dash = text.IndexOf('-', 1 < text.Length ? 1 : 0);
        var pieces = dash > 0 ? new[] { (0, dash), (dash + 1, text.Length) } : new[] { (0, text.Length) };
        foreach (var (from, to) in pieces)
        {
            var digits = text[from..to].Trim();
            if (digits.Length == 0 || digits.Length > 10 || !digits.All(char.IsDigit))
            {
                continue;
            }

            int lead = text[from..to].IndexOf(digits, StringComparison.Ordinal);
            var (line, column) = Position(scalar, offset + from + lead);
            ports.Add(new DeploymentPort(file, line, column, format, owner, kind, long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture), name, protocol.ToLowerInvariant(), hostIp, null));
        }
    }

    // A character's position inside a scalar: exact for plain and quoted one-line scalars; a block scalar or an
    // escaped one points at its start.
    private static (int Line, int Column) Position(YamlScalarNode scalar, int offset)
    {
        int line = (int)scalar.Start.Line, column = (int)scalar.Start.Column;
        var value = scalar.Value ?? string.Empty;
        bool oneLine = scalar.End.Line == scalar.Start.Line;
        return scalar.Style switch
        {
            YamlDotNet.Core.ScalarStyle.Plain when oneLine => (line, column + offset),
            YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted when oneLine && scalar.End.Column - scalar.Start.Column == value.Length + 2 => (line, column + 1 + offset),
            _ => (line, column),
        };
    }

    private static FileLocation At(string file, YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    private static YamlNode? Child(YamlNode? node, string key)
        => node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Text(YamlNode? node) => node is YamlScalarNode scalar ? scalar.Value : null;

    private static Dictionary<string, string> Labels(YamlNode? node)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is YamlMappingNode mapping)
        {
            foreach (var (key, value) in mapping.Children)
            {
                if (key is YamlScalarNode { Value: { } k } && value is YamlScalarNode { Value: { } v })
                {
                    labels[k] = v;
                }
            }
        }

        return labels;
    }
}
