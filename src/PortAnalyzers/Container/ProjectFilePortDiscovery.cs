using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PortAnalyzers.Configuration;
using PortAnalyzers.Knowledge;
using PortAnalyzers.Model;

namespace PortAnalyzers.Container;

/// <summary>
/// The .NET SDK's container publishing items in a project file (the package's targets add the project file to
/// AdditionalFiles when it has them): &lt;ContainerPort Include="8080" Type="tcp" /&gt; and
/// &lt;ContainerEnvironmentVariable Include="ASPNETCORE_HTTP_PORTS" Value="8080" /&gt;. Read as text, not with an XML
/// parser, so that every port keeps its line and column and a half-typed file yields what it can instead of nothing;
/// XML comments are skipped.
/// </summary>
internal static class ProjectFilePortDiscovery
{
    public static DockerfilePortDiscovery.Result Discover(string path, SourceText source)
    {
        var text = source.ToString();
        var occurrences = new List<PortOccurrence>();
        var exposed = new List<ExposedPort>();
        var listens = new List<PortOccurrence>();
        int position = 0;
        while (position < text.Length)
        {
            int open = text.IndexOf('<', position);
            if (open < 0 || open + 1 >= text.Length)
            {
                break;
            }

            if (string.CompareOrdinal(text, open, "<!--", 0, 4) == 0)
            {
                int close = text.IndexOf("-->", open + 4, StringComparison.Ordinal);
                position = close < 0 ? text.Length : close + 3;
                continue;
            }

            int nameEnd = open + 1;
            while (nameEnd < text.Length && (char.IsLetterOrDigit(text[nameEnd]) || text[nameEnd] == '_' || text[nameEnd] == '.'))
            {
                nameEnd++;
            }

            var element = text.Substring(open + 1, nameEnd - open - 1);
            int tagEnd = text.IndexOf('>', nameEnd);
            tagEnd = tagEnd < 0 ? text.Length : tagEnd;
            position = tagEnd;
            Dictionary<string, Attribute>? attributes = null;
            foreach (var spec in ContainerPortCatalog.For(ConfigurationFileKind.ProjectFile, element))
            {
                attributes ??= Attributes(text, nameEnd, tagEnd);
                switch (spec.Shape)
                {
                    case ContainerValueShape.PortNumber:
                        PortNumber(path, source, spec, attributes, occurrences, exposed);
                        break;
                    case ContainerValueShape.ListenVariable:
                        ListenVariable(path, source, spec, attributes, occurrences, listens);
                        break;
                }
            }
        }

        // SDK container images are the Microsoft .NET images of the project's version: .NET 8+ listen on 8080.
        var image = new ContainerDefinition(System.IO.Path.GetFileName(path), exposed, listens, DotNetImages.ModernDefault, "the default of the .NET 8+ images (ASPNETCORE_HTTP_PORTS=8080)");
        return new DockerfilePortDiscovery.Result(occurrences, image);
    }

    // <ContainerPort Include="8080" Type="udp" />: one number, its transport beside it.
    private static void PortNumber(string path, SourceText source, ContainerPortSpec spec, Dictionary<string, Attribute> attributes, List<PortOccurrence> occurrences, List<ExposedPort> exposed)
    {
        if (!attributes.TryGetValue(spec.ValueAttribute!, out var include))
        {
            return;
        }

        var transport = PortTransport.Tcp;
        if (spec.TransportAttribute is not null && attributes.TryGetValue(spec.TransportAttribute, out var type))
        {
            transport = type.Text.Trim().ToLowerInvariant() switch
            {
                "udp" => PortTransport.Udp,
                "tcp" or "" => PortTransport.Tcp,
                _ => PortTransport.Unknown,
            };
        }

        var number = include.Text.Trim();
        if (transport == PortTransport.Unknown || number.IndexOf('$') >= 0 || !long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long port))
        {
            return; // $(ApiPort): a property; another Type: the SDK rejects it
        }

        int digits = include.Start + include.Text.IndexOf(number, StringComparison.Ordinal);
        var location = Span(path, source, digits, number.Length);
        occurrences.Add(Occurrence(port, location, spec.Role, transport, spec.Scheme, spec.Name, null, path));
        if (spec.Use == ContainerPortUse.Exposes)
        {
            exposed.Add(new ExposedPort(port, port, transport, location, number + (transport == PortTransport.Udp ? "/udp" : string.Empty)));
        }
    }

    // <ContainerEnvironmentVariable Include="ASPNETCORE_HTTP_PORTS" Value="8080" />: a listen variable by name.
    private static void ListenVariable(string path, SourceText source, ContainerPortSpec spec, Dictionary<string, Attribute> attributes, List<PortOccurrence> occurrences, List<PortOccurrence> listens)
    {
        if (!attributes.TryGetValue(spec.KeyAttribute!, out var include) || !attributes.TryGetValue(spec.ValueAttribute!, out var value))
        {
            return;
        }

        var key = include.Text.Trim();
        if (!spec.KeyMatches(key) || !ListenVariables.TryGet(key, out var variable))
        {
            return;
        }

        foreach (var port in ListenVariables.Parse(value.Text, variable) ?? new List<Discovery.PortText>())
        {
            var occurrence = Occurrence(port.Value, Span(path, source, value.Start + port.Start, port.Length), spec.Role, PortTransport.Tcp, port.Scheme ?? variable.Scheme ?? spec.Scheme, spec.Name + " " + key, port.Host, path);
            occurrences.Add(occurrence);
            if (spec.Use == ContainerPortUse.Listens)
            {
                listens.Add(occurrence);
            }
        }
    }

    private readonly struct Attribute
    {
        public Attribute(string text, int start)
        {
            Text = text;
            Start = start;
        }

        public string Text { get; }

        public int Start { get; }
    }

    // name="value" or name='value' pairs between the element name and '>'. Entities are left as written.
    private static Dictionary<string, Attribute> Attributes(string text, int start, int end)
    {
        var result = new Dictionary<string, Attribute>(StringComparer.OrdinalIgnoreCase);
        int i = start;
        while (i < end)
        {
            int equals = text.IndexOf('=', i, end - i);
            if (equals < 0)
            {
                break;
            }

            var name = text.Substring(i, equals - i).Trim();
            int q = equals + 1;
            while (q < end && char.IsWhiteSpace(text[q]))
            {
                q++;
            }

            if (q >= end || (text[q] != '"' && text[q] != '\''))
            {
                break;
            }

            int close = text.IndexOf(text[q], q + 1);
            if (close < 0 || close > end)
            {
                break;
            }

            result[name] = new Attribute(text.Substring(q + 1, close - q - 1), q + 1);
            i = close + 1;
        }

        return result;
    }

    private static PortOccurrence Occurrence(long port, Location location, PortRole role, PortTransport transport, string? scheme, string sink, string? host, string path)
        => new(port, location, role, transport, scheme, sink, declarationLocation: null, isHardcoded: false, bindingScope: new BindingScope(path, "container"), bindAddress: host ?? BindAddresses.Everywhere);

    private static Location Span(string path, SourceText text, int start, int length)
    {
        var span = new TextSpan(start, length);
        return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
    }
}
