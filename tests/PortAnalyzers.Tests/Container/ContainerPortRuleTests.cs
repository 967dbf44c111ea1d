using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Container;

/// <summary>PORT009: what the container exposes against where the app listens in it.</summary>
public class ContainerPortRuleTests
{
    private const string NoCode = "class Program { }";

    private const string Aspnet8 = "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n";

    // PORT009 has two descriptors (one per direction): markup takes the first, ids and locations are what is checked.
    private static CSharpAnalyzerTest<Analyzers.CSharpPortAnalyzer, DefaultVerifier> Create(string code, string? editorConfig = null)
    {
        var test = Verify.Create(code, editorConfig, new[] { "PORT009" });
        test.MarkupOptions = MarkupOptions.UseFirstDescriptor;
        return test;
    }

    private static Task RunAsync(string code, params (string Name, string Text)[] files)
    {
        var test = Create(code);
        foreach (var file in files)
        {
            test.TestState.AdditionalFiles.Add(file);
        }

        return test.RunAsync();
    }

    [Fact]
    public Task Net8_image_with_nothing_set_listens_on_8080_so_expose_80_is_reported()
        => RunAsync(NoCode, ("/0/Dockerfile", Aspnet8 + "USER app\nEXPOSE {|PORT009:80|}\nEXPOSE 8080\n"));

    [Fact]
    public Task Net6_image_with_nothing_set_listens_on_80()
        => RunAsync(NoCode, ("/0/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:6.0-alpine\nEXPOSE 80\nEXPOSE {|PORT009:8080|}\n"));

