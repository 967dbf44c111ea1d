using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PortAnalyzers.Model;

namespace PortAnalyzers.Discovery;

/// <summary>
/// Turns C# operations into <see cref="PortOccurrence"/>s: the sink catalogue for the role, the value resolver for
/// the number. One instance per compilation; thread-safe (no mutable state). Every entry point returns null
/// without allocating when the operation carries no port, which is almost always.
/// </summary>
internal sealed class CSharpPortDiscovery
{
    // Name-based sinks (role "unknown"), and the catch-all for URL literals.
    private static readonly SinkSpec NamedPort = new(string.Empty, string.Empty, string.Empty, PortRole.Unknown, PortTransport.Unknown, SinkValueKind.Port, display: "a value named for a port");
    private static readonly SinkSpec NamedContainerPort = new(string.Empty, string.Empty, string.Empty, PortRole.Container, PortTransport.Unknown, SinkValueKind.Port, display: "a container port");

    // Aspire's WithHostPort(port) on each integration (Redis, Postgres, ...): the port published on the host.
    private static readonly SinkSpec NamedHostPort = new(string.Empty, string.Empty, string.Empty, PortRole.Listen, PortTransport.Tcp, SinkValueKind.Port, display: "a published host port");
    private static readonly SinkSpec NamedConnectionString = new(string.Empty, string.Empty, string.Empty, PortRole.Connect, PortTransport.Tcp, SinkValueKind.ConnectionString, display: "a connection string");
    private static readonly SinkSpec UrlLiteral = new(string.Empty, string.Empty, string.Empty, PortRole.Unknown, PortTransport.Unknown, SinkValueKind.Url, display: "a URL");

    private readonly ResolvedSinks sinks;

    public CSharpPortDiscovery(ResolvedSinks sinks)
    {
        this.sinks = sinks;
    }

    /// <summary>A name that says port and is not a limit (MaxPort) or the other end's port (RemotePort).</summary>
    private static bool IsNamedPort(string name)
        => PortWord.Matches(name) && !PortValueResolver.IsBoundName(name) && !PortWord.IsOtherEnd(name);

    /// <summary>Test assertions and equality compare values; what they receive is expected data, not an endpoint in use.</summary>
    private static bool IsComparison(IMethodSymbol method)
    {
        if (method.Name is "Equals" or "ReferenceEquals")
        {
            return true;
        }

        // The outermost namespace names the framework: walk up without building a display string.
        INamespaceSymbol? outer = method.ContainingType?.ContainingNamespace;
        INamespaceSymbol? second = null;
        while (outer is { ContainingNamespace.IsGlobalNamespace: false })
        {
            second = outer;
            outer = outer.ContainingNamespace;
        }

        return outer?.Name switch
        {
            "Xunit" or "NUnit" or "FluentAssertions" or "Shouldly" => true,
            "Microsoft" => second?.Name == "VisualStudio",
            _ => false,
        };
    }

    /// <summary>A URL literal with an explicit port, and nothing else: "see http://x:1/ for help" is prose, not a URL.</summary>
    private static bool IsWholeUrl(string text)
    {
        var trimmed = text.Trim();
        if (!PortTextParser.LooksLikeUrlWithPort(trimmed))
        {
            return false;
        }

        foreach (char c in trimmed)
        {
            if (char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return char.IsLetter(trimmed[0]);
    }

    private enum ValueType : byte
    {
        None,
        Number,
        Text,
        TextArray,
    }

    /// <summary>An argument to a sink parameter, a port-named parameter or a URL literal argument.</summary>
    public List<PortOccurrence>? AnalyzeArgument(IArgumentOperation argument)
    {
        // Syntax first, before any symbol is touched: a value written as an object creation, a lambda, an await, an
        // element access and the like never resolves to a constant (a wrapper's own arguments are visited on their own).
        if (argument.Syntax is ArgumentSyntax { Expression: var written } && CannotBeConstant(written))
        {
            return null;
        }

        var parameter = argument.Parameter;
        if (parameter is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
        {
            return null;
        }

        var type = Classify(parameter.Type);
        if (type == ValueType.None)
        {
            return null;
        }

        var spec = SpecFor(argument, parameter, type);
        if (spec is null)
        {
            return null;
        }

        List<PortOccurrence>? found = null;
        if (type == ValueType.TextArray)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    // WithOrigins("http://localhost:62653", ...): only elements that are whole URLs, as for one string.
                    if (!ReferenceEquals(spec, UrlLiteral) || IsUrlValue(element))
                    {
                        Emit(element, spec, argument, parameter, ref found);
                    }
                }
            }
        }
        else
        {
            Emit(argument.Value, spec, argument, parameter, ref found);
        }

        return found;
    }

