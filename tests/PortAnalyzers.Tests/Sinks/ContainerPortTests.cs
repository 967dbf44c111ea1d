using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Sinks;

/// <summary>
/// Container ports (ContainerPort, TargetPort, Aspire targetPort): the port a container listens on in its own network.
/// No collision with host software, but a non-root container (the .NET 8+ images' app user) cannot bind below 1024.
/// </summary>
public class ContainerPortTests
{
    private static readonly string[] RoleRules = { "PORT001", "PORT002", "PORT005", "PORT006", "PORT007" };

    [Fact]
    public Task Members_and_parameters_named_for_a_container_port_are_privileged_below_1024()
        => Verify.AnalyzerAsync("""
            class ServiceSpec { public int ContainerPort { get; set; } public int TargetPort { get; set; } public int HostPort { get; set; } }
            class C
            {
                void Expose(int containerPort) { }
                void M()
                {
                    var spec = new ServiceSpec { ContainerPort = {|PORT005:80|}, TargetPort = {|PORT005:443|}, HostPort = 8080 };
                    spec.ContainerPort = {|PORT005:22|};
                    Expose({|PORT005:25|});
                    Expose(containerPort: 8080);
                }
            }
            """, RoleRules);

    [Fact]
    public Task Container_ports_do_not_collide_with_host_software_or_each_other()
        => Verify.AnalyzerAsync("""
            class ServiceSpec { public int ContainerPort { get; set; } }
            class C
            {
                void M()
                {
                    var redis = new ServiceSpec { ContainerPort = 6379 };
                    var airplay = new ServiceSpec { ContainerPort = 5000 };
                    var x11 = new ServiceSpec { ContainerPort = 6000 };
                    var again = new ServiceSpec { ContainerPort = 6379 };
                }
            }
            """, RoleRules);

    [Fact]
    public Task A_container_port_in_the_ephemeral_range_is_still_reported()
        => Verify.AnalyzerAsync("""
            class ServiceSpec { public int ContainerPort { get; set; } }
            class C { object M() => new ServiceSpec { ContainerPort = {|PORT001:60251|} }; }
            """, RoleRules);
}
