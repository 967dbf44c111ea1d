namespace PortAnalyzers.Tests.Infrastructure;

/// <summary>
/// Declarations with the real signatures (namespaces, names, parameter names and defaults) of library APIs whose
/// packages do not restore from the source served here: Orleans' silo endpoint extensions (.NET Aspire's restore, and
/// are tested through TestReferences.Aspire). The analyzers match them by fully qualified name, as they match the real assemblies.
/// </summary>
internal static class FaithfulDeclarations
{
    public const string Orleans = """
        namespace Orleans.Hosting
        {
            public interface ISiloBuilder { }

            public static class EndpointOptionsExtensions
            {
                public static ISiloBuilder ConfigureEndpoints(this ISiloBuilder builder, System.Net.IPAddress advertisedIP, int siloPort, int gatewayPort, bool listenOnAnyHostAddress = false) => builder;

                public static ISiloBuilder ConfigureEndpoints(this ISiloBuilder builder, string hostname, int siloPort, int gatewayPort, System.Net.Sockets.AddressFamily addressFamily = System.Net.Sockets.AddressFamily.InterNetwork, bool listenOnAnyHostAddress = false) => builder;

                public static ISiloBuilder ConfigureEndpoints(this ISiloBuilder builder, int siloPort, int gatewayPort, System.Net.Sockets.AddressFamily addressFamily = System.Net.Sockets.AddressFamily.InterNetwork, bool listenOnAnyHostAddress = false) => builder;
            }

            public static class CoreHostingExtensions
            {
                public static ISiloBuilder UseLocalhostClustering(this ISiloBuilder builder, int siloPort = 11111, int gatewayPort = 30000, System.Net.IPEndPoint? primarySiloEndpoint = null, string serviceId = "dev", string clusterId = "dev") => builder;
            }
        }
        """;
}
