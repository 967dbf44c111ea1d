using System.Net;
using System.Net.Sockets;

var listener = new TcpListener(IPAddress.Any, 8765);
listener.Start();
Console.WriteLine(listener.LocalEndpoint);
