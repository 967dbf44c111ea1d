using System.Net.Sockets;

namespace OrdersApi;

/// <summary>Sends a UDP heartbeat to the monitoring station.</summary>
public sealed class HeartbeatService : BackgroundService
{
    private const int MonitorPort = 7531;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var udp = new UdpClient();
        while (!stoppingToken.IsCancellationRequested)
        {
            await udp.SendAsync(new byte[] { 1 }, "monitor.internal", MonitorPort, stoppingToken);
            await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
        }
    }
}
