using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Sinks;

public class SocketSinkTests
{
    [Fact]
    public Task TcpListener_with_ephemeral_literal_is_a_listener()
        => Verify.AnalyzerAsync("""
            using System.Net;
            using System.Net.Sockets;
            class C
            {
                void M() => new TcpListener(IPAddress.Any, {|PORT001:{|PORT002:{|PORT003:60251|}|}|});
            }
            """);
}
