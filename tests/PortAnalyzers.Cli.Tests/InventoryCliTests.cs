using System.Text.Json;
using PortAnalyzers.Cli;

namespace PortAnalyzers.Cli.Tests;

/// <summary>Restores the fixture solution once and runs the inventory on it once (a collection fixture); each test reads that result.</summary>
public sealed class InventoryFixture : IAsyncLifetime
{
    public static readonly string Root = FindRoot();

    public static string Solution => Path.Combine(Root, "tests", "Fixtures", "Inventory", "Inventory.sln");

    public Inventory Inventory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        CliCollection.RegisterMSBuild();
        await CliCollection.RestoreAsync(Solution);
        Inventory = await InventoryRunner.RunAsync(Solution, TextWriter.Null, verbose: false, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PortAnalyzers.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }
}

[Collection(CliCollection.Name)]
public class InventoryCliTests
{
    private readonly Inventory inventory;

    public InventoryCliTests(InventoryFixture fixture) => inventory = fixture.Inventory;

    [Fact]
    public void Table_has_a_row_per_port_with_transport_role_source_value_and_rules()
    {
        var table = Formatters.Table(inventory);
        Assert.Matches(@"ServiceA \(ServiceA/ServiceA\.csproj\)", table);
        Assert.Matches(@"\n  8765\s+tcp\s+listen\s+ServiceA/Program\.cs:4\s+hardcoded\s+PORT003\n", table);
        Assert.Matches(@"\n  5310\s+tcp\s+listen\s+ServiceA/Properties/launchSettings\.json:3\s+configured\s+-\n", table);
        Assert.Matches(@"\n  8765\s+tcp\s+listen\s+ServiceB/appsettings\.json:4\s+configured\s+-\n", table);
        Assert.Contains("PORTX01 Port 8765/tcp is bound by 2 projects: ServiceA (Program.cs:4), ServiceB (appsettings.json:4)", table);
    }

    [Fact]
    public void Json_document_follows_the_documented_schema()
    {
        using var json = JsonDocument.Parse(Formatters.JsonDocument(inventory));
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        var projects = root.GetProperty("projects").EnumerateArray().ToList();
        Assert.Equal(new[] { "CleanService", "ServiceA", "ServiceB" }, projects.Select(p => p.GetProperty("name").GetString()));

        var serviceA = projects[1].GetProperty("ports").EnumerateArray().ToList();
        var listener = Assert.Single(serviceA, p => p.GetProperty("file").GetString() == "ServiceA/Program.cs");
        Assert.Equal(8765, listener.GetProperty("port").GetInt64());
        Assert.Equal("listen", listener.GetProperty("role").GetString());
        Assert.True(listener.GetProperty("hardcoded").GetBoolean());
        Assert.Equal(new[] { "PORT003" }, listener.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("new TcpListener(...)", listener.GetProperty("sink").GetString());

        var profile = Assert.Single(serviceA, p => p.GetProperty("port").GetInt64() == 5310);
        Assert.Equal("profile:ServiceA", profile.GetProperty("scope").GetString());
        Assert.False(profile.GetProperty("hardcoded").GetBoolean());

        var cross = Assert.Single(root.GetProperty("crossProjectFindings").EnumerateArray());
        Assert.Equal("PORTX01", cross.GetProperty("ruleId").GetString());
        Assert.Equal(8765, cross.GetProperty("port").GetInt64());
        Assert.Equal(new[] { "ServiceA", "ServiceB" }, cross.GetProperty("listeners").EnumerateArray().Select(l => l.GetProperty("project").GetString()));
    }

    [Fact]
    public void Sarif_document_has_the_2_1_0_structure()
    {
        using var sarif = JsonDocument.Parse(Formatters.Sarif(inventory));
        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Contains("sarif-2.1.0", root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("port-inventory", driver.GetProperty("name").GetString());
        var ruleIds = driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            Assert.Contains(result.GetProperty("ruleId").GetString(), ruleIds);
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "error", "warning", "note", "none" });
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.False(Path.IsPathRooted(location.GetProperty("artifactLocation").GetProperty("uri").GetString()));
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
            Assert.True(location.GetProperty("region").GetProperty("startColumn").GetInt32() >= 1);
        }

        var cross = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "PORTX01");
        Assert.Equal("ServiceB", cross.GetProperty("relatedLocations")[0].GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void Markdown_has_a_table_per_project_and_the_collision()
    {
        var markdown = Formatters.Markdown(inventory);
        Assert.Contains("## ServiceB", markdown);
        Assert.Contains("| 8765 | tcp | listen | `ServiceB/appsettings.json:4` | configured |  |", markdown);
        Assert.Contains("- **8765/tcp**: ServiceA (`ServiceA/Program.cs:4`), ServiceB (`ServiceB/appsettings.json:4`)", markdown);
    }

    [Theory]
    [InlineData("warning", 1)]
    [InlineData("error", 0)]
    [InlineData("none", 0)]
    public void Exit_code_follows_the_fail_on_threshold(string failOn, int expected)
        => Assert.Equal(expected, Program.ExitCode(inventory, failOn));
}

[Collection(CliCollection.Name)]
public class InventoryLoadFailureTests
{
    [Fact]
    public async Task Missing_path_exits_2_with_one_line()
    {
        var error = new StringWriter();
        int code = await Program.RunAsync(new[] { "/no/such/Solution.sln" }, TextWriter.Null, error);
        Assert.Equal(2, code);
        Assert.Equal("port-inventory: /no/such/Solution.sln does not exist", error.ToString().Trim());
    }

