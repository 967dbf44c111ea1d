using System.Text;

namespace PortAnalyzers.Benchmarks;

/// <summary>
/// Generates C# that looks like service code: socket and HTTP setup with ports (a few in the ephemeral range),
/// URLs, connection strings, and many numbers that are not ports (timeouts, sizes, counts, status codes) next to
/// them, plus ordinary code (loops, LINQ, string formatting) around. Deterministic for a given size.
/// </summary>
internal static class CorpusGenerator
{
    private const int LinesPerFile = 400;

    public static List<(string Path, string Text)> Generate(int lines)
    {
        var files = new List<(string, string)>();
        int fileCount = Math.Max(1, lines / LinesPerFile);
        for (int f = 0; f < fileCount; f++)
        {
            files.Add(($"/corpus/Service{f}.cs", File(f)));
        }

        return files;
    }

    /// <summary>One appsettings.json and one launchSettings.json per 10k lines (a project's worth of code).</summary>
    public static List<(string Path, string Text)> ConfigurationFiles(int lines)
    {
        var files = new List<(string, string)>();
        for (int p = 0; p < Math.Max(1, lines / 10_000); p++)
        {
            files.Add(($"/corpus/p{p}/appsettings.json", $$"""
                {
                  // service {{p}}
                  "Logging": { "LogLevel": { "Default": "Information", "Microsoft.AspNetCore": "Warning" } },
                  "AllowedHosts": "*",
                  "Kestrel": { "Endpoints": { "Http": { "Url": "http://localhost:{{5100 + p % 500}}" }, "Admin": { "Url": "http://*:{{50000 + p % 9000}}" } } },
                  "ConnectionStrings": { "Db": "Host=db;Port=5432;Database=s{{p}}", "Cache": "cache:6379,abortConnect=false" },
                  "Smtp": { "Host": "mail", "Port": 2525, "TimeoutMs": 60000 },
                  "Downstream": { "BaseUrl": "https://orders:8443/api", "RetryCount": 5, "MaxBodySize": 65536 },
                }
                """));
            files.Add(($"/corpus/p{p}/Properties/launchSettings.json", $$"""
                {
                  "profiles": {
                    "http": { "commandName": "Project", "applicationUrl": "http://localhost:{{5200 + p % 90}}", "environmentVariables": { "ASPNETCORE_ENVIRONMENT": "Development" } },
                    "https": { "commandName": "Project", "applicationUrl": "https://localhost:{{7200 + p % 90}};http://localhost:{{5200 + p % 90}}" }
                  },
                  "iisSettings": { "iisExpress": { "applicationUrl": "http://localhost:{{40000 + p}}", "sslPort": {{44300 + p % 99}} } }
                }
                """));
        }

        return files;
    }

    /// <summary>One file of about <paramref name="lines"/> lines (the IDE measurement's open document).</summary>
    public static (string Path, string Text) LargeFile(int index, int lines) => ($"/corpus/Open{index}.cs", File(index, lines));

    private static string File(int index, int lines = LinesPerFile)
    {
        var sb = new StringBuilder(lines * 48);
        sb.AppendLine("using System;");
        sb.AppendLine("using System.Collections.Generic;");
        sb.AppendLine("using System.Linq;");
        sb.AppendLine("using System.Net;");
        sb.AppendLine("using System.Net.Http;");
        sb.AppendLine("using System.Net.Sockets;");
        sb.AppendLine("using System.Threading;");
        sb.AppendLine("using System.Threading.Tasks;");
        sb.AppendLine($"namespace Corpus.N{index % 50};");
        sb.AppendLine($"public sealed class Service{index}");
        sb.AppendLine("{");
        sb.AppendLine($"    private const int AdminPort = {9000 + index % 500};");
        sb.AppendLine($"    private static readonly int MetricsPort = {50000 + index % 15000};");
        sb.AppendLine("    private readonly HttpClient http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };");
        sb.AppendLine("    private readonly byte[] buffer = new byte[65536];");
        sb.AppendLine("    public int Port { get; set; } = 8080;");
        int line = 16;
        int method = 0;
        while (line < lines - 30)
        {
            line += Method(sb, index, method++);
        }

        sb.AppendLine("}");
        return sb.ToString();
    }

