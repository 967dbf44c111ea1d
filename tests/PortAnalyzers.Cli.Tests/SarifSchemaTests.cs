using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using PortAnalyzers.Cli;

namespace PortAnalyzers.Cli.Tests;

/// <summary>port-inventory's SARIF against the OASIS SARIF 2.1.0 JSON schema, and what GitHub code scanning needs beyond it.</summary>
[Collection(CliCollection.Name)]
public class SarifSchemaTests
{
    private readonly Inventory inventory;
    private readonly Inventory deployment;

    public SarifSchemaTests(InventoryFixture fixture, DeploymentFixture deploymentFixture)
    {
        inventory = fixture.Inventory;
        deployment = deploymentFixture.Inventory;
    }

    // Built once: the library registers a schema by its $id, and a second registration of the same $id is refused.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-schema-2.1.0.json")));

    public static IReadOnlyList<string> SchemaErrors(string sarif)
    {
        var schema = Schema.Value;
        using var document = JsonDocument.Parse(sarif);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? Array.Empty<string>()
            : (result.Details ?? new List<EvaluationResults>()).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}")).ToList();
    }

    [Fact]
    public void The_validator_rejects_what_the_schema_forbids()
    {
        // A test that cannot fail is no test: the same validator must reject a broken document.
        Assert.NotEmpty(SchemaErrors("""{ "version": "2.1.0", "runs": [ { "tool": { "driver": { } }, "results": [ { "level": "loud" } ] } ] }"""));
        Assert.Empty(SchemaErrors("""{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "x" } }, "results": [] } ] }"""));
    }

    [Fact]
    public void Inventory_sarif_is_valid_against_the_2_1_0_schema()
    {
        Assert.Empty(SchemaErrors(Formatters.Sarif(inventory)));
        Assert.Empty(SchemaErrors(Formatters.Sarif(deployment)));
    }

    [Fact]
    public void Inventory_sarif_has_what_github_code_scanning_reads()
    {
        var root = JsonNode.Parse(Formatters.Sarif(inventory, sourceRoot: InventoryFixture.Root, category: "ports/inventory"))!;
        var run = root["runs"]![0]!;
        var driver = run["tool"]!["driver"]!;
        Assert.Matches(@"^\d+\.\d+\.\d+", (string)driver["version"]!);
        Assert.Equal("ports/inventory/", (string)run["automationDetails"]!["id"]!);
        Assert.Equal(new Uri(InventoryFixture.Root.TrimEnd('/') + "/").AbsoluteUri, (string)run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"]!);

        var rules = driver["rules"]!.AsArray();
        foreach (var id in new[] { "PORT001", "PORT003", "PORT009", "PORT101", "PORTX01", "PORTX06" })
        {
            var rule = Assert.Single(rules, r => (string)r!["id"]! == id)!;
            Assert.Matches("^[A-Z][A-Za-z0-9]+$", (string)rule["name"]!);
            Assert.False(string.IsNullOrWhiteSpace((string)rule["shortDescription"]!["text"]!));
            Assert.False(string.IsNullOrWhiteSpace((string)rule["fullDescription"]!["text"]!));
            Assert.StartsWith("https://", (string)rule["helpUri"]!);
            Assert.Contains((string)rule["defaultConfiguration"]!["level"]!, new[] { "error", "warning", "note" });
        }

        Assert.Equal("note", (string)Assert.Single(rules, r => (string)r!["id"]! == "PORT003")!["defaultConfiguration"]!["level"]!);
        var results = run["results"]!.AsArray();
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            var location = result!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;
            Assert.Equal("%SRCROOT%", (string)location["uriBaseId"]!);
            var uri = (string)location["uri"]!;
            Assert.StartsWith("tests/Fixtures/Inventory/", uri);
            Assert.True(File.Exists(Path.Combine(InventoryFixture.Root, uri)), uri);
            Assert.Equal(RuleId(result), (string)rules[(int)result["ruleIndex"]!]!["id"]!);
        }

        static string RuleId(JsonNode? result) => (string)result!["ruleId"]!;
    }

    [Fact]
    public void Repository_root_is_found_above_the_solution_folder()
        => Assert.Equal(InventoryFixture.Root, Formatters.FindSourceRoot(Path.Combine(InventoryFixture.Root, "tests", "Fixtures", "Inventory")));
}

/// <summary>The compiler's own SARIF (an ErrorLog build with the analyzers) against the same schema, as docs/ci.md uploads it.</summary>
[Collection(CliCollection.Name)]
public class ErrorLogSarifTests
{
    [Fact]
    public async Task ErrorLog_of_a_build_with_the_analyzers_is_valid_sarif_2_1_0_with_port_results()
    {
        var directory = Directory.CreateTempSubdirectory("port-errorlog").FullName;
        var analyzer = typeof(PortAnalyzers.Analyzers.CSharpPortAnalyzer).Assembly.Location;
        await File.WriteAllTextAsync(Path.Combine(directory, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>Exe</OutputType></PropertyGroup>
              <ItemGroup>
                <Analyzer Include="{analyzer}" />
                <AdditionalFiles Include="appsettings.json" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), "var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, 60251);\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "appsettings.json"), "{ \"Urls\": \"http://localhost:61100\" }\n");
        var sarif = Path.Combine(directory, "App.sarif");
        var build = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet", $"build \"{directory}\" -nologo -p:ErrorLog=\"{sarif}%2Cversion=2.1\"") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = build.StandardOutput.ReadToEndAsync();
        var stderr = build.StandardError.ReadToEndAsync();
        await build.WaitForExitAsync();
        Assert.True(build.ExitCode == 0, await stdout + await stderr);

        var text = await File.ReadAllTextAsync(sarif);
        Assert.Empty(SarifSchemaTests.SchemaErrors(text));
        var results = JsonNode.Parse(text)!["runs"]![0]!["results"]!.AsArray().Select(r => (string)r!["ruleId"]!).ToList();
        Assert.Contains("PORT001", results);
        Assert.Contains("PORT002", results);
    }
}
