using System.Net;
using System.Net.Sockets;

int port = int.TryParse(Environment.GetEnvironmentVariable("CLEAN_SERVICE_PORT"), out var configured) ? configured : 0;
var listener = new TcpListener(IPAddress.Loopback, port);
listener.Start();
Console.WriteLine($"Listening on {listener.LocalEndpoint}");

// Numbers near networking code that are not ports.
listener.Server.ReceiveTimeout = 30000;
var buffer = new byte[8192];
var statusCode = 404;
var retries = 5;
Console.WriteLine($"{buffer.Length} {statusCode} {retries} {TimeSpan.FromMilliseconds(60000)}");
listener.Stop();
