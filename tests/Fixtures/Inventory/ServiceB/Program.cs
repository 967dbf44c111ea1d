using System.Net;
using System.Net.Sockets;

int port = int.TryParse(Environment.GetEnvironmentVariable("SERVICE_B_PORT"), out var configured) ? configured : 0;
var listener = new TcpListener(IPAddress.Loopback, port);
listener.Start();
Console.WriteLine(listener.LocalEndpoint);
