using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PortAnalyzers.Model;

namespace PortAnalyzers.Discovery;

/// <summary>
/// The occurrence: a resolved value at a sink becomes a PortOccurrence, with its bind address. A wrapper's role comes
/// from where it flows (<see cref="ValueFlow"/>); expected data and options defaults from <see cref="ExpectedData"/>.
/// </summary>
internal sealed class OccurrenceBuilder
{
    private readonly ValueFlow flow;

    public OccurrenceBuilder(ValueFlow flow)
    {
        this.flow = flow;
    }

    /// <param name="known">The value's resolution when sink resolution already made it (a URL literal): not resolved twice.</param>
    internal void Emit(IOperation value, SinkSpec spec, IArgumentOperation? argument, ISymbol target, ref List<PortOccurrence>? found, bool configurable = false, ResolvedValue? known = null)
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
            var consumer = flow.ConsumerOf(creation);
            if (consumer is not null)
            {
                role = consumer.Role;
                transport = consumer.Transport;
                scheme = consumer.Scheme;
                display = consumer.Display;
            }
            else if (ExpectedData.IsExpectedData(creation))
            {
                return; // Assert.Equal(new IPEndPoint(..., 7000), actual), test-case arrays: data, not an endpoint
            }
            else
            {
                configurable |= ExpectedData.IsOptionsInitializer(creation); // stored: unknown role, and an options default is not hardcoded
            }
        }
        else if (ReferenceEquals(spec, SinkResolver.NamedPort) || ReferenceEquals(spec, SinkResolver.NamedContainerPort) || ReferenceEquals(spec, SinkResolver.NamedHostPort))
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

    /// <summary>
    /// -1 in a value merely named for a port (int port = -1, Port = -1) is the conventional "no port" (Uri.Port returns
    /// it): not out of range. An API that binds or dials it (TcpListener(..., -1)) still gets PORT004.
    /// </summary>
    internal static bool IsNoPortSentinel(in ResolvedValue resolved) => !resolved.IsText && resolved.Number == -1;

    /// <summary>A method, or a class's constructor (new HttpProxyClient(host, -1) validates it), acts on the value; a struct or record only carries it.</summary>
    private static bool ActsOnValue(IArgumentOperation? argument) => argument?.Parent switch
    {
        IInvocationOperation => true,
        IObjectCreationOperation { Type: { IsValueType: false, IsRecord: false } } => true,
        _ => false,
    };

    internal static string Describe(ISymbol symbol) => symbol switch
    {
        IParameterSymbol parameter => "parameter '" + parameter.Name + "' of " + (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            ? "new " + constructor.ContainingType.Name + "(...)"
            : parameter.ContainingSymbol?.Name ?? "a function pointer"),
        IFieldSymbol field => "field '" + field.Name + "'",
        IPropertySymbol property => "property '" + property.Name + "'",
        ILocalSymbol local => "local '" + local.Name + "'",
        _ => symbol.Name,
    };

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
