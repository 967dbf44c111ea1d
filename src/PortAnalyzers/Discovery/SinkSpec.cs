using PortAnalyzers.Model;

namespace PortAnalyzers.Discovery;

/// <summary>How the value that reaches a sink parameter carries its port.</summary>
internal enum SinkValueKind : byte
{
    /// <summary>An integer port.</summary>
    Port,

    /// <summary>An IPEndPoint/DnsEndPoint: the port is inside the endpoint's creation.</summary>
    EndPoint,

    /// <summary>A URL string or Uri ("http://*:5000").</summary>
    Url,

    /// <summary>URLs separated by ';', or a params string[] of URLs (UseUrls, ASPNETCORE_URLS).</summary>
    UrlList,

    /// <summary>A connection string ("Server=tcp:host,1433", "Port=5432", "host:6379", "mongodb://host:27017").</summary>
    ConnectionString,
}

/// <summary>
/// One line of the sink catalogue: a parameter (or property) of a framework API that carries a port, and
/// what the API does with it. Adding an API is adding one of these.
/// </summary>
internal sealed class SinkSpec
{
    public SinkSpec(
        string type,
        string member,
        string parameter,
        PortRole role,
        PortTransport transport,
        SinkValueKind kind,
        string? scheme = null,
        string? parameterNames = null,
        bool isWrapper = false,
        string? receiverProperty = null,
        string? display = null)
    {
        Type = type;
        Member = member;
        Parameter = parameter;
        Role = role;
        Transport = transport;
        Kind = kind;
        Scheme = scheme;
        ParameterNames = parameterNames;
        IsWrapper = isWrapper;
        ReceiverProperty = receiverProperty;
        Display = display ?? BuildDisplay(type, member, receiverProperty);
    }

    // Fields rather than auto-properties here and in the other per-callback data types (ResolvedValue, the resolved
    // sinks, the rule registry): in a fresh compiler process every getter is a method the JIT compiles on first use,
    // and tier-0 code calls it instead of inlining it.

    /// <summary>Metadata name of the declaring type ("System.Net.Sockets.TcpListener").</summary>
    public readonly string Type;

    /// <summary>".ctor", a method name, a property name, or "*" for every method of the type.</summary>
    public readonly string Member;

    /// <summary>Name of the parameter that carries the port ("value" is not used: properties name themselves).</summary>
    public readonly string Parameter;

    public readonly PortRole Role;

    public readonly PortTransport Transport;

    public readonly SinkValueKind Kind;

    /// <summary>Scheme implied by the API when the value is a bare number (Kestrel, Aspire HTTP endpoints: "http").</summary>
    public readonly string? Scheme;

    /// <summary>When set, only the overload whose parameter names are exactly these ("hostname,port").</summary>
    public readonly string? ParameterNames;

    /// <summary>
    /// A value wrapper (IPEndPoint, DnsEndPoint, Uri, UriBuilder): the role is that of the sink the wrapper
    /// flows into; <see cref="Role"/> is used when it flows into none.
    /// </summary>
    public readonly bool IsWrapper;

    /// <summary>For collection sinks such as WebApplication.Urls.Add: the property whose collection's Add is the sink.</summary>
    public readonly string? ReceiverProperty;

    /// <summary>"new TcpListener(...)", "TcpListener.Create", "WebApplication.Urls.Add".</summary>
    public readonly string Display;

    private static string BuildDisplay(string type, string member, string? receiverProperty)
    {
        var simple = type.Substring(type.LastIndexOf('.') + 1);
        int tick = simple.IndexOf('`');
        if (tick >= 0)
        {
            simple = simple.Substring(0, tick);
        }

        if (receiverProperty is not null)
        {
            return simple + "." + receiverProperty + "." + member;
        }

        return member switch
        {
            ".ctor" => "new " + simple + "(...)",
            "*" => simple + " methods",
            _ => simple + "." + member,
        };
    }
}