    [Fact]
    public async Task Broken_project_file_exits_2_with_the_reason()
    {
        var directory = Directory.CreateTempSubdirectory();
        var project = Path.Combine(directory.FullName, "Broken.csproj");
        await File.WriteAllTextAsync(project, "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>");
        var error = new StringWriter();
        int code = await Program.RunAsync(new[] { project }, TextWriter.Null, error);
        Assert.Equal(2, code);
        // Progress lines come first on standard error; the reason is the last line, alone, without a stack trace.
        var lines = error.ToString().Trim().Split('\n');
        var message = lines[^1];
        Assert.StartsWith("port-inventory: could not load", message);
        Assert.Contains("Broken.csproj", message);
        Assert.DoesNotContain(lines, l => l.Contains("   at "));
    }

    [Fact]
    public async Task Clean_project_alone_exits_0()
    {
        var output = new StringWriter();
        int code = await Program.RunAsync(new[] { Path.Combine(InventoryFixture.Root, "tests", "Fixtures", "Inventory", "CleanService", "CleanService.csproj"), "--format", "json" }, output, TextWriter.Null);
        Assert.Equal(0, code);
        Assert.Contains("\"crossProjectFindings\": []", output.ToString());
    }
}

[Collection(CliCollection.Name)]
public class CommandLineTests
{
    private readonly Inventory inventory;

    public CommandLineTests(InventoryFixture fixture) => inventory = fixture.Inventory;

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await Program.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Help_lists_the_options_and_exits_0()
    {
        var (code, output, _) = await Run("--help");
        Assert.Equal(0, code);
        foreach (var option in new[] { "--format", "--output", "--fail-on", "--baseline", "--sarif-category", "--source-root", "--verbose" })
        {
            Assert.Contains(option, output);
        }
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--fail-on", "critical")]
    [InlineData("--baseline", "/no/such/inventory.json")]
    public async Task Invalid_options_exit_2_with_the_reason(string option, string value)
    {
        var (code, _, error) = await Run(InventoryFixture.Solution, option, value);
        Assert.Equal(2, code);
        Assert.Contains(value, error);
    }

    [Fact]
    public async Task No_path_exits_2()
        => Assert.Equal(2, (await Run()).Code);

    [Fact]
    public async Task Review_against_itself_reports_nothing_and_exits_0()
    {
        var baseline = Path.Combine(Directory.CreateTempSubdirectory().FullName, "inventory.json");
        await File.WriteAllTextAsync(baseline, Formatters.JsonDocument(inventory));
        var (code, output, _) = await Run(InventoryFixture.Solution, "--baseline", baseline);
        Assert.Equal(0, code);
        Assert.Contains("No port added, removed or changed, and no new finding", output);
    }

    [Fact]
    public void Review_reports_added_removed_changed_ports_and_new_findings()
    {
        var current = InventorySnapshot.Parse(Formatters.JsonDocument(inventory));
        var ports = current.Ports.ToList();
        var listener = ports.Single(p => p.File == "ServiceA/Program.cs" && p.Port == 8765);
        var profile = ports.Single(p => p.Port == 5310);
        // The base branch: the listener had another value and sat two lines lower, the profile port did not exist, and
        // a port since removed was there; the PORTX01 collision and the PORT003 finding of ServiceA are new.
        var basePorts = ports.Where(p => p != listener && p != profile)
            .Append(listener with { Port = 8700, Line = listener.Line + 2 })
            .Append(new SnapshotPort("ServiceB", 9999, "tcp", "listen", "ServiceB/Program.cs", 3, "new TcpListener(...)", null, true))
            .ToList();
        var baseFindings = current.Findings.Where(f => f.RuleId != "PORTX01" && !(f.RuleId == "PORT003" && f.File == "ServiceA/Program.cs")).ToList();
        var review = Review.Compare(new InventorySnapshot(basePorts, baseFindings), current);

        Assert.Equal(5310, Assert.Single(review.Added).Port);
        Assert.Equal(9999, Assert.Single(review.Removed).Port);
        var (before, after) = Assert.Single(review.Changed);
        Assert.Equal((8700L, 8765L), (before.Port, after.Port));
        Assert.Equal(new[] { "PORT003", "PORTX01" }, review.NewFindings.Select(f => f.RuleId).OrderBy(r => r));
        Assert.True(review.Fails("warning"));   // PORTX01 is a warning
        Assert.False(review.Fails("error"));
        Assert.False(review.Fails("none"));

        var markdown = review.Markdown("main.json");
        Assert.Contains("### New findings", markdown);
        Assert.Contains("| ServiceA | value | 8700/tcp listen", markdown);
        Assert.Contains("### Ports added", markdown);
        Assert.Contains("| ServiceB | 9999 | tcp | listen | `ServiceB/Program.cs:3` | hardcoded |", markdown);
    }

    [Fact]
    public void A_moved_line_is_no_change()
    {
        var current = InventorySnapshot.Parse(Formatters.JsonDocument(inventory));
        var moved = new InventorySnapshot(current.Ports.Select(p => p with { Line = p.Line + 10 }).ToList(), current.Findings.Select(f => f with { Line = f.Line + 10 }).ToList());
        Assert.True(Review.Compare(moved, current).IsEmpty);
    }
}
