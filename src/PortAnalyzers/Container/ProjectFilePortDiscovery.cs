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
    private const string PortItem = "ContainerPort";
    private const string EnvironmentItem = "ContainerEnvironmentVariable";

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
            bool isPort = element.Equals(PortItem, StringComparison.OrdinalIgnoreCase);
            if (!isPort && !element.Equals(EnvironmentItem, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var attributes = Attributes(text, nameEnd, tagEnd);
            if (!attributes.TryGetValue("Include", out var include))
            {
                continue;
            }

            if (isPort)
            {
                var transport = PortTransport.Tcp;
                if (attributes.TryGetValue("Type", out var type))
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
                    continue; // $(ApiPort): a property; another Type: the SDK rejects it
                }

                int digits = include.Start + include.Text.IndexOf(number, StringComparison.Ordinal);
                var location = Span(path, source, digits, number.Length);
                occurrences.Add(Occurrence(port, location, transport, null, PortItem, null, path));
                exposed.Add(new ExposedPort(port, port, transport, location, number + (transport == PortTransport.Udp ? "/udp" : string.Empty)));
                continue;
            }

            if (attributes.TryGetValue("Value", out var value) && ListenVariables.TryGet(include.Text.Trim(), out var variable))
            {
                foreach (var port in ListenVariables.Parse(value.Text, variable) ?? new List<Discovery.PortText>())
                {
                    var occurrence = Occurrence(port.Value, Span(path, source, value.Start + port.Start, port.Length), PortTransport.Tcp, port.Scheme ?? variable.Scheme, EnvironmentItem + " " + include.Text.Trim(), port.Host, path);
                    occurrences.Add(occurrence);
                    listens.Add(occurrence);
                }
            }
        }

        // SDK container images are the Microsoft .NET images of the project's version: .NET 8+ listen on 8080.
        var image = new ContainerDefinition(System.IO.Path.GetFileName(path), exposed, listens, DotNetImages.ModernDefault, "the default of the .NET 8+ images (ASPNETCORE_HTTP_PORTS=8080)");
        return new DockerfilePortDiscovery.Result(occurrences, image);
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

    private static PortOccurrence Occurrence(long port, Location location, PortTransport transport, string? scheme, string sink, string? host, string path)
        => new(port, location, PortRole.Listen, transport, scheme, sink, declarationLocation: null, isHardcoded: false, bindingScope: new BindingScope(path, "container"), bindAddress: host ?? BindAddresses.Everywhere);

    private static Location Span(string path, SourceText text, int start, int length)
    {
        var span = new TextSpan(start, length);
        return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
    }
}