    private static bool CannotBeConstant(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression is ObjectCreationExpressionSyntax { Type: not PredefinedTypeSyntax }
            or LambdaExpressionSyntax or AnonymousMethodExpressionSyntax or AwaitExpressionSyntax
            or ElementAccessExpressionSyntax or ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax
            or TypeOfExpressionSyntax or ThisExpressionSyntax or BaseExpressionSyntax or DeclarationExpressionSyntax
            or ThrowExpressionSyntax or TupleExpressionSyntax or AnonymousObjectCreationExpressionSyntax
            or QueryExpressionSyntax or StackAllocArrayCreationExpressionSyntax
            or AssignmentExpressionSyntax or IsPatternExpressionSyntax;
    }

    /// <summary>An assignment to a sink property (SmtpClient.Port) or to a member named for a port (options.Port = 60251).</summary>
    public List<PortOccurrence>? AnalyzeAssignment(ISimpleAssignmentOperation assignment)
    {
        ISymbol? member = assignment.Target switch
        {
            IPropertyReferenceOperation property => property.Property,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };
        if (member is null)
        {
            return null;
        }

        var spec = SpecForMember(member, assignment.Value);
        if (spec is null)
        {
            return null;
        }

        List<PortOccurrence>? found = null;
        Emit(assignment.Value, spec, null, member, ref found, configurable: IsOptionsConstructorDefault(assignment, member));
        return found;
    }

    /// <summary>Port = 1883 in the constructor of an options type, for its own settable property: that type's default.</summary>
    private static bool IsOptionsConstructorDefault(ISimpleAssignmentOperation assignment, ISymbol member)
        => IsOptionsDefault(member)
            && assignment.SemanticModel?.GetEnclosingSymbol(assignment.Syntax.SpanStart) is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            && DerivesFrom(constructor.ContainingType, member.ContainingType);

