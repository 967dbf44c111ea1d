using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PortAnalyzers.Discovery;
using PortAnalyzers.Model;

namespace PortAnalyzers.Configuration;

/// <summary>
/// Turns a parsed appsettings*.json or launchSettings.json into <see cref="PortOccurrence"/>s. Keys match
/// case-insensitively, as configuration does. Listeners are scoped for PORT006: one launch profile, one file's
/// Kestrel section, one file's Urls or *_PORTS keys; never across profiles or files.
/// </summary>
internal sealed class ConfigurationPortDiscovery
{
    private readonly string path;
    private readonly SourceText text;
    private readonly ConfigurationFileKind kind;
    private readonly List<string> segments = new();
    private readonly List<PortOccurrence> found = new();

    private ConfigurationPortDiscovery(string path, SourceText text, ConfigurationFileKind kind)
    {
        this.path = path;
        this.text = text;
        this.kind = kind;
    }

    public static List<PortOccurrence> Discover(JsonNode root, ConfigurationFileKind kind, string path, SourceText text)
    {
        var discovery = new ConfigurationPortDiscovery(path, text, kind);
        discovery.Visit(root);
        if (kind == ConfigurationFileKind.LaunchSettings)
        {
            discovery.DropIisExpressSslPortSaidTwice();
        }

        return discovery.found;
    }

    private void Visit(JsonNode node)
    {
        switch (node.Kind)
        {
            case JsonKind.Object:
                foreach (var property in node.Properties!)
                {
                    segments.Add(property.Key);
                    Visit(property.Value);
                    segments.RemoveAt(segments.Count - 1);
                }

                break;
            case JsonKind.Array:
                for (int i = 0; i < node.Items!.Count; i++)
                {
                    segments.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    Visit(node.Items[i]);
                    segments.RemoveAt(segments.Count - 1);
                }

                break;
            case JsonKind.String:
            case JsonKind.Number:
                Classify(node);
                break;
        }
    }

    private void Classify(JsonNode value)
    {
        int n = segments.Count;
        string last = segments[n - 1];
        string? scheme;

        if (kind == ConfigurationFileKind.LaunchSettings)
        {
            if (n == 3 && Is(0, "profiles") && Is(2, "applicationUrl"))
            {
                AddText(value, SinkValueKind.UrlList, PortRole.Listen, null, "profile:" + segments[1]);
                return;
            }

            if (n == 4 && Is(0, "profiles") && Is(2, "environmentVariables") && IsListenVariable(segments[3], out scheme, out var list))
            {
                AddText(value, list, PortRole.Listen, scheme, "profile:" + segments[1]);
                return;
            }

            if (n == 3 && Is(0, "profiles") && (Is(2, "httpPort") || Is(2, "sslPort")))
            {
                AddNumber(value, PortRole.Listen, Is(2, "sslPort") ? "https" : "http", "profile:" + segments[1]);
                return;
            }

            if (n == 3 && Is(0, "iisSettings") && Is(1, "iisExpress"))
            {
                if (Is(2, "applicationUrl"))
                {
                    AddText(value, SinkValueKind.UrlList, PortRole.Listen, null, "iisExpress");
                    return;
                }

                if (Is(2, "sslPort"))
                {
                    AddNumber(value, PortRole.Listen, "https", "iisExpress");
                    return;
                }
            }
        }
        else
        {
            if (n == 1 && IsListenVariable(last, out scheme, out var list))
            {
                AddText(value, list, PortRole.Listen, scheme, list == SinkValueKind.UrlList ? "urls" : "ports");
                return;
            }

            if (n == 4 && Is(0, "Kestrel") && Is(1, "Endpoints") && Is(3, "Url"))
            {
                AddText(value, SinkValueKind.Url, PortRole.Listen, null, "kestrel");
                return;
            }

            if (n >= 2 && Is(0, "ConnectionStrings") && value.Kind == JsonKind.String)
            {
                AddText(value, SinkValueKind.ConnectionString, PortRole.Connect, null, null);
                return;
            }
        }

        if (PortWord.Matches(last) && !PortValueResolver.IsBoundName(last))
        {
            AddNumber(value, PortRole.Unknown, null, null);
            return;
        }

        if (value.Kind == JsonKind.String && NamesARemote(last) && value.Value!.IndexOf("://", StringComparison.Ordinal) > 0)
        {
            AddText(value, SinkValueKind.UrlList, PortRole.Connect, null, null);
        }
    }

