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
    private readonly HashSet<PortOccurrence> iisExpressUrls = new();
    private readonly HashSet<PortOccurrence> iisExpressSslPorts = new();

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
        string last = segments[segments.Count - 1];
        if (ConfigurationKeyCatalog.Find(kind, segments) is { } key
            && (key.Shape != ConfigurationValueShape.ConnectionString || value.Kind == JsonKind.String))
        {
            int before = found.Count;
            AddKey(value, key);
            var said = ReferenceEquals(key, ConfigurationKeyCatalog.IisExpressUrl) ? iisExpressUrls
                : ReferenceEquals(key, ConfigurationKeyCatalog.IisExpressSslPort) ? iisExpressSslPorts
                : null;
            for (int i = before; said is not null && i < found.Count; i++)
            {
                said.Add(found[i]);
            }

            return;
        }

        if (PortWord.Matches(last) && !PortWord.IsBoundName(last))
        {
            AddNumber(value, PortRole.Unknown, null, null);
            return;
        }

        if (value.Kind == JsonKind.String && NamesARemote(last) && value.Value!.IndexOf("://", StringComparison.Ordinal) > 0)
        {
            AddText(value, SinkValueKind.UrlList, PortRole.Connect, null, null);
        }
    }

    // A catalogue row's reading of the value: its shape, role, scheme and binding scope.
    private void AddKey(JsonNode value, ConfigurationKeySpec key)
    {
        var scheme = key.Scheme;
        var list = SinkValueKind.UrlList;
        if (key.Shape == ConfigurationValueShape.ListenVariable)
        {
            IsListenVariable(segments[segments.Count - 1], out scheme, out list);
        }

        // {1} last: a profile's name is user text and is not itself read as a placeholder.
        var scope = key.Scope?
            .Replace("{list}", list == SinkValueKind.UrlList ? "urls" : "ports")
            .Replace("{1}", segments.Count > 1 ? segments[1] : string.Empty);
        switch (key.Shape)
        {
            case ConfigurationValueShape.Number:
                AddNumber(value, key.Role, scheme, scope);
                break;
            case ConfigurationValueShape.Url:
                AddText(value, SinkValueKind.Url, key.Role, scheme, scope);
                break;
            case ConfigurationValueShape.UrlList:
                AddText(value, SinkValueKind.UrlList, key.Role, scheme, scope);
                break;
            case ConfigurationValueShape.ConnectionString:
                AddText(value, SinkValueKind.ConnectionString, key.Role, scheme, scope);
                break;
            default:
                AddText(value, list, key.Role, scheme, scope);
                break;
        }
    }

    // Urls, ASPNETCORE_URLS: URL lists; HTTP_PORTS, HTTPS_PORTS and their ASPNETCORE_ forms: port lists.
    private static bool IsListenVariable(string key, out string? scheme, out SinkValueKind list)
    {
        bool known = ListenVariables.TryGet(key, out var variable);
        scheme = known ? variable.Scheme : null;
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
            bindingScope: scope is null ? null : new BindingScope(path, scope),
            bindAddress: role == PortRole.Listen ? host ?? BindAddresses.Everywhere : null));
    }

    // IIS Express: an https applicationUrl and an equal sslPort are one endpoint said twice.
    private void DropIisExpressSslPortSaidTwice()
    {
        if (iisExpressSslPorts.Count == 0)
        {
            return;
        }

        var urlPorts = new HashSet<long>();
        foreach (var o in iisExpressUrls)
        {
            urlPorts.Add(o.Value);
        }

        found.RemoveAll(o => iisExpressSslPorts.Contains(o) && urlPorts.Contains(o.Value));
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