    // MqttServerTcpEndpointOptions() { Port = 1883; } sets a property its base options type declares.
    private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (int depth = 0; type is not null && depth < 16; depth++, type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, baseType.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A field, property or local named for a port with a constant initializer: an unknown-role sink, but only
    /// when no recognised sink in its containing type (or method, for a local) uses it.
    /// </summary>
    public List<PortOccurrence>? AnalyzeDeclaration(ISymbol symbol, IOperation? value)
    {
        if (value is null)
        {
            return null;
        }

        var symbolType = symbol switch
        {
            IFieldSymbol f => f.Type,
            IPropertySymbol p => p.Type,
            ILocalSymbol l => l.Type,
            IParameterSymbol p => p.Type,
            _ => null,
        };
        var type = symbolType is null ? ValueType.None : Classify(symbolType);
        bool isNumber = type == ValueType.Number && IsNamedPort(symbol.Name);
        bool isUrl = type == ValueType.Text && symbol is not IParameterSymbol && IsUrlValue(value);
        if (!isNumber && !isUrl)
        {
            return null;
        }

        var unwrapped = PortValueResolver.Unwrap(value);
        if (!unwrapped.ConstantValue.HasValue && unwrapped is not (IInvocationOperation or ICoalesceOperation or IConditionalOperation or IBinaryOperation or IInterpolatedStringOperation))
        {
            return null;
        }

        if (!PortValueResolver.TryResolve(value, out var resolved) || resolved.IsText != isUrl || IsUsedBySink(symbol, value))
        {
            return null;
        }

        // A settable property of an options type is bound from configuration: its initializer is the default. So is a
        // constant used only behind ?? (configuration["Otlp:Url"] ?? DefaultUrl).
        bool hardcoded = resolved.IsHardcoded && !IsOptionsDefault(symbol) && !IsOnlyFallback(symbol, value);
        if (IsNoPortSentinel(resolved))
        {
            return null;
        }

        var role = isNumber && PortWord.IsContainerSide(symbol.Name) ? PortRole.Container : PortRole.Unknown;
        var description = Describe(symbol);
        if (!isUrl)
        {
            return new List<PortOccurrence>(1)
            {
                new(resolved.Number, resolved.Site.GetLocation(), role, PortTransport.Unknown, null, description, null, hardcoded),
            };
        }

        var ports = PortTextParser.Parse(resolved.Text!, SinkValueKind.Url);
        if (ports is null)
        {
            return null;
        }

        var found = new List<PortOccurrence>(ports.Count);
        foreach (var port in ports)
        {
            if (resolved.TryLocate(port, out var location, out _))
            {
                found.Add(new PortOccurrence(port.Value, location, role, PortTransport.Unknown, port.Scheme, description, null, hardcoded));
            }
        }

        return found.Count == 0 ? null : found;
    }

    /// <summary>
    /// -1 in a value merely named for a port (int port = -1, Port = -1) is the conventional "no port" (Uri.Port returns
    /// it): not out of range. An API that binds or dials it (TcpListener(..., -1)) still gets PORT004.
    /// </summary>
    private static bool IsNoPortSentinel(in ResolvedValue resolved) => !resolved.IsText && resolved.Number == -1;

    /// <summary>A method, or a class's constructor (new HttpProxyClient(host, -1) validates it), acts on the value; a struct or record only carries it.</summary>
    private static bool ActsOnValue(IArgumentOperation? argument) => argument?.Parent switch
    {
        IInvocationOperation => true,
        IObjectCreationOperation { Type: { IsValueType: false, IsRecord: false } } => true,
        _ => false,
    };

    private static SinkSpec NamedSpec(string name, string? method)
        => PortWord.IsContainerSide(name) ? NamedContainerPort
        : method == "WithHostPort" ? NamedHostPort
        : NamedPort;

    /// <summary>
    /// A call or creation that does not bind (half-typed code, a package that did not restore, a generator not yet
    /// run): its constant arguments are ports when the argument is named for a port (port:, targetPort:), or when the
    /// method's name says port (WithHostPort(8421)). A name the catalogue knows (WithHttpEndpoint(port:)) keeps its role.
    /// </summary>
    public List<PortOccurrence>? AnalyzeUnboundCall(IInvalidOperation invalid)
    {
        ArgumentListSyntax? arguments;
        string? method;
        string? receiver = null;
        switch (invalid.Syntax)
        {
            case InvocationExpressionSyntax invocation:
                arguments = invocation.ArgumentList;
                receiver = invocation.Expression is MemberAccessExpressionSyntax { Expression: var target } ? SimpleName(target as TypeSyntax) : null;
                method = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    SimpleNameSyntax name => name.Identifier.ValueText,
                    MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                    _ => null,
                };
                break;
            case BaseObjectCreationExpressionSyntax creation:
                arguments = creation.ArgumentList;
                method = creation is ObjectCreationExpressionSyntax { Type: var type } ? SimpleName(type) : null;
                break;
            default:
                return null;
        }

        if (arguments is null || arguments.Arguments.Count == 0 || method is null)
        {
            return null;
        }

        bool methodSaysPort = IsNamedPort(method);
        var positional = UnboundSinks.PositionalPorts(method);
        int numericPosition = 0;
        List<PortOccurrence>? found = null;
        foreach (var argument in arguments.Arguments)
        {
            var name = argument.NameColon?.Name.Identifier.ValueText;
            if (argument.Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression }
                or InterpolatedStringExpressionSyntax or BinaryExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax)
            {
                // UseUrls("http://localhost:5000") on a builder whose type did not bind, a CORS origin, a Redis string
                // given to ConnectionMultiplexer.Connect: the text decides, with the catalogue's role where it knows the call.
                AddUnboundText(invalid, argument, receiver, method, ref found);
            }

            // ConfigureEndpoints(IPAddress.Loopback, 11111, 30000): the catalogue knows the order of a distinctive
            // member's port parameters, so the n-th positional number is its n-th port.
            SinkSpec? byPosition = null;
            if (name is null && positional is not null && IsNumber(ChildFor(invalid, argument.Expression)))
            {
                byPosition = numericPosition < positional.Length ? positional[numericPosition] : null;
                numericPosition++;
            }

            if (byPosition is null && (name is null ? !methodSaysPort : !IsNamedPort(name)))
            {
                continue;
            }

            var value = ChildFor(invalid, argument.Expression);
            if (value is null || !PortValueResolver.TryResolve(value, out var resolved) || resolved.IsText
                || (IsNoPortSentinel(resolved) && invalid.Syntax is not InvocationExpressionSyntax))
            {
                continue;
            }

            var spec = byPosition ?? (name is null ? null : UnboundSinks.Find(method, name)) ?? NamedSpec(name ?? method, method);
            var display = ReferenceEquals(spec, NamedPort) || ReferenceEquals(spec, NamedContainerPort) || ReferenceEquals(spec, NamedHostPort)
                ? (name is null ? method + "(...)" : "argument '" + name + "' of " + method + "(...)")
                : spec.Display;
            (found ??= new List<PortOccurrence>(1)).Add(new PortOccurrence(
                resolved.Number, resolved.Site.GetLocation(), spec.Role, spec.Transport, spec.Scheme, display,
                resolved.Declaration?.GetLocation(), resolved.IsHardcoded));
        }

