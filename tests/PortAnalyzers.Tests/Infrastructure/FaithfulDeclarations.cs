namespace PortAnalyzers.Tests.Infrastructure;

/// <summary>
/// Declarations with the real signatures (namespaces, names, parameter names and defaults) of library APIs whose
/// packages do not restore from the source served here: .NET Aspire's hosting extensions and Orleans' silo
/// endpoint extensions. The analyzers match them by fully qualified name, as they match the real assemblies.
/// </summary>
internal static class FaithfulDeclarations
{
    public const string Aspire = """
        namespace Aspire.Hosting.ApplicationModel
        {
            public interface IResource { }
            public interface IResourceWithEndpoints : IResource { }
            public interface IResourceBuilder<out T> where T : IResource { }
        }

        namespace Aspire.Hosting
        {
            using Aspire.Hosting.ApplicationModel;

            public static class ResourceBuilderExtensions
            {
                public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, int? targetPort = null, string? name = null, string? env = null, bool isProxied = true)
                    where T : IResourceWithEndpoints => builder;

                public static IResourceBuilder<T> WithHttpsEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, int? targetPort = null, string? name = null, string? env = null, bool isProxied = true)
                    where T : IResourceWithEndpoints => builder;

                public static IResourceBuilder<T> WithEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, int? targetPort = null, string? scheme = null, string? name = null, string? env = null, bool isProxied = true, bool? isExternal = null, System.Net.Sockets.ProtocolType? protocol = null)
                    where T : IResourceWithEndpoints => builder;
            }
        }
        """;

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