    // Each method is about 25 lines; one in four sets up a listener or a client, the rest is ordinary code.
    private static int Method(StringBuilder sb, int file, int m)
    {
        int seed = (file * 31) + m;
        switch (m % 4)
        {
            case 0:
                sb.AppendLine($"    public TcpListener Listen{m}()");
                sb.AppendLine("    {");
                sb.AppendLine($"        var listener = new TcpListener(IPAddress.Any, {(seed % 7 == 0 ? 60000 + seed % 5000 : 8000 + seed % 900)});");
                sb.AppendLine("        listener.Server.ReceiveTimeout = 60000;");
                sb.AppendLine("        listener.Server.SendBufferSize = 65536;");
                sb.AppendLine("        listener.Start(512);");
                sb.AppendLine("        var admin = new TcpListener(IPAddress.Loopback, AdminPort);");
                sb.AppendLine("        var udp = new UdpClient(new IPEndPoint(IPAddress.Any, MetricsPort));");
                sb.AppendLine("        Thread.Sleep(50);");
                sb.AppendLine("        for (int i = 0; i < 1000; i++)");
                sb.AppendLine("        {");
                sb.AppendLine("            if (i % 100 == 0) Console.WriteLine($\"{i} of {1000}\");");
                sb.AppendLine("        }");
                sb.AppendLine("        return listener;");
                sb.AppendLine("    }");
                return 15;
            case 1:
                sb.AppendLine($"    public async Task<string> Fetch{m}(CancellationToken token)");
                sb.AppendLine("    {");
                sb.AppendLine($"        var response = await http.GetAsync(\"http://orders:{7000 + seed % 2000}/api/orders/{seed}?limit=50000\", token);");
                sb.AppendLine("        if ((int)response.StatusCode == 404) return string.Empty;");
                sb.AppendLine("        await Task.Delay(TimeSpan.FromMilliseconds(60000), token);");
                sb.AppendLine("        using var client = new TcpClient();");
                sb.AppendLine($"        await client.ConnectAsync(\"cache\", 6379, token);");
                sb.AppendLine("        var text = await response.Content.ReadAsStringAsync(token);");
                sb.AppendLine("        return text.Length > 65535 ? text.Substring(0, 65535) : text;");
                sb.AppendLine("    }");
                return 10;
            case 2:
                sb.AppendLine($"    public int Compute{m}(IReadOnlyList<int> values)");
                sb.AppendLine("    {");
                sb.AppendLine("        var total = 0;");
                sb.AppendLine("        foreach (var v in values.Where(x => x > 49152).OrderBy(x => x).Take(100))");
                sb.AppendLine("        {");
                sb.AppendLine("            total += v * 3 + 60251 % 7;");
                sb.AppendLine("        }");
                sb.AppendLine($"        var year = new DateTime(2024, 1, {1 + seed % 28});");
                sb.AppendLine("        var map = new Dictionary<string, int>(capacity: 50000) { [\"a\"] = 1, [\"b\"] = 2 };");
                sb.AppendLine("        return total + map.Count + year.Day + buffer.Length;");
                sb.AppendLine("    }");
                return 11;
            default:
                sb.AppendLine($"    public string Describe{m}(int port, string host)");
                sb.AppendLine("    {");
                sb.AppendLine("        var builder = new System.Text.StringBuilder(1024);");
                sb.AppendLine("        builder.Append(host).Append(':').Append(port);");
                sb.AppendLine($"        builder.Append(\" see https://docs.example.com/page/{seed}\");");
                sb.AppendLine("        var endpoint = new DnsEndPoint(host, port);");
                sb.AppendLine("        return builder.ToString() + endpoint;");
                sb.AppendLine("    }");
                return 8;
        }
    }
}