    [Fact]
    public Task Message_names_the_image_default()
    {
        var test = Create(NoCode);
        test.TestState.AdditionalFiles.Add(("/0/Dockerfile", Aspnet8 + "EXPOSE {|#0:80|}\n"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("PORT009").WithLocation(0).WithArguments("Dockerfile", "80", "8080", "the default of the .NET 8+ images (ASPNETCORE_HTTP_PORTS=8080)"));
        return test.RunAsync();
    }

    // dotnet/dotnet-docker's samples/aspnetapp/Dockerfile.windowsservercore-iis: IIS hosts the app and listens on 80.
    [Fact]
    public Task Iis_in_front_of_the_app_listens_on_80()
        => RunAsync(NoCode, ("/0/Dockerfile.iis", """
            # escape=`
            FROM mcr.microsoft.com/dotnet/aspnet:10.0-windowsservercore-ltsc2022 AS final
            RUN powershell -Command `
                    Add-WindowsFeature Web-Server; `
                    Remove-Item -Recurse C:\inetpub\wwwroot\*
            FROM final
            EXPOSE 80 {|PORT009:8080|}
            ENTRYPOINT ["C:\\ServiceMonitor.exe", "w3svc"]
            """));

    [Fact]
    public Task Env_http_ports_replaces_the_default()
        => RunAsync(NoCode, ("/0/Dockerfile", Aspnet8 + "ENV ASPNETCORE_HTTP_PORTS=5000\nEXPOSE 5000 {|PORT009:8080|}\n"));

    [Fact]
    public Task Raw_listener_beside_kestrel_leaves_the_default_in_force_and_https_ports_add_to_it()
        => RunAsync(
            "class Program { static object A() => new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, 9000); }",
            ("/0/Dockerfile", Aspnet8 + "ENV ASPNETCORE_HTTPS_PORTS=8081\nEXPOSE 8080 8081 9000 {|PORT009:80|}\n"));

    [Fact]
    public Task App_without_aspnetcore_has_no_default_http_port()
    {
        var test = Create("class Program { static object A() => new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, 9000); }");
        test.ReferenceAssemblies = TestReferences.Net80;
        test.TestState.AdditionalFiles.Add(("/0/Dockerfile", "FROM mcr.microsoft.com/dotnet/runtime:8.0\nEXPOSE 9000 {|PORT009:8080|}\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task App_without_aspnetcore_and_without_listeners_is_not_judged()
    {
        var test = Create(NoCode);
        test.ReferenceAssemblies = TestReferences.Net80;
        test.TestState.AdditionalFiles.Add(("/0/Dockerfile", "FROM mcr.microsoft.com/dotnet/runtime:8.0\nEXPOSE 8080\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Urls_on_the_command_line_count()
        => RunAsync(NoCode, ("/0/Dockerfile", Aspnet8 + "EXPOSE 5001\nENTRYPOINT [\"dotnet\", \"Api.dll\", \"--urls\", \"http://+:5001\"]\n"));

    [Fact]
    public Task Appsettings_count_but_development_settings_and_launch_profiles_do_not()
        => RunAsync(
            NoCode,
            ("/0/Dockerfile", Aspnet8 + "EXPOSE 5100 {|PORT009:5200|} {|PORT009:5300|}\n"),
            ("/0/appsettings.json", "{ \"Urls\": \"http://+:5100\" }"),
            ("/0/appsettings.Development.json", "{ \"Urls\": \"http://+:5200\" }"),
            ("/0/Properties/launchSettings.json", "{ \"profiles\": { \"http\": { \"applicationUrl\": \"http://localhost:5300\" } } }"));

    [Fact]
    public Task Code_listeners_count_and_one_not_exposed_is_reported_at_the_code()
        => RunAsync(
            """
            class Program
            {
                static void Main()
                {
                    var app = Microsoft.AspNetCore.Builder.WebApplication.Create();
                    app.Urls.Add("http://+:5400");
                    app.Urls.Add("http://+:{|PORT009:5401|}");
                    app.Urls.Add("http://localhost:5402");
                }
            }
            """,
            ("/0/Dockerfile", Aspnet8 + "EXPOSE 5400\n"));

    [Fact]
    public Task Reverse_finding_has_the_expose_line_as_additional_location()
    {
        var test = Create(NoCode);
        test.TestState.AdditionalFiles.Add(("/0/Dockerfile", Aspnet8 + "EXPOSE {|#1:5500|}\n"));
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", "{ \"Kestrel\": { \"Endpoints\": { \"A\": { \"Url\": \"http://*:5500\" }, \"B\": { \"Url\": \"https://*:{|#0:5501|}\" } } } }"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("PORT009").WithLocation(0).WithLocation(1).WithArguments(5501L, "Kestrel:Endpoints:B:Url", "Dockerfile", "5500"));
        return test.RunAsync();
    }

    [Fact]
    public Task Image_that_is_not_a_dotnet_image_and_sets_nothing_is_not_judged()
        => RunAsync(NoCode, ("/0/Dockerfile", "FROM nginx:1.27\nEXPOSE 80\n"));

    [Fact]
    public Task Only_the_final_stage_and_the_stages_it_is_built_from_make_the_image()
        => RunAsync(NoCode, ("/0/Dockerfile", """
            FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base
            EXPOSE {|PORT009:80|}
            FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
            EXPOSE 9999
            ENV ASPNETCORE_HTTP_PORTS=9999
            FROM base AS final
            EXPOSE 8080
            """));

    [Fact]
    public Task Variables_that_cannot_be_followed_leave_the_image_unjudged()
        => RunAsync(NoCode, ("/0/Dockerfile", Aspnet8 + "ARG APP_PORT=5000\nENV ASPNETCORE_HTTP_PORTS=$APP_PORT\nEXPOSE $APP_PORT\n"));

    [Fact]
    public Task Listen_variable_set_at_run_time_leaves_the_exposed_ports_unjudged()
        => RunAsync(NoCode, ("/0/Dockerfile", Aspnet8 + "ENV ASPNETCORE_URLS=http://0.0.0.0:${PORT}\nEXPOSE 80\n"));

    [Fact]
    public Task Followed_variable_counts_as_the_listen_port()
        => RunAsync(NoCode, ("/0/Dockerfile", Aspnet8 + "ARG APP_PORT=5000\nENV ASPNETCORE_HTTP_PORTS=$APP_PORT\nEXPOSE 5000 {|PORT009:8080|}\n"));

    [Fact]
    public Task A_later_arg_default_overrides_an_earlier_one_and_a_global_arg_is_brought_in_by_name()
        => RunAsync(NoCode, ("/0/Dockerfile", """
            ARG GLOBAL_PORT=7100
            FROM mcr.microsoft.com/dotnet/aspnet:8.0
            ARG APP_PORT=5000
            ARG APP_PORT=6000
            ARG GLOBAL_PORT
            ENV ASPNETCORE_HTTP_PORTS=$APP_PORT HTTPS_PORTS=${GLOBAL_PORT}
            EXPOSE 6000 7100 {|PORT009:5000|}
            """));

    [Fact]
    public Task Arg_alone_ends_with_the_build_and_sets_no_listen_port()
        => RunAsync(NoCode, ("/0/Dockerfile", Aspnet8 + "ARG ASPNETCORE_HTTP_PORTS=5000\nEXPOSE {|PORT009:5000|}\n"));

    [Fact]
    public Task Ranges_and_transports()
        => RunAsync(
            """
            class Program
            {
                static object A() => new System.Net.Sockets.UdpClient(5353);
                static object B() => new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, {|PORT009:5354|});
            }
            """,
            ("/0/Dockerfile", Aspnet8 + "ENV HTTP_PORTS=8005\nEXPOSE 8000-8010 5353/udp {|PORT009:5354|}/udp\n"));

    [Fact]
    public Task Sdk_container_items_are_judged_like_a_dockerfile()
        => RunAsync(NoCode, ("/0/Api.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <ItemGroup>
                <ContainerPort Include="8080" Type="tcp" />
                <ContainerPort Include="{|PORT009:80|}" Type="tcp" />
              </ItemGroup>
            </Project>
            """));

    [Fact]
    public Task Sdk_container_environment_sets_the_listen_port()
        => RunAsync(NoCode, ("/0/Api.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <ItemGroup>
                <ContainerPort Include="80" />
                <ContainerEnvironmentVariable Include="ASPNETCORE_HTTP_PORTS" Value="80" />
              </ItemGroup>
            </Project>
            """));

    [Fact]
    public Task Project_without_container_files_is_silent()
        => RunAsync(
            "class Program { static object A() => new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, 5800); }",
            ("/0/appsettings.json", "{ \"Urls\": \"http://+:5801\" }"));

    [Fact]
    public Task Severity_none_turns_it_off()
    {
        var test = Create(NoCode, "dotnet_diagnostic.PORT009.severity = none\n");
        test.TestState.AdditionalFiles.Add(("/0/Dockerfile", Aspnet8 + "EXPOSE 80\n"));
        return test.RunAsync();
    }
}