    // Urls, ASPNETCORE_URLS: URL lists; HTTP_PORTS, HTTPS_PORTS and their ASPNETCORE_ forms: port lists.
    private static bool IsListenVariable(string key, out string? scheme, out SinkValueKind list)
    {
        bool known = ListenVariables.TryGet(key, out var variable);
        scheme = variable.Scheme;
        list = known ? variable.List : SinkValueKind.UrlList;
        return known;
    }

    private static bool NamesARemote(string key) => PortWord.HasAnyWord(key, RemoteWords);

    private static readonly string[] RemoteWords = { "url", "urls", "uri", "address", "endpoint", "host", "server" };

    private void AddNumber(JsonNode value, PortRole role, string? scheme, string? scope)
    {
        var digits = value.Value!;
        if (value.Kind == JsonKind.String)
        {
            var ports = PortTextParser.Parse(digits, SinkValueKind.Port);
            if (ports is not null)
            {
                Add(ports[0].Value, TextLocation(value, ports[0]), role, scheme, scope);
            }

            return;
        }

        if (long.TryParse(digits, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long number))
        {
            Add(number, Span(value.Start, value.Length), role, scheme, scope);
        }
    }

    private void AddText(JsonNode value, SinkValueKind valueKind, PortRole role, string? scheme, string? scope)
    {
        if (value.Kind == JsonKind.Number)
        {
            AddNumber(value, role, scheme, scope);
            return;
        }

        var ports = valueKind == SinkValueKind.Port
            ? ListenVariables.Parse(value.Value!, new ListenVariables.Variable(SinkValueKind.Port, scheme))
            : PortTextParser.Parse(value.Value!, valueKind);
        if (ports is null)
        {
            return;
        }

        foreach (var port in ports)
        {
            Add(port.Value, TextLocation(value, port), role, port.Scheme ?? scheme, scope, port.Host);
        }
    }

    private void Add(long port, Location location, PortRole role, string? scheme, string? scope, string? host = null)
    {
        found.Add(new PortOccurrence(
            port,
            location,
            role,
            PortTransport.Tcp,
            scheme,
            string.Join(":", segments),
            declarationLocation: null,
            isHardcoded: false,
            bindingScope: scope is null ? null : path + "#" + scope,
            bindAddress: role == PortRole.Listen ? host ?? BindAddresses.Everywhere : null));
    }

    // IIS Express: an https applicationUrl and an equal sslPort are one endpoint said twice.
    private void DropIisExpressSslPortSaidTwice()
    {
        var iisScope = path + "#iisExpress";
        var urlPorts = new HashSet<long>();
        foreach (var o in found)
        {
            if (o.BindingScope == iisScope && o.Sink.EndsWith("applicationUrl", StringComparison.OrdinalIgnoreCase))
            {
                urlPorts.Add(o.Value);
            }
        }

        found.RemoveAll(o => o.BindingScope == iisScope && o.Sink.EndsWith("sslPort", StringComparison.OrdinalIgnoreCase) && urlPorts.Contains(o.Value));
    }

    private Location TextLocation(JsonNode value, PortText port)
        => value.HasEscapes ? Span(value.Start, value.Length) : Span(value.Start + 1 + port.Start, port.Length);

    private Location Span(int start, int length)
    {
        var span = new TextSpan(start, length);
        return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
    }

    private bool Is(int index, string name) => Equal(segments[index], name);

    private static bool Equal(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
