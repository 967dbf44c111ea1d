using System.Text.Json;
using PortAnalyzers.Cli;

namespace PortAnalyzers.Cli.Tests;

/// <summary>
/// Runs the inventory once on tests/Fixtures/Deployment, a small repository: two web services that reference a
/// shared library, a tool in a second solution, Dockerfiles, docker-compose files, a k8s folder, a Helm-like template
/// that is not YAML, and a vendored compose file under node_modules.
/// </summary>
public sealed class DeploymentFixture : IAsyncLifetime
{
    public static string Folder => Path.Combine(InventoryFixture.Root, "tests", "Fixtures", "Deployment");

    public Inventory Inventory { get; private set; } = null!;

    public string Progress { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        CliCollection.RegisterMSBuild();
        foreach (var solution in new[] { "Shop.sln", "Tools.sln" })
        {
            await CliCollection.RestoreAsync(Path.Combine(Folder, solution));
        }

        var progress = new StringWriter();
        Inventory = await InventoryRunner.RunAsync(Folder, progress, verbose: false, CancellationToken.None);
        Progress = progress.ToString();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[Collection(CliCollection.Name)]
public class DeploymentTests
{
    private readonly Inventory inventory;
    private readonly string progress;

    public DeploymentTests(DeploymentFixture fixture)
    {
        inventory = fixture.Inventory;
        progress = fixture.Progress;
    }

    private DeploymentPort Port(string file, int line, string kind, long? port = null)
        => Assert.Single(inventory.Deployment, d => Formatters.Relative(inventory, d.File) == file && d.Line == line && d.Kind == kind && (port is null || d.Port == port));

    private List<CrossFileFinding> Findings(string id) => inventory.CrossFile.Where(f => f.RuleId == id).ToList();

    [Fact]
    public void Folder_with_two_solutions_and_project_references_loads_every_project_once()
    {
        Assert.Equal(new[] { "Catalog.Api", "Orders.Api", "Seeder", "Shared" }, inventory.Projects.Select(p => p.Name));
        Assert.Equal(DeploymentFixture.Folder, inventory.Root);
    }

    [Fact]
    public void Compose_short_and_long_syntax_at_their_digits()
    {
        // "      - \"5000:8080\"": the quote is column 9, the digits start at 10.
        var published = Port("docker-compose.yml", 7, "published");
        Assert.Equal((5000L, 10, "catalog-api", "Catalog.Api"), (published.Port!.Value, published.Column, published.Owner, published.Project));
        Assert.Equal(15, Port("docker-compose.yml", 7, "target").Column);

        var longTarget = Port("docker-compose.yml", 16, "target");
        Assert.Equal((80L, 17, "Orders.Api"), (longTarget.Port!.Value, longTarget.Column, longTarget.Project));
        Assert.Equal(5000, Port("docker-compose.yml", 17, "published").Port);

        var redis = Port("docker-compose.yml", 25, "published");
        Assert.Equal(("127.0.0.1", 20, (string?)null), (redis.HostIp, redis.Column, redis.Project));
        Assert.Equal(6379, Port("docker-compose.yml", 27, "expose").Port);

        // A range gives both ends; an interpolated host port (${WEB_PORT:-8088}) is unknown, its container port is not.
        Assert.Equal(new long?[] { 60100, 60101 }, inventory.Deployment.Where(d => d.Line == 33 && d.Kind == "published").Select(d => d.Port));
        Assert.All(inventory.Deployment.Where(d => d.Line == 33), d => Assert.Equal("udp", d.Protocol));
        Assert.Equal(80, Port("docker-compose.yml", 32, "target").Port);
        Assert.DoesNotContain(inventory.Deployment, d => d.Port == 8088);
    }

    [Fact]
    public void Kubernetes_ports_probes_services_and_environment_in_multi_document_files()
    {
        var containerPort = Port("k8s/catalog.yaml", 19, "containerPort");
        Assert.Equal((8080L, "http", 30, "Catalog.Api"), (containerPort.Port!.Value, containerPort.PortName, containerPort.Column, containerPort.Project));
        Assert.Equal("http", Port("k8s/catalog.yaml", 21, "readinessProbe").PortName);
        Assert.Equal(8081, Port("k8s/catalog.yaml", 25, "livenessProbe").Port);

        // The Service is the file's second document.
        Assert.Equal("web", Port("k8s/catalog.yaml", 38, "targetPort").PortName);
        Assert.Equal(30080, Port("k8s/catalog.yaml", 39, "nodePort").Port);
        Assert.Equal(8080, Port("k8s/orders.yaml", 17, "listen").Port);
    }

    [Fact]
    public void Vendored_and_unreadable_files_are_skipped_without_stopping()
    {
        Assert.DoesNotContain(inventory.Deployment, d => d.File.Contains("node_modules", StringComparison.Ordinal));
        Assert.Contains("skipped k8s/chart-template.yaml", progress);
    }

    [Fact]
    public void Two_services_publishing_one_host_port_is_PORTX02_but_one_service_in_two_compose_files_is_not()
    {
        // Also not: 127.0.0.1:6379 (redis) and 127.0.0.2:6379 (cache), two addresses.
        var finding = Assert.Single(Findings("PORTX02"));
        Assert.StartsWith("Host port 5000/tcp is published by 2 compose services", finding.Message);
        Assert.Equal(("docker-compose.yml", 17), (Formatters.Relative(inventory, finding.Location.File), finding.Location.Line));
        Assert.Contains(finding.Related, r => r.Label == "catalog-api");
    }

    [Fact]
    public void Risky_host_ports_are_PORTX03_but_an_image_publishing_its_own_port_is_not()
    {
        var findings = Findings("PORTX03");
        Assert.Contains(findings, f => f.Message.StartsWith("Host port 5000/tcp published by orders-api is held by macOS AirPlay Receiver", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.StartsWith("Host port 60100/udp published by web is in the ephemeral range", StringComparison.Ordinal));
        // redis publishes 6379 in docker-compose.yml; cache names its redis image there and publishes in the override.
        Assert.DoesNotContain(findings, f => f.Message.Contains("6379", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Message.Contains("5101", StringComparison.Ordinal));
    }

    [Fact]
    public void Container_port_the_app_does_not_listen_on_is_PORTX04()
    {
        // catalog-api shares its network namespace with the catalog-dapr sidecar: its 3500 is daprd's, not a finding.
        // orders-replica sets ASPNETCORE_HTTP_PORTS=${ORDERS_PORT}, orders-other takes a ConfigMap defined elsewhere:
        // where they listen is unknown, so their 7072 and 7071 are not judged. orders-worker's ConfigMap says 9090.
        var findings = Findings("PORTX04");
        Assert.Equal(
            new[] { ("docker-compose.yml", 16), ("k8s/orders-workers.yaml", 20) },
            findings.Select(f => (Formatters.Relative(inventory, f.Location.File), f.Location.Line)));
        Assert.Contains("sends container port 80/tcp to Orders.Api, which listens on 8080 in the container (ENV ASPNETCORE_HTTP_PORTS at Dockerfile:7)", findings[0].Message);
        Assert.Contains("sends container port 7070/tcp to Orders.Api, which listens on 8080, 9090 in the container", findings[1].Message);
        Assert.Equal(9090, Port("k8s/orders-workers.yaml", 27, "listen").Port);
    }

    [Fact]
    public void Probe_and_service_target_ports_that_match_no_container_port_are_PORTX05()
    {
        // Basket's pod has the Dapr sidecar injected: its Service may target daprd's 3500, not an undeclared 9999.
        var findings = Findings("PORTX05").Select(f => (Formatters.Relative(inventory, f.Location.File), f.Location.Line)).ToList();
        Assert.Equal(new[] { ("k8s/catalog.yaml", 25), ("k8s/catalog.yaml", 38), ("k8s/catalog.yaml", 73) }, findings);
    }

    [Fact]
    public void Host_port_also_in_another_projects_launch_profile_is_PORTX06()
    {
        var finding = Assert.Single(Findings("PORTX06"));
        Assert.Contains("Host port 5101 is published by compose service catalog-api", finding.Message);
        Assert.Contains("profile:http of Orders.Api", finding.Message);
    }

    [Fact]
    public void Ports_inside_containers_are_not_bound_by_two_projects()
    {
        // Catalog's EXPOSE 8080 and Orders' ENV ASPNETCORE_HTTP_PORTS=8080 live in two network namespaces.
        Assert.Empty(inventory.CrossProject);
        Assert.Contains(inventory.Projects.Single(p => p.Name == "Orders.Api").Entries, e => e.Port == 8080 && e.Sink == "ENV ASPNETCORE_HTTP_PORTS");
        Assert.Contains(inventory.Projects.Single(p => p.Name == "Orders.Api").Findings, f => f.RuleId == "PORT009" && f.Line == 4);
    }

    [Fact]
    public void Every_format_carries_the_deployment_ports_and_the_cross_file_findings()
    {
        var table = Formatters.Table(inventory);
        Assert.Matches(@"\n  8081\s+tcp\s+livenessProbe\s+Deployment/catalog-api/catalog-api\s+k8s/catalog\.yaml:25\s+Catalog\.Api\n", table);
        Assert.Contains("  PORTX04 docker-compose.yml:16: The compose service orders-api sends container port 80/tcp", table);

        var markdown = Formatters.Markdown(inventory);
        Assert.Contains("| 30080 | tcp | nodePort | Service/catalog-api | `k8s/catalog.yaml:39` |  |", markdown);
        Assert.Contains("- **PORTX05** `k8s/catalog.yaml:38`: Service catalog-api sends to targetPort 'web'", markdown);

        using var json = JsonDocument.Parse(Formatters.JsonDocument(inventory));
        var deployment = json.RootElement.GetProperty("deployment").EnumerateArray().ToList();
        Assert.Equal(inventory.Deployment.Count, deployment.Count);
        var nodePort = Assert.Single(deployment, d => d.GetProperty("kind").GetString() == "nodePort");
        Assert.Equal(("k8s/catalog.yaml", 39, "kubernetes"), (nodePort.GetProperty("file").GetString(), nodePort.GetProperty("line").GetInt32(), nodePort.GetProperty("format").GetString()));
        var crossFile = json.RootElement.GetProperty("crossFileFindings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ToList();
        Assert.Equal(inventory.CrossFile.Select(f => f.RuleId), crossFile);

        using var sarif = JsonDocument.Parse(Formatters.Sarif(inventory));
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Subset(rules.ToHashSet(), new HashSet<string?> { "PORTX02", "PORTX03", "PORTX04", "PORTX05", "PORTX06", "PORT009" });
        var x02 = Assert.Single(run.GetProperty("results").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "PORTX02");
        // Relative to the repository root (code scanning resolves it against the checkout), not to the inventory root.
        Assert.Equal("tests/Fixtures/Deployment/docker-compose.yml", x02.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.NotEmpty(x02.GetProperty("relatedLocations").EnumerateArray());
    }

    [Fact]
    public void Cross_file_findings_fail_the_run_at_warning()
    {
        Assert.Equal(1, Program.ExitCode(inventory with { Projects = inventory.Projects.Select(p => p with { Findings = Array.Empty<Finding>() }).ToList() }, "warning"));
        Assert.Equal(0, Program.ExitCode(inventory, "none"));
    }
}
