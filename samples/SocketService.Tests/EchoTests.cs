using System.Net;
using System.Net.Sockets;
using Xunit;

public class EchoTests
{
    [Fact]
    public void Echoes()
    {
        // PORT008: a fixed port collides when test classes run in parallel or another job on the agent holds it.
        int port = 5055;
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        using var client = new TcpClient("localhost", port);
        Assert.True(client.Connected);
        listener.Stop();
    }

    [Fact]
    public void EchoesOnAFreePort()
    {
        // The way out: port 0, then read the port the OS chose.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var client = new TcpClient("localhost", port);
        Assert.True(client.Connected);
        listener.Stop();
    }

    [Theory]
    [InlineData("http://localhost:5000/", 5000)]
    [InlineData("https://localhost:7001/", 7001)]
    public void ParsesPorts(string url, int expected) => Assert.Equal(expected, new Uri(url).Port);
}
