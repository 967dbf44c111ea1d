using System.Diagnostics;
using Microsoft.Build.Locator;

// The inventory tests restore fixture solutions with `dotnet restore` and load them with MSBuildWorkspace. Run in
// parallel, two classes restored the same projects at once (each IClassFixture instance ran its own restore of
// Inventory.sln while the deployment fixture restored Shop.sln and Tools.sln): concurrent writes of one
// obj/project.assets.json and a first-time package extraction on a fresh machine race, and a test then loads a
// half-written project. One collection, one instance of each fixture, one test at a time: deterministic.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace PortAnalyzers.Cli.Tests;

[CollectionDefinition(Name)]
public sealed class CliCollection : ICollectionFixture<InventoryFixture>, ICollectionFixture<DeploymentFixture>
{
    public const string Name = "port-inventory";

    private static readonly object Gate = new();

    /// <summary>Registers the SDK's MSBuild once for the whole assembly, whichever fixture or test comes first.</summary>
    public static void RegisterMSBuild()
    {
        lock (Gate)
        {
            if (!MSBuildLocator.IsRegistered)
            {
                MSBuildLocator.RegisterDefaults();
            }
        }
    }

    /// <summary>`dotnet restore` of one fixture, with its output in the failure message when it fails.</summary>
    public static async Task RestoreAsync(string path)
    {
        var restore = Process.Start(new ProcessStartInfo("dotnet", $"restore \"{path}\" -nologo") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = restore.StandardOutput.ReadToEndAsync();
        var stderr = restore.StandardError.ReadToEndAsync();
        await restore.WaitForExitAsync();
        Assert.True(restore.ExitCode == 0, $"dotnet restore {path} exited {restore.ExitCode}:\n{await stdout}\n{await stderr}");
    }
}
