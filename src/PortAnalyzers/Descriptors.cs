using Microsoft.CodeAnalysis;

namespace PortAnalyzers;

/// <summary>Every diagnostic the package reports: id, title, message, category, severity and help link.</summary>
internal static class Descriptors
{
    public const string HelpLinkBase = "https://github.com/portanalyzers/portanalyzers/blob/main/docs/rules/";

    private const string Reliability = "PortAnalyzers.Reliability";
    private const string Configuration = "PortAnalyzers.Configuration";
    private const string Correctness = "PortAnalyzers.Correctness";
    private const string Portability = "PortAnalyzers.Portability";

    public static readonly DiagnosticDescriptor EphemeralPort = Create(
        DiagnosticIds.EphemeralPort,
        "Port is in the ephemeral range",
        "Port {0} is in the ephemeral range {1} ({2}); the OS may lend it to an outgoing connection and the bind will then fail intermittently with 'address already in use'. Move it below {3} or read it from configuration.",
        Reliability,
        DiagnosticSeverity.Warning,
        "Operating systems hand ports of their dynamic (ephemeral) range to outgoing connections. A listener bound to a port in that range works on one machine and fails on another whenever the port was lent to a client socket.");

    public static readonly DiagnosticDescriptor KnownUsePort = Create(
        DiagnosticIds.KnownUsePort,
        "Port collides with a known service",
        "Port {0} is used by {1} ({2}){3}; a listener on it collides with that software. Choose another port or read it from configuration.",
        Reliability,
        DiagnosticSeverity.Warning,
        "Some ports are held by well-known software on developer machines and servers (Apple Xsan, macOS AirPlay Receiver, databases, brokers, caches). A service that binds the same port fails to start or steals traffic.");

    public static readonly DiagnosticDescriptor HardcodedPort = Create(
        DiagnosticIds.HardcodedPort,
        "Port is hardcoded",
        "Port {0} is hardcoded in {1}; read it from configuration so that it can change per environment without a rebuild",
        Configuration,
        DiagnosticSeverity.Info,
        "A port written in code cannot be changed per environment (development, CI, containers, production) without a rebuild. It belongs in configuration: appsettings.json, an environment variable or the command line.");

    public static readonly DiagnosticDescriptor OutOfRangePort = Create(
        DiagnosticIds.OutOfRangePort,
        "Port is out of range",
        "{0} is not a valid port: ports are 0–65535, so {1} at run time",
        Correctness,
        DiagnosticSeverity.Error,
        "TCP and UDP ports are 16-bit numbers. A value below 0 or above 65535 throws ArgumentOutOfRangeException in the socket APIs and makes URLs and configuration values fail to parse.");

    public static readonly DiagnosticDescriptor PrivilegedPort = Create(
        DiagnosticIds.PrivilegedPort,
        "Privileged port",
        "Port {0} is privileged (1–1023): binding it needs root or CAP_NET_BIND_SERVICE on Linux and fails in non-root containers. Use a port of 1024 or above, or read it from configuration.",
        Portability,
        DiagnosticSeverity.Info,
        "On Linux, binding a port below 1024 requires root or the CAP_NET_BIND_SERVICE capability. Container images that run as a non-root user (the .NET 8+ default) cannot bind them.");

    public static readonly DiagnosticDescriptor DuplicateBinding = Create(
        DiagnosticIds.DuplicateBinding,
        "Port is bound twice",
        "Port {0}/{1} is already bound by another listener ({2}); the second bind fails with 'address already in use'",
        Reliability,
        DiagnosticSeverity.Warning,
        "Two listeners in one project on the same port and transport cannot both bind: the second one fails at run time.",
        WellKnownDiagnosticTags.CompilationEnd);

    // The same rule for configuration files: reported per file as it is read, so not a compilation-end diagnostic.
    public static readonly DiagnosticDescriptor DuplicateBindingInFile = Create(
        DiagnosticIds.DuplicateBinding,
        "Port is bound twice",
        "Port {0}/{1} is already bound by another listener ({2}); the second bind fails with 'address already in use'",
        Reliability,
        DiagnosticSeverity.Warning,
        "Two listeners in one project on the same port and transport cannot both bind: the second one fails at run time.");

    public static readonly DiagnosticDescriptor BrowserUnsafePort = Create(
        DiagnosticIds.BrowserUnsafePort,
        "Browsers refuse this port",
        "Port {0} ({1}) is on the browsers' bad-port list: the service answers curl, but every browser refuses it with ERR_UNSAFE_PORT. Choose another port.",
        Reliability,
        DiagnosticSeverity.Warning,
        "The WHATWG Fetch standard blocks HTTP(S) requests to a list of ports used by other protocols (SMTP, IRC, SIP, X11...). Chrome, Firefox and Safari refuse them, so an HTTP service there cannot be opened in a browser.");

    public static readonly DiagnosticDescriptor TestFixedPort = Create(
        DiagnosticIds.TestFixedPort,
        "Test listens on a fixed port",
        "Port {0} is a fixed port bound by test code ({1}); test classes that run in parallel, and other jobs on a shared CI agent, collide on it with 'address already in use'. Bind port 0 and read the bound port back, use ListenLocalhost(0) with IServerAddressesFeature, or host the app in WebApplicationFactory/TestServer.",
        Reliability,
        DiagnosticSeverity.Warning,
        "A listener on a fixed port in a test works alone and flakes in a full run: the test runner executes test classes in parallel, and a CI agent runs other jobs beside it. Port 0 lets the OS pick a free port; the test then reads the port it got (TcpListener.LocalEndpoint, Socket.LocalEndPoint, IServerAddressesFeature) and connects to that.");

    public static readonly DiagnosticDescriptor InvalidOption = Create(
        DiagnosticIds.InvalidOption,
        "Invalid PortAnalyzers option",
        "The value '{0}' of option '{1}' is not valid: {2}. The default ({3}) is used.",
        Configuration,
        DiagnosticSeverity.Warning,
        "A PortAnalyzers option in .editorconfig, a global config or an MSBuild property could not be read. The analyzers fall back to the default for that option.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UnreadableConfigurationFile = Create(
        DiagnosticIds.UnreadableConfigurationFile,
        "Configuration file cannot be read",
        "{0} cannot be read as JSON ({1}); its ports are not checked",
        Configuration,
        DiagnosticSeverity.Warning,
        "A configuration file that PortAnalyzers reads for ports is not valid JSON. The application would fail to load it too.");

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description, params string[] tags)
        => new(id, title, message, category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLinkBase + id + ".md", customTags: tags);
}
