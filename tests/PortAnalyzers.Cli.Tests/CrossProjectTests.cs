using PortAnalyzers.Cli;

namespace PortAnalyzers.Cli.Tests;

/// <summary>PORTX01 asks PORT006's rule whether two listeners of different projects share a socket.</summary>
public class CrossProjectTests
{
    private static ProjectInventory Project(string name, string? bindAddress)
        => new(name, name + ".csproj", new[]
        {
            new PortEntry(name, 5000, "tcp", "listen", "http", name + "/appsettings.json", 2, 13, false, "Urls", "urls", Array.Empty<string>()) { BindAddress = bindAddress },
        }, Array.Empty<Finding>(), TimeSpan.Zero);

    [Fact]
    public void Listeners_on_every_interface_collide_with_any_address()
    {
        var finding = Assert.Single(Inventory.FindCollisions(new[] { Project("Api", "*"), Project("Web", "127.0.0.1") }));
        Assert.Equal(2, finding.Listeners.Count);
    }

    [Fact]
    public void Listeners_on_different_loopback_addresses_do_not_collide()
        => Assert.Empty(Inventory.FindCollisions(new[] { Project("Api", "127.0.0.1"), Project("Web", "127.0.0.2") }));
}
