using Microsoft.CodeAnalysis.Text;
using PortAnalyzers.Container;
using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Container;

/// <summary>Ports in Dockerfiles, judged by the per-port rules at their own digits (ConfigurationFilePortAnalyzer).</summary>
public class DockerfileTests
{
    private static readonly string[] PerPort = { "PORT001", "PORT002", "PORT004", "PORT005", "PORT006", "PORT007" };

    [Fact]
    public Task Expose_with_protocols_and_ranges()
        => VerifyConfiguration.AnalyzerAsync("/0/Dockerfile", """
            FROM mcr.microsoft.com/dotnet/aspnet:8.0
            EXPOSE {|PORT005:80|} 8080/tcp {|PORT001:60001|}/udp
            EXPOSE {|PORT001:60100|}-{|PORT001:60110|}/tcp
            EXPOSE {|PORT004:70000|}
            EXPOSE 8080
            """, PerPort);

    [Fact]
    public Task Listen_variables_in_env_and_arg_in_every_form()
        => VerifyConfiguration.AnalyzerAsync("/0/Dockerfile", """
            ARG ASPNETCORE_HTTP_PORTS={|PORT001:50080|}
            FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base
            ENV ASPNETCORE_URLS="http://+:{|PORT007:6000|};http://+:8080" OTHER=1
            ENV ASPNETCORE_HTTPS_PORTS {|PORT002:5432|}
            ENV HTTP_PORTS={|PORT001:61200|};8081
            ENV Logging__Port=60000 TIMEOUT=50000
            """, PerPort);

    [Fact]
    public Task Urls_on_the_command_line_in_exec_and_shell_form()
        => VerifyConfiguration.AnalyzerAsync("/0/Api.Dockerfile", """
            FROM mcr.microsoft.com/dotnet/aspnet:9.0
            ENTRYPOINT ["dotnet", "Api.dll", "--urls", "http://+:{|PORT001:61111|}"]
            CMD dotnet Api.dll --urls=http://*:{|PORT007:6665|} --port 60000
            """, PerPort);

    [Fact]
    public Task Continuations_and_comment_lines_inside_them_keep_exact_positions()
        => VerifyConfiguration.AnalyzerAsync("/0/Dockerfile", """
            FROM mcr.microsoft.com/dotnet/aspnet:8.0
            EXPOSE 8080 \
              # a comment line inside the continuation is dropped
                {|PORT001:61300|}/udp \

                {|PORT005:443|}
            ENV A=1 \
                ASPNETCORE_HTTP_PORTS={|PORT001:61301|}
            """, PerPort);

    [Fact]
    public Task Escape_directive_makes_the_backtick_the_continuation()
        => VerifyConfiguration.AnalyzerAsync("/0/Dockerfile", """
            # escape=`
            FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022
            EXPOSE 8080 `
                   {|PORT001:61302|}
            RUN dir c:\ports\60000
            """, PerPort);

    [Fact]
    public Task Traps_comments_run_lines_heredocs_variables_and_other_keys_are_not_ports()
        => VerifyConfiguration.AnalyzerAsync("/0/Dockerfile", """
            # EXPOSE 60000 in a comment
            FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
            RUN apt-get install -y curl=7.88 && sleep 50000 && echo EXPOSE 60001
            RUN <<EOF
            EXPOSE 60002
            ENV ASPNETCORE_HTTP_PORTS=60003
            EOF
            ARG PORT
            EXPOSE $PORT ${OTHER_PORT}/udp
            ENV ASPNETCORE_HTTP_PORTS=$PORT
            ENV ASPNETCORE_URLS=http://+:${PORT}
            LABEL version=60004 org.opencontainers.image.port=60005
            HEALTHCHECK CMD curl -f http://localhost:60006/health || exit 1
            EXPOSE 0x50 8080/sctp
            """, PerPort);

    [Fact]
    public Task A_variable_is_judged_once_where_its_value_is_written()
        => VerifyConfiguration.AnalyzerAsync("/0/Dockerfile", """
            FROM mcr.microsoft.com/dotnet/aspnet:8.0
            ARG APP_PORT={|PORT002:5000|}
            ENV ASPNETCORE_HTTP_PORTS=$APP_PORT
            ENV HTTP_PORTS=${APP_PORT}
            """, PerPort);

