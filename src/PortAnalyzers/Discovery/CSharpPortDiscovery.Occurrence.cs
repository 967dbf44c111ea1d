using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PortAnalyzers.Model;

namespace PortAnalyzers.Discovery;

/// <summary>The occurrence: a resolved value at a sink becomes a PortOccurrence, with its bind address.</summary>
internal sealed partial class CSharpPortDiscovery
{
    /// <param name="known">The value's resolution when sink resolution already made it (a URL literal): not resolved twice.</param>
    private void Emit(IOperation value, SinkSpec spec, IArgumentOperation? argument, ISymbol target, ref List<PortOccurrence>? found, bool configurable = false, ResolvedValue? known = null)
    {
        ResolvedValue resolved;
        if (known is { } already)
        {
            resolved = already;
        }
        else if (!PortValueResolver.TryResolve(value, out resolved))
        {
            return;
        }

        // GetConfigValue(configuration, "http1_port", -1): a read that defaults to -1 means "not set", whatever the sink.
        if (IsNoPortSentinel(resolved) && !resolved.IsHardcoded)
        {
            return;
        }

        // GetValue("BaseUrl", "http://localhost:5000"): the default of a read is judged, but not hardcoded.
        configurable |= argument is { Parameter.Name: "defaultValue", Parent: IInvocationOperation read } && PortValueResolver.IsConfigurationRead(read, out _);

        var role = spec.Role;
        var transport = spec.Transport;
        var scheme = spec.Scheme;
        var display = spec.Display;
        if (spec.IsWrapper && argument?.Parent is { } creation)
        {
            var consumer = ConsumerOf(creation);
            if (consumer is not null)
            {
                role = consumer.Role;
                transport = consumer.Transport;
                scheme = consumer.Scheme;
                display = consumer.Display;
            }
            else if (IsExpectedData(creation))
            {
                return; // Assert.Equal(new IPEndPoint(..., 7000), actual), test-case arrays: data, not an endpoint
            }
            else
            {
                configurable |= IsOptionsInitializer(creation); // stored: unknown role, and an options default is not hardcoded
            }
        }
        else if (ReferenceEquals(spec, NamedPort) || ReferenceEquals(spec, NamedContainerPort) || ReferenceEquals(spec, NamedHostPort))
        {
            // Stored or passed to a constructor, -1 marks "no port"; handed to a method that acts on it
            // (client.Connect(host, -1)) it is out of range.
            if (IsNoPortSentinel(resolved) && !ActsOnValue(argument))
            {
                return;
            }

            display = Describe(target);

            // new ChatServer(IPAddress.Any, 1111): nobody connects to a wildcard address, so a port passed beside
            // one is bound, even when the server type is the project's own.
            if (spec.Role == PortRole.Unknown && BindAddressOf(argument, spec) is BindAddresses.AnyV4 or BindAddresses.AnyV6)
            {
                role = PortRole.Listen;
            }
        }

        if (resolved.IsText)
        {
            var ports = spec.Kind == SinkValueKind.Port ? null : PortTextParser.Parse(resolved.Text!, spec.Kind);
            if (ports is null)
            {
                return;
            }

            foreach (var port in ports)
            {
                if (!resolved.TryLocate(port, out var location, out var declaration))
                {
                    continue;
                }

                (found ??= new List<PortOccurrence>(1)).Add(new PortOccurrence(
                    port.Value, location, role, transport, port.Scheme ?? scheme, display, declaration, resolved.IsHardcoded && !configurable, bindAddress: role == PortRole.Listen ? port.Host : null));
            }
        }
        else if (spec.Kind == SinkValueKind.Port)
        {
            (found ??= new List<PortOccurrence>(1)).Add(new PortOccurrence(
                resolved.Number, resolved.Site.GetLocation(), role, transport, scheme, display, resolved.Declaration?.GetLocation(), resolved.IsHardcoded && !configurable,
                bindAddress: role == PortRole.Listen ? BindAddressOf(argument, spec) : null));
        }
    }

    /// <summary>The local address a numeric listener binds: the IPAddress argument next to the port, or what the API implies.</summary>
    private static string? BindAddressOf(IArgumentOperation? argument, SinkSpec spec)
    {
        switch (spec.Member)
        {
            case "ListenAnyIP":
            case "Create":
                return BindAddresses.Everywhere;
            case "ListenLocalhost":
                return BindAddresses.Localhost;
        }

        var arguments = argument?.Parent switch
        {
            IObjectCreationOperation creation => creation.Arguments,
            IInvocationOperation invocation => invocation.Arguments,
            _ => default,
        };
        if (arguments.IsDefault)
        {
            return null;
        }

        foreach (var sibling in arguments)
        {
            if (sibling.Parameter?.Type is { Name: "IPAddress" })
            {
                return AddressValue(PortValueResolver.Unwrap(sibling.Value));
            }
        }

        return null;
    }

    private static string? AddressValue(IOperation address) => address switch
    {
        IFieldReferenceOperation { Field: { ContainingType.Name: "IPAddress" } field } => field.Name switch
        {
            "Any" => BindAddresses.AnyV4,
            "IPv6Any" => BindAddresses.AnyV6,
            "Loopback" => "127.0.0.1",
            "IPv6Loopback" => "::1",
            _ => null,
        },
        IInvocationOperation { TargetMethod.Name: "Parse", Arguments.Length: 1 } parse
            when parse.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string literal } => literal,
        _ => null,
    };
}
