using System.Net;
using System.Net.Sockets;
using OrdersApi;

var builder = WebApplication.CreateBuilder(args);

// The public endpoints.
builder.WebHost.UseUrls("http://localhost:5080", "https://localhost:5443");

const int AdminPort = 8088; // the admin endpoint, also announced below
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.ListenAnyIP(AdminPort);
    kestrel.ListenLocalhost(9464); // metrics
});

builder.Services.AddHostedService<HeartbeatService>();

var app = builder.Build();
app.Urls.Add("http://0.0.0.0:7080");
app.MapGet("/", () => $"admin on {AdminPort}");

int replicationPort = 7400;
var replication = new TcpListener(IPAddress.Any, replicationPort);
replication.Start();

app.Run("http://localhost:5090");
