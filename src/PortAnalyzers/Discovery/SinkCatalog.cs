using PortAnalyzers.Model;
using static PortAnalyzers.Discovery.SinkValueKind;
using static PortAnalyzers.Model.PortRole;
using static PortAnalyzers.Model.PortTransport;

namespace PortAnalyzers.Discovery;

/// <summary>
/// The APIs that carry ports, and with which role (README "Rules": listen, connect, unknown). Types absent from a compilation are skipped;
/// library types are matched by their fully qualified metadata name, so no package reference is needed.
/// Order matters only between overload-specific lines (with parameter names) and the general line after them.
/// </summary>
internal static class SinkCatalog
{
    private const PortRole UnknownRole = PortRole.Unknown;
    private const PortTransport AnyTransport = PortTransport.Unknown;

    public static readonly SinkSpec[] All =
    {
        // System.Net.Sockets — listeners
        new("System.Net.Sockets.TcpListener", ".ctor", "port", Listen, Tcp, Port),
        new("System.Net.Sockets.TcpListener", ".ctor", "localEP", Listen, Tcp, EndPoint),
        new("System.Net.Sockets.TcpListener", "Create", "port", Listen, Tcp, Port),
        new("System.Net.Sockets.UdpClient", ".ctor", "port", Connect, Udp, Port, parameterNames: "hostname,port"),
        new("System.Net.Sockets.UdpClient", ".ctor", "port", Listen, Udp, Port),
        new("System.Net.Sockets.UdpClient", ".ctor", "localEP", Listen, Udp, EndPoint),
        new("System.Net.Sockets.Socket", "Bind", "localEP", Listen, AnyTransport, EndPoint),

        // System.Net.Sockets — clients
        new("System.Net.Sockets.TcpClient", ".ctor", "port", Connect, Tcp, Port),
        new("System.Net.Sockets.TcpClient", ".ctor", "localEP", Listen, Tcp, EndPoint),
        new("System.Net.Sockets.TcpClient", "Connect", "port", Connect, Tcp, Port),
        new("System.Net.Sockets.TcpClient", "Connect", "remoteEP", Connect, Tcp, EndPoint),
        new("System.Net.Sockets.TcpClient", "ConnectAsync", "port", Connect, Tcp, Port),
        new("System.Net.Sockets.TcpClient", "ConnectAsync", "remoteEP", Connect, Tcp, EndPoint),
        new("System.Net.Sockets.Socket", "Connect", "port", Connect, AnyTransport, Port),
        new("System.Net.Sockets.Socket", "Connect", "remoteEP", Connect, AnyTransport, EndPoint),
        new("System.Net.Sockets.Socket", "ConnectAsync", "port", Connect, AnyTransport, Port),
        new("System.Net.Sockets.Socket", "ConnectAsync", "remoteEP", Connect, AnyTransport, EndPoint),
        new("System.Net.Sockets.Socket", "SendTo", "remoteEP", Connect, AnyTransport, EndPoint),
        new("System.Net.Sockets.Socket", "SendToAsync", "remoteEP", Connect, AnyTransport, EndPoint),
        new("System.Net.Sockets.UdpClient", "Connect", "port", Connect, Udp, Port),
        new("System.Net.Sockets.UdpClient", "Connect", "endPoint", Connect, Udp, EndPoint),
        new("System.Net.Sockets.UdpClient", "Send", "port", Connect, Udp, Port),
        new("System.Net.Sockets.UdpClient", "Send", "endPoint", Connect, Udp, EndPoint),
        new("System.Net.Sockets.UdpClient", "SendAsync", "port", Connect, Udp, Port),
        new("System.Net.Sockets.UdpClient", "SendAsync", "endPoint", Connect, Udp, EndPoint),

        // Value wrappers: their role is the role of the sink they flow into.
        new("System.Net.IPEndPoint", ".ctor", "port", UnknownRole, AnyTransport, Port, isWrapper: true),
        new("System.Net.DnsEndPoint", ".ctor", "port", Connect, AnyTransport, Port, isWrapper: true),
        new("System.Uri", ".ctor", "uriString", UnknownRole, AnyTransport, Url, isWrapper: true),
        new("System.UriBuilder", ".ctor", "portNumber", Connect, AnyTransport, Port, isWrapper: true),
        new("System.UriBuilder", ".ctor", "port", Connect, AnyTransport, Port, isWrapper: true),
        new("System.UriBuilder", ".ctor", "uri", Connect, AnyTransport, Url, isWrapper: true),
        new("System.UriBuilder", "Port", "Port", Connect, AnyTransport, Port),

        // HTTP clients and mail
        new("System.Net.Http.HttpClient", "BaseAddress", "BaseAddress", Connect, Tcp, Url),
        new("System.Net.Http.HttpClient", "*", "requestUri", Connect, Tcp, Url),
        new("System.Net.Http.HttpRequestMessage", ".ctor", "requestUri", Connect, Tcp, Url),
        new("System.Net.Http.HttpRequestMessage", "RequestUri", "RequestUri", Connect, Tcp, Url),
        new("System.Net.Mail.SmtpClient", ".ctor", "port", Connect, Tcp, Port),
        new("System.Net.Mail.SmtpClient", "Port", "Port", Connect, Tcp, Port),
        new("Grpc.Net.Client.GrpcChannel", "ForAddress", "address", Connect, Tcp, Url),

        // HTTP listeners
        new("System.Net.HttpListenerPrefixCollection", "Add", "uriPrefix", Listen, Tcp, Url),
        new("Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions", "UseUrls", "urls", Listen, Tcp, UrlList, display: "IWebHostBuilder.UseUrls"),
        new("Microsoft.AspNetCore.Builder.WebApplication", "Run", "url", Listen, Tcp, Url),
        new("Microsoft.AspNetCore.Builder.WebApplication", "RunAsync", "url", Listen, Tcp, Url),
        new("Microsoft.AspNetCore.Builder.WebApplication", "Add", "item", Listen, Tcp, UrlList, receiverProperty: "Urls"),
        new("Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature", "Add", "item", Listen, Tcp, UrlList, receiverProperty: "Addresses"),
        new("Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions", "Listen", "port", Listen, Tcp, Port, scheme: "http"),
        new("Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions", "Listen", "endPoint", Listen, Tcp, EndPoint, scheme: "http"),
        new("Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions", "ListenAnyIP", "port", Listen, Tcp, Port, scheme: "http"),
        new("Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions", "ListenLocalhost", "port", Listen, Tcp, Port, scheme: "http"),

        // .NET Aspire app model: port is the host-side port the proxy binds (listen). targetPort is the port the
        // resource listens on inside its own network namespace: container role, so no PORT002/006/007 for a collision
        // that cannot happen on the host, but PORT005, since a non-root container cannot bind it below 1024.
        new("Aspire.Hosting.ResourceBuilderExtensions", "WithHttpEndpoint", "port", Listen, Tcp, Port, scheme: "http", display: "IResourceBuilder.WithHttpEndpoint"),
        new("Aspire.Hosting.ResourceBuilderExtensions", "WithHttpEndpoint", "targetPort", PortRole.Container, Tcp, Port, scheme: "http", display: "IResourceBuilder.WithHttpEndpoint"),
        new("Aspire.Hosting.ResourceBuilderExtensions", "WithHttpsEndpoint", "port", Listen, Tcp, Port, scheme: "https", display: "IResourceBuilder.WithHttpsEndpoint"),
        new("Aspire.Hosting.ResourceBuilderExtensions", "WithHttpsEndpoint", "targetPort", PortRole.Container, Tcp, Port, scheme: "https", display: "IResourceBuilder.WithHttpsEndpoint"),
        new("Aspire.Hosting.ResourceBuilderExtensions", "WithEndpoint", "port", Listen, Tcp, Port, display: "IResourceBuilder.WithEndpoint"),
        new("Aspire.Hosting.ResourceBuilderExtensions", "WithEndpoint", "targetPort", PortRole.Container, Tcp, Port, display: "IResourceBuilder.WithEndpoint"),

        // Orleans silos
        new("Orleans.Hosting.EndpointOptionsExtensions", "ConfigureEndpoints", "siloPort", Listen, Tcp, Port, display: "ISiloBuilder.ConfigureEndpoints"),
        new("Orleans.Hosting.EndpointOptionsExtensions", "ConfigureEndpoints", "gatewayPort", Listen, Tcp, Port, display: "ISiloBuilder.ConfigureEndpoints"),
        new("Orleans.Hosting.CoreHostingExtensions", "UseLocalhostClustering", "siloPort", Listen, Tcp, Port, display: "ISiloBuilder.UseLocalhostClustering"),
        new("Orleans.Hosting.CoreHostingExtensions", "UseLocalhostClustering", "gatewayPort", Listen, Tcp, Port, display: "ISiloBuilder.UseLocalhostClustering"),

        // Connection strings of common clients (any parameter named connectionString is one too).
        new("StackExchange.Redis.ConnectionMultiplexer", "Connect", "configuration", Connect, Tcp, ConnectionString),
        new("StackExchange.Redis.ConnectionMultiplexer", "ConnectAsync", "configuration", Connect, Tcp, ConnectionString),
        new("StackExchange.Redis.ConfigurationOptions", "Parse", "configuration", Connect, Tcp, ConnectionString),
        new("StackExchange.Redis.EndPointCollection", "Add", "port", Connect, Tcp, Port),
        new("StackExchange.Redis.EndPointCollection", "Add", "hostAndPort", Connect, Tcp, ConnectionString),

        // MailKit mail clients (SMTP, IMAP, POP3): Connect(host, port, ...) on the interface, the base class and each
        // client, since a call binds to the override of the type it is made on.
        new("MailKit.IMailService", "Connect", "port", Connect, Tcp, Port),
        new("MailKit.IMailService", "ConnectAsync", "port", Connect, Tcp, Port),
        new("MailKit.MailService", "Connect", "port", Connect, Tcp, Port),
        new("MailKit.MailService", "ConnectAsync", "port", Connect, Tcp, Port),
        new("MailKit.Net.Smtp.SmtpClient", "Connect", "port", Connect, Tcp, Port),
        new("MailKit.Net.Smtp.SmtpClient", "ConnectAsync", "port", Connect, Tcp, Port),
        new("MailKit.Net.Imap.ImapClient", "Connect", "port", Connect, Tcp, Port),
        new("MailKit.Net.Imap.ImapClient", "ConnectAsync", "port", Connect, Tcp, Port),
        new("MailKit.Net.Pop3.Pop3Client", "Connect", "port", Connect, Tcp, Port),
        new("MailKit.Net.Pop3.Pop3Client", "ConnectAsync", "port", Connect, Tcp, Port),

        // YARP: destinations are where the proxy forwards to.
        new("Yarp.ReverseProxy.Configuration.DestinationConfig", "Address", "Address", Connect, Tcp, Url),
        new("Yarp.ReverseProxy.Configuration.DestinationConfig", "Health", "Health", Connect, Tcp, Url),
        new("Yarp.ReverseProxy.Forwarder.IHttpForwarder", "SendAsync", "destinationPrefix", Connect, Tcp, Url),
    };
}