    [Fact]
    public Task Port_said_twice_in_a_dockerfile_is_not_bound_twice()
        => VerifyConfiguration.AnalyzerAsync("/0/Dockerfile", """
            FROM mcr.microsoft.com/dotnet/aspnet:8.0
            ENV ASPNETCORE_HTTP_PORTS=5100
            EXPOSE 5100
            EXPOSE 5100/tcp
            """, PerPort);

    [Fact]
    public Task Dockerfile_dot_variant_names_are_dockerfiles_but_the_ignore_file_is_not()
        => VerifyConfiguration.AnalyzerAsync(
            new[] { ("/0/Dockerfile.alpine", "EXPOSE {|PORT001:61500|}\n"), ("/0/Dockerfile.dockerignore", "EXPOSE 61501\n") },
            null,
            PerPort);

    [Fact]
    public Task Other_file_is_read_as_a_dockerfile_when_configured()
        => VerifyConfiguration.AnalyzerAsync(
            new[] { ("/0/Containerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE {|PORT001:61400|}\n"), ("/0/notes.txt", "EXPOSE 61401\n") },
            "[/0/Containerfile]\nport_analyzers.configuration_file = dockerfile\n",
            PerPort);

    [Theory]
    [InlineData("")]
    [InlineData("EXPOSE")]
    [InlineData("EXPOSE \\")]
    [InlineData("\\\n\\\n")]
    [InlineData("ENV =")]
    [InlineData("ENV ASPNETCORE_URLS=\"")]
    [InlineData("ENV ASPNETCORE_HTTP_PORTS=${")]
    [InlineData("FROM")]
    [InlineData("FROM a AS")]
    [InlineData("RUN <<")]
    [InlineData("RUN <<EOF\nEXPOSE 1")]
    [InlineData("CMD [\"--urls\"")]
    [InlineData("CMD --urls=")]
    [InlineData("EXPOSE 1-\nEXPOSE -1\nEXPOSE 99999999999999999999/tcp\nEXPOSE /udp")]
    [InlineData("# escape=")]
    [InlineData("\uFEFF\r\n\r\nEXPOSE 8080\r\n")]
    public void Broken_input_never_throws_and_locations_stay_in_the_file(string dockerfile)
    {
        var text = SourceText.From(dockerfile);
        var result = DockerfilePortDiscovery.Discover("/0/Dockerfile", text);
        foreach (var occurrence in result.Occurrences)
        {
            Assert.InRange(occurrence.Location.SourceSpan.End, 0, dockerfile.Length);
        }
    }

    [Fact]
    public void Random_and_huge_input_never_throws_and_positions_show_the_digits()
    {
        var random = new Random(7);
        string[] pieces = { "EXPOSE ", "ENV ", "ARG ", "FROM ", "CMD ", "ENTRYPOINT ", "RUN ", "ASPNETCORE_URLS=", "ASPNETCORE_HTTP_PORTS=", "http://+:", "8080", "61000", "/udp", "-", "$", "{", "}", "\"", "'", "\\", "\n", "\r\n", " ", "#", "<<EOF", "EOF", "[", "]", ",", "--urls", "=", ";" };
        for (int round = 0; round < 3000; round++)
        {
            var sb = new System.Text.StringBuilder();
            int count = random.Next(0, 40);
            for (int i = 0; i < count; i++)
            {
                sb.Append(pieces[random.Next(pieces.Length)]);
            }

            var dockerfile = sb.ToString();
            var result = DockerfilePortDiscovery.Discover("/0/Dockerfile", SourceText.From(dockerfile));
            foreach (var occurrence in result.Occurrences)
            {
                var span = occurrence.Location.SourceSpan;
                var written = dockerfile.Substring(span.Start, span.Length);
                Assert.True(long.TryParse(written, out var value) && value == occurrence.Value, $"'{written}' at {span} is not {occurrence.Value} in:\n{dockerfile}");
            }
        }

        var huge = new System.Text.StringBuilder("FROM mcr.microsoft.com/dotnet/aspnet:8.0\n");
        for (int i = 0; i < 200_000; i++)
        {
            huge.Append("EXPOSE 8080 \\\n  # comment\n  61000/udp\n");
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var many = DockerfilePortDiscovery.Discover("/0/Dockerfile", SourceText.From(huge.ToString()));
        Assert.Equal(400_000, many.Occurrences.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"{watch.Elapsed} for {huge.Length} characters");
    }
}