        return found;
    }

    private void AddUnboundText(IInvalidOperation invalid, ArgumentSyntax argument, string? receiver, string method, ref List<PortOccurrence>? found)
    {
        var value = ChildFor(invalid, argument.Expression);
        if (value is null || !PortValueResolver.TryResolve(value, out var resolved) || !resolved.IsText)
        {
            return;
        }

        var spec = UnboundSinks.FindText(receiver, method) ?? (IsWholeUrl(resolved.Text!) ? UrlLiteral : null);
        var ports = spec is null ? null : PortTextParser.Parse(resolved.Text!, spec.Kind);
        if (ports is null)
        {
            return;
        }

        foreach (var port in ports)
        {
            if (resolved.TryLocate(port, out var location, out var declaration))
            {
                (found ??= new List<PortOccurrence>(1)).Add(new PortOccurrence(
                    port.Value, location, spec!.Role, spec.Transport, port.Scheme ?? spec.Scheme, spec.Display, declaration, resolved.IsHardcoded,
                    bindAddress: spec.Role == PortRole.Listen ? port.Host : null));
            }
        }
    }

    private static bool IsNumber(IOperation? value)
        => value is not null && PortValueResolver.TryResolve(value, out var resolved) && !resolved.IsText;

    private static string? SimpleName(TypeSyntax? type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The child operation of an invalid operation that stands for one argument's expression.</summary>
    private static IOperation? ChildFor(IOperation parent, ExpressionSyntax expression)
    {
        foreach (var child in parent.ChildOperations)
        {
            if (child.Syntax == expression)
            {
                return child;
            }

            if (child is IArgumentOperation argument && argument.Value.Syntax == expression)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// A default that the code's users override: a settable property of an options type, a constant of an options type
    /// (EndpointOptions.DEFAULT_SILO_PORT), an optional parameter of a library's public API (the caller's to pass).
    /// </summary>
    private static bool IsOptionsDefault(ISymbol symbol)
    {
        switch (symbol)
        {
            case IPropertySymbol { SetMethod.DeclaredAccessibility: Accessibility.Public } property:
                return IsOptionsType(property.ContainingType);
            case IFieldSymbol:
                // DEFAULT_SILO_PORT, or the field behind a settable SiloPort: the options type's default either way.
                return IsOptionsType(symbol.ContainingType);
            case IParameterSymbol { IsOptional: true, ContainingSymbol: IMethodSymbol method }:
                return method.DeclaredAccessibility == Accessibility.Public
                    && method.ContainingType is { DeclaredAccessibility: Accessibility.Public }
                    && method.ContainingAssembly is not null
                    && !HasEntryPoint(method.ContainingAssembly);
            default:
                return false;
        }
    }

    // An application has an entry point; a library's public optional parameters are defaults for its callers.
    private static bool HasEntryPoint(IAssemblySymbol assembly)
        => assembly.GetTypeByMetadataName("Program") is not null
            || assembly.GetTypeByMetadataName("<Program>$") is not null;

    private static bool IsOptionsType(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        var typeName = type.Name;
        return typeName.EndsWith("Options", System.StringComparison.Ordinal)
            || typeName.EndsWith("Settings", System.StringComparison.Ordinal)
            || typeName.EndsWith("Config", System.StringComparison.Ordinal)
            || typeName.EndsWith("Configuration", System.StringComparison.Ordinal);
    }

    private SinkSpec? SpecFor(IArgumentOperation argument, IParameterSymbol parameter, ValueType type)
    {
        var spec = sinks.Find(parameter);
        if (spec is not null)
        {
            return spec;
        }

        if (argument.Parent is IInvocationOperation { Instance: IPropertyReferenceOperation receiver } invocation
            && invocation.TargetMethod.Name == "Add"
            && sinks.FindCollection(receiver.Property) is { } collection)
        {
            return collection;
        }

        var fallback = type switch
        {
            ValueType.Number when IsNamedPort(parameter.Name) => NamedSpec(parameter.Name, parameter.ContainingSymbol?.Name),
            ValueType.Text when string.Equals(parameter.Name, "connectionString", System.StringComparison.OrdinalIgnoreCase) => NamedConnectionString,
            ValueType.Text when IsUrlValue(argument.Value) => UrlLiteral,
            ValueType.TextArray when HasUrlElement(argument) => UrlLiteral,
            _ => null,
        };

        // Checked last: almost no argument gets this far. The pieces of string.Format/Concat are judged as the string
        // they build, where it goes.
        return fallback is not null && parameter.ContainingSymbol is IMethodSymbol method && (IsComparison(method) || StringTemplate.IsFormatOrConcat(method)) ? null : fallback;
    }

    private SinkSpec? SpecForMember(ISymbol member, IOperation? value = null)
    {
        var spec = sinks.FindMember(member);
        if (spec is not null)
        {
            return spec;
        }

        var type = member switch
        {
            IPropertySymbol p => p.Type,
            IFieldSymbol f => f.Type,
            _ => null,
        };
        if (type is null)
        {
            return null;
        }

        return Classify(type) switch
        {
            ValueType.Number when IsNamedPort(member.Name) => NamedSpec(member.Name, null),
            ValueType.Text when value is not null && IsUrlValue(value) => UrlLiteral,
            _ => null,
        };
    }

    private static bool HasUrlElement(IArgumentOperation argument)
    {
        if (argument.ArgumentKind != ArgumentKind.ParamArray || argument.Value is not IArrayCreationOperation { Initializer: { } initializer })
        {
            return false;
        }

        foreach (var element in initializer.ElementValues)
        {
            if (IsUrlValue(element))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUrlValue(IOperation value)
    {
        // Cheap rejections first, with the answer the full resolution would give: a constant, or a local or readonly
        // field written once as a literal, whose text is not a URL (no walk of the body for the local's writes).
        var operation = PortValueResolver.Unwrap(value);
        var constant = operation.ConstantValue;
        if (constant.HasValue && operation is not IInterpolatedStringOperation)
        {
            if (constant.Value is not string constantText || !IsWholeUrl(constantText))
            {
                return false;
            }
        }
        else if (operation is ILocalReferenceOperation or IFieldReferenceOperation { Field.IsReadOnly: true })
        {
            var symbol = operation is ILocalReferenceOperation local ? (ISymbol)local.Local : ((IFieldReferenceOperation)operation).Field;
            var initializer = PortValueResolver.InitializerOf(symbol);
            if (initializer is null
                || (PortValueResolver.TryLiteralValue(initializer, out var literal) && (literal is not string literalText || !IsWholeUrl(literalText))))
            {
                return false;
            }
        }

        return PortValueResolver.TryResolve(value, out var resolved) && resolved.IsText && IsWholeUrl(resolved.Text!);
    }

    private void Emit(IOperation value, SinkSpec spec, IArgumentOperation? argument, ISymbol target, ref List<PortOccurrence>? found, bool configurable = false)
    {
        if (!PortValueResolver.TryResolve(value, out var resolved))
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

    /// <summary>
    /// The sink that a value wrapper (new IPEndPoint(...), new Uri(...)) flows into: directly as an argument or
    /// property value, or through a local declared with it. Null when it reaches no sink (it is then "stored").
    /// </summary>
    private SinkSpec? ConsumerOf(IOperation creation)
    {
        var parent = SkipUp(creation);
        switch (parent)
        {
            case IArgumentOperation { Parameter: { } parameter } argument:
                var spec = sinks.Find(parameter);
                if (spec is { IsWrapper: true } && argument.Parent is { } outer)
                {
                    return ConsumerOf(outer) ?? spec;
                }

                return spec;
            case ISimpleAssignmentOperation assignment:
                return assignment.Target switch
                {
                    IPropertyReferenceOperation property => sinks.FindMember(property.Property),
                    IFieldReferenceOperation field => sinks.FindMember(field.Field),
                    _ => null,
                };
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                foreach (var reference in LocalReferences(declarator.Symbol, declarator))
                {
                    if (SkipUp(reference) is IArgumentOperation { Parameter: { } p } && sinks.Find(p) is { IsWrapper: false } target)
                    {
                        return target;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>EndPoints = [new IPEndPoint(IPAddress.Loopback, 6379)] as the initializer of an options type's settable property.</summary>
    private static bool IsOptionsInitializer(IOperation creation)
    {
        var parent = creation.Parent;
        for (int depth = 0; parent is not null && depth < 6; depth++, parent = parent.Parent)
        {
            switch (parent)
            {
                case IPropertyInitializerOperation initializer:
                    return initializer.InitializedProperties.Length == 1 && IsOptionsDefault(initializer.InitializedProperties[0]);
                case IConversionOperation or IArrayInitializerOperation or IArrayCreationOperation or IParenthesizedOperation:
                    continue;
                default:
                    if (parent.Syntax is CollectionExpressionSyntax)
                    {
                        continue; // [a, b]: the collection expression's operation has no interface to match in Roslyn 4.8
                    }

                    return false;
            }
        }

        return false;
    }

    private static bool IsExpectedData(IOperation creation)
    {
        var parent = SkipUp(creation);
        return parent switch
        {
            IArgumentOperation { Parent: IInvocationOperation invocation } => IsComparison(invocation.TargetMethod),
            IArrayInitializerOperation => true,
            IArgumentOperation { Parent: IObjectCreationOperation { Type.SpecialType: SpecialType.System_Object } } => true,
            _ => false,
        };
    }

    private bool IsUsedBySink(ISymbol symbol, IOperation context)
    {
        if (symbol is IParameterSymbol)
        {
            return false; // a sink that receives the parameter sees no constant, so the default is reported here
        }

        if (symbol is ILocalSymbol local)
        {
            foreach (var reference in LocalReferences(local, context))
            {
                if (IsAtSink(reference))
                {
                    return true;
                }
            }

            return false;
        }

        var model = context.SemanticModel;
        var tree = context.Syntax.SyntaxTree;
        if (model is null || symbol.ContainingType is null)
        {
            return false;
        }

        foreach (var typeReference in symbol.ContainingType.DeclaringSyntaxReferences)
        {
            if (typeReference.SyntaxTree != tree)
            {
                continue; // other parts of a partial type: no semantic model here, so assume unused.
            }

            // Syntax first: only a name standing as an argument or an assigned value can be at a sink, and only
            // those are bound (binding every use would bind other members' bodies from this callback). The type is
            // walked once for all its port-named members.
            foreach (var identifier in BodyIndex.ValueNamesIn(typeReference.GetSyntax(), symbol.Name, IsValuePositionName))
            {
                if (model.GetOperation(identifier) is { } reference
                    && reference is IFieldReferenceOperation or IPropertyReferenceOperation
                    && SymbolEqualityComparer.Default.Equals(ReferencedMember(reference), symbol)
                    && IsAtSink(reference))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Every use of a field in its own type is the right side of ?? (syntax only; other parts of a partial type are not seen).</summary>
    private static bool IsOnlyFallback(ISymbol symbol, IOperation context)
    {
        if (symbol is not IFieldSymbol || symbol.ContainingType is null)
        {
            return false;
        }

        var tree = context.Syntax.SyntaxTree;
        int uses = 0;
        foreach (var typeReference in symbol.ContainingType.DeclaringSyntaxReferences)
        {
            if (typeReference.SyntaxTree != tree)
            {
                continue;
            }

            foreach (var node in typeReference.GetSyntax().DescendantNodes())
            {
                if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == symbol.Name && identifier.Parent is not VariableDeclaratorSyntax)
                {
                    if (identifier.Parent is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce || coalesce.Right != identifier)
                    {
                        return false;
                    }

                    uses++;
                }
            }
        }

        return uses > 0;
    }

    private static readonly System.Func<IdentifierNameSyntax, bool> IsValuePositionName = IsValuePosition;

    private static bool IsValuePosition(ExpressionSyntax name)
    {
        SyntaxNode? node = name;
        if (node.Parent is MemberAccessExpressionSyntax access && access.Name == name)
        {
            node = access; // this.Port, Options.Port
        }

        while (node?.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax or BinaryExpressionSyntax or ConditionalExpressionSyntax)
        {
            node = node.Parent;
        }

        return node?.Parent is ArgumentSyntax or EqualsValueClauseSyntax or AssignmentExpressionSyntax { Right: not null } or InterpolationSyntax;
    }

    private static ISymbol? ReferencedMember(IOperation reference) => reference switch
    {
        IFieldReferenceOperation field => field.Field.OriginalDefinition,
        IPropertyReferenceOperation property => property.Property.OriginalDefinition,
        _ => null,
    };

    private bool IsAtSink(IOperation reference)
    {
        var parent = SkipUp(reference);
        switch (parent)
        {
            case IArgumentOperation { Parameter: { } parameter } argument:
                var type = Classify(parameter.Type);
                return type != ValueType.None && SpecFor(argument, parameter, type) is not null;
            case ISimpleAssignmentOperation assignment when assignment.Value == reference || SkipDown(assignment.Value) == reference:
                return assignment.Target switch
                {
                    IPropertyReferenceOperation property => SpecForMember(property.Property, assignment.Value) is not null,
                    IFieldReferenceOperation field => SpecForMember(field.Field, assignment.Value) is not null,
                    _ => false,
                };
            case IPropertyInitializerOperation { InitializedProperties.Length: 1 } property:
                return IsNamedNumber(property.InitializedProperties[0], property.InitializedProperties[0].Type);
            case IFieldInitializerOperation { InitializedFields.Length: 1 } field:
                return IsNamedNumber(field.InitializedFields[0], field.InitializedFields[0].Type);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return IsNamedNumber(declarator.Symbol, declarator.Symbol.Type);
            case IInvalidOperation invalid:
                // An unbound call that takes it (ConfigureEndpoints(addr, SiloPort, ...)) reports it there.
                return AnalyzeUnboundCall(invalid) is { } unbound && unbound.Exists(o => o.Location.SourceSpan.IntersectsWith(reference.Syntax.Span));
            default:
                return false;
        }
    }

    // int SiloPort { get; } = DEFAULT_SILO_PORT: the member named for a port reports the value at its own declaration.
    private static bool IsNamedNumber(ISymbol member, ITypeSymbol type) => Classify(type) == ValueType.Number && IsNamedPort(member.Name);

    private static List<ILocalReferenceOperation> LocalReferences(ILocalSymbol local, IOperation anywhereInBody)
        => BodyIndex.ReferencesTo(local, anywhereInBody);

    // Walks up through conversions, parentheses and configuration-read defaults to the consumer of a value.
    private static IOperation? SkipUp(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation or ICoalesceOperation or IConditionalOperation or IInterpolationOperation or IInterpolatedStringOperation
            || parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String }
            || (parent is IArgumentOperation { Parameter.Name: "defaultValue", Parent: IInvocationOperation { TargetMethod.Name: "GetValue" or PortValueResolver.EnvironmentReadName } }))
        {
            parent = parent is IArgumentOperation ? parent.Parent!.Parent : parent.Parent;
        }

        return parent;
    }

    private static IOperation SkipDown(IOperation operation) => PortValueResolver.Unwrap(operation);

    private static ValueType Classify(ITypeSymbol type)
    {
        // The special type first: it answers for almost every parameter without touching type arguments (whose
        // public symbols Roslyn allocates on each access).
        switch (type.SpecialType)
        {
            case SpecialType.System_Int32:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt64:
                return ValueType.Number;
            case SpecialType.System_String:
                return ValueType.Text;
            case SpecialType.None:
                break;
            default:
                return ValueType.None;
        }

        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType.SpecialType == SpecialType.System_String ? ValueType.TextArray : ValueType.None;
        }

        return type is INamedTypeSymbol { IsValueType: true, OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            && Classify(nullable.TypeArguments[0]) == ValueType.Number
            ? ValueType.Number
            : ValueType.None;
    }

    private static string Describe(ISymbol symbol) => symbol switch
    {
        IParameterSymbol parameter => "parameter '" + parameter.Name + "' of " + (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            ? "new " + constructor.ContainingType.Name + "(...)"
            : parameter.ContainingSymbol?.Name ?? "a function pointer"),
        IFieldSymbol field => "field '" + field.Name + "'",
        IPropertySymbol property => "property '" + property.Name + "'",
        ILocalSymbol local => "local '" + local.Name + "'",
        _ => symbol.Name,
    };
}
