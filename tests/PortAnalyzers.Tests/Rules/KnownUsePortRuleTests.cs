using Microsoft.CodeAnalysis.Testing;
using PortAnalyzers.Knowledge;
using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Rules;

public class KnownUsePortRuleTests
{
    private const string Usings = "using System.Net;\nusing System.Net.Sockets;\n";

    /// <summary>Every port of every curated row that holds its port (single ports and small ranges' ends).</summary>
    public static TheoryData<int, string, bool> HolderPorts()
    {
        var data = new TheoryData<int, string, bool>();
        var seen = new HashSet<(int, bool)>();
        foreach (var row in KnownPortUseTable.Rows.Where(r => r.HoldsPort))
        {
            bool udpOnly = row.Transports == PortTransportMask.Udp;
            foreach (var port in new[] { row.Range.Start, row.Range.End }.Distinct())
            {
                if (seen.Add((port, udpOnly)))
                {
                    data.Add(port, row.Name, udpOnly);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HolderPorts))]
    public Task Each_curated_holder_triggers_PORT002_for_a_listener(int port, string expectedName, bool udp)
    {
        var holder = KnownPortUseTable.FindHolder(port, udp ? Model.PortTransport.Udp : Model.PortTransport.Tcp)!;
        Assert.NotNull(holder);
        Assert.Equal(expectedName, holder.Name); // the narrowest holder row answers for its own ports
        var inRange = port >= 49152 ? " and lies in the IANA ephemeral range 49152\u201365535" : string.Empty;
        var sink = udp ? $"new UdpClient({{|#0:{port}|}})" : $"new TcpListener(IPAddress.Any, {{|#0:{port}|}})";
        return Verify.AnalyzerAsync(
            Usings + $"class C {{ object M() => {sink}; }}",
            null,
            new[] { "PORT002" },
            Verify.Diagnostic("PORT002").WithLocation(0).WithArguments((long)port, holder.Name, holder.ShortSource, inRange));
    }

    [Fact]
    public void Required_holders_are_in_the_table()
    {
        foreach (var port in new[] { 59882, 60163, 60251, 60257, 60312, 60653, 61100, 62013, 63146 })
        {
            Assert.Equal("Apple Xsan Filesystem Access", KnownPortUseTable.FindHolder(port, Model.PortTransport.Tcp)?.Name);
        }

        Assert.Equal("macOS AirPlay Receiver", KnownPortUseTable.FindHolder(5000, Model.PortTransport.Tcp)?.Name);
        Assert.Equal("macOS AirPlay Receiver", KnownPortUseTable.FindHolder(7000, Model.PortTransport.Tcp)?.Name);
        foreach (var (port, name) in new[]
        {
            (1433, "SQL Server"), (5432, "PostgreSQL"), (3306, "MySQL"), (6379, "Redis"), (27017, "MongoDB"), (5672, "RabbitMQ"),
            (9092, "Kafka"), (2181, "ZooKeeper"), (9200, "Elasticsearch"), (8500, "Consul"), (2379, "etcd"), (2375, "Docker"),
            (6443, "Kubernetes"), (9090, "Prometheus"), (4317, "OTLP"), (5341, "Seq"), (10000, "Azurite"), (3500, "Dapr"),
            (51820, "WireGuard"), (50000, "Hyper-V"), (50059, "Hyper-V"),
        })
        {
            Assert.Contains(name, KnownPortUseTable.FindHolder(port, Model.PortTransport.Unknown)?.Name ?? "(none)");
        }

        Assert.Contains(KnownPortUseTable.FindAll(60001), r => r.Name == "mosh");
        Assert.Contains(KnownPortUseTable.FindAll(8081), r => r.Name.Contains("Cosmos"));
        Assert.Contains(KnownPortUseTable.FindAll(11111), r => r.Name.Contains("Orleans"));
    }

    [Theory]
    [InlineData(8080)]   // container default and http-alt
    [InlineData(8081)]   // container HTTPS default (and Cosmos emulator)
    [InlineData(5001)]   // old Kestrel HTTPS default
    [InlineData(11111)]  // Orleans silo default: your own silo uses it
    [InlineData(30000)]  // Orleans gateway default, NodePort range start
    [InlineData(7071)]   // Azure Functions host: your own app
    [InlineData(44300)]  // IIS Express SSL range
    [InlineData(15000)]  // Aspire template range
    [InlineData(5200)]   // ASP.NET Core template range
    [InlineData(52000)]  // inside the whole-range Xsan and Windows dynamic rows only
    [InlineData(32000)]  // Kubernetes NodePort range
    [InlineData(60001)]  // mosh UDP range
    public Task Framework_defaults_and_ranges_never_trigger_PORT002(int port)
        => Verify.AnalyzerAsync(Usings + $"class C {{ object M() => new TcpListener(IPAddress.Any, {port}); object N() => new UdpClient({port}); }}", "PORT002");

    [Fact]
    public Task Connect_and_unknown_roles_never_trigger_PORT002()
        => Verify.AnalyzerAsync(Usings + "class C { object M() => new TcpClient(\"db\", 5432); IPEndPoint E = new IPEndPoint(IPAddress.Any, 6379); }", "PORT002");

    [Fact]
    public Task Udp_listener_on_a_tcp_only_holder_is_not_a_collision()
        => Verify.AnalyzerAsync(Usings + "class C { object M() => new UdpClient(5432); object N() => new UdpClient({|PORT002:51820|}); }", "PORT002");

    [Fact]
    public Task Iana_mode_reports_registered_ports_curated_mode_does_not()
    {
        var source = Usings + "class C { object M() => new TcpListener(IPAddress.Any, {|#0:8443|}); }";
        return Task.WhenAll(
            Verify.AnalyzerAsync(Usings + "class C { object M() => new TcpListener(IPAddress.Any, 8443); }", "PORT002"),
            Verify.AnalyzerAsync(
                source,
                "port_analyzers.known_uses = iana",
                new[] { "PORT002" },
                Verify.Diagnostic("PORT002").WithLocation(0).WithArguments(8443L, "'pcsync-https' (IANA registration)", IanaRegistry.Source, string.Empty)));
    }

    [Fact]
    public Task Iana_mode_still_prefers_the_curated_name()
        => Verify.AnalyzerAsync(
            Usings + "class C { object M() => new TcpListener(IPAddress.Any, {|#0:5432|}); }",
            "port_analyzers.known_uses = iana",
            new[] { "PORT002" },
            Verify.Diagnostic("PORT002").WithLocation(0).WithArguments(5432L, "PostgreSQL", KnownPortUseTable.FindHolder(5432, Model.PortTransport.Tcp)!.ShortSource, string.Empty));

    [Fact]
    public Task None_mode_turns_PORT002_off()
        => Verify.AnalyzerAsync(Usings + "class C { object M() => new TcpListener(IPAddress.Any, 5432); }", "port_analyzers.known_uses = none", new[] { "PORT002" });

    [Fact]
    public Task Allowed_port_is_not_reported_as_a_collision()
        => Verify.AnalyzerAsync(Usings + "class C { object M() => new TcpListener(IPAddress.Any, 5432); }", "port_analyzers.allowed_ports = 5432", new[] { "PORT002" });

    [Fact]
    public void Lookups_do_not_allocate()
    {
        KnownPortUseTable.FindHolder(63146, Model.PortTransport.Tcp);
        IanaRegistry.Find(8443, Model.PortTransport.Tcp);
        BrowserBadPorts.Contains(6000);
        EphemeralRangePresets.Linux.Ranges.Contains(6000); // first use builds the presets: warm every table measured below
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int port = 0; port < 65536; port++)
        {
            KnownPortUseTable.FindHolder(port, Model.PortTransport.Unknown);
            IanaRegistry.Find(port, Model.PortTransport.Unknown);
            BrowserBadPorts.Contains(port);
            EphemeralRangePresets.Linux.Ranges.Contains(port);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
