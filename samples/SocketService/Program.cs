using System.Net;
using System.Net.Sockets;

// PORT001 (IANA ephemeral range), PORT002 (Apple Xsan Filesystem Access), PORT003 (hardcoded).
var listener = new TcpListener(IPAddress.Any, 63146);
listener.Start();

// PORT005 (privileged: needs root on Linux) and PORT003.
using var syslog = new UdpClient(514);

// PORT006: a second listener on the same port and transport (PORT001/002/003 too).
const int ReplicaPort = 63146;
var replica = new TcpListener(IPAddress.Loopback, ReplicaPort);

// PORT002: Redis holds 6379 on a developer machine (and PORT003).
var cache = TcpListener.Create(6379);

// PORT004: not a port at all; IPEndPoint throws ArgumentOutOfRangeException.
var broken = new IPEndPoint(IPAddress.Loopback, 70000);

// Not ports: timeouts, sizes, counts, backlog. None of these is reported.
listener.Server.ReceiveTimeout = 60000;
var buffer = new byte[65536];
listener.Server.Listen(50000);
Thread.Sleep(50);

Console.WriteLine($"{replica.LocalEndpoint} {cache.LocalEndpoint} {broken} {buffer.Length}");
