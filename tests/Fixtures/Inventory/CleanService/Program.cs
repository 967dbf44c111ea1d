using System.Net;
using System.Net.Sockets;

var listener = new TcpListener(IPAddress.Loopback, 0);
listener.Start();
Console.WriteLine(listener.LocalEndpoint);
