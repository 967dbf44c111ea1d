using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PortAnalyzers.Model;

namespace PortAnalyzers.Discovery;

/// <summary>
/// Sink resolution: the catalogue first (ResolvedSinks), then names that say port, and URL literals. One instance per
/// compilation, holding the catalogue bound to its symbols; no mutable state of its own.
/// </summary>
internal sealed class SinkResolver
{
    // Name-based sinks (role "unknown"), and the catch-all for URL literals.
    internal static readonly SinkSpec NamedPort = new(string.Empty, string.Empty, string.Empty, PortRole.Unknown, PortTransport.Unknown, SinkValueKind.Port, display: "a value named for a port");
    internal static readonly SinkSpec NamedContainerPort = new(string.Empty, string.Empty, string.Empty, PortRole.Container, PortTransport.Unknown, SinkValueKind.Port, display: "a container port");

    // Aspire's WithHostPort(port) on each integration (Redis, Postgres, ...): the port published on the host.
    internal static readonly SinkSpec NamedHostPort = new(string.Empty, string.Empty, string.Empty, PortRole.Listen, PortTransport.Tcp, SinkValueKind.Port, display: "a published host port");
    internal static readonly SinkSpec NamedConnectionString = new(string.Empty, string.Empty, string.Empty, PortRole.Connect, PortTransport.Tcp, SinkValueKind.ConnectionString, display: "a connection string");
    internal static readonly SinkSpec UrlLiteral = new(string.Empty, string.Empty, string.Empty, PortRole.Unknown, PortTransport.Unknown, SinkValueKind.Url, display: "a URL");

    private readonly ResolvedSinks sinks;

    public SinkResolver(ResolvedSinks sinks)
    {
        this.sinks = sinks;
    }

    /// <summary>A name that says port and is not a limit (MaxPort) or the other end's port (RemotePort).</summary>
    internal static bool IsNamedPort(string name)
        => PortWord.Matches(name) && !PortWord.IsBoundName(name) && !PortWord.IsOtherEnd(name);

    /// <summary>A URL literal with an explicit port, and nothing else: "see http://x:1/ for help" is prose, not a URL.</summary>
    internal static bool IsWholeUrl(string text)
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

    internal static SinkSpec NamedSpec(string name, string? method)
        => PortWord.IsContainerSide(name) ? NamedContainerPort
        : method == "WithHostPort" ? NamedHostPort
        : NamedPort;

    internal SinkSpec? SpecFor(IArgumentOperation argument, IParameterSymbol parameter, CandidateType type) => SpecFor(argument, parameter, type, out _);

    /// <summary>The argument's sink; <paramref name="resolved"/> is the argument's value when deciding needed its resolution (a URL literal).</summary>
    internal SinkSpec? SpecFor(IArgumentOperation argument, IParameterSymbol parameter, CandidateType type, out ResolvedValue? resolved)
    {
        resolved = null;
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
            CandidateType.Number when IsNamedPort(parameter.Name) => NamedSpec(parameter.Name, parameter.ContainingSymbol?.Name),
            CandidateType.Text when string.Equals(parameter.Name, "connectionString", System.StringComparison.OrdinalIgnoreCase) => NamedConnectionString,
            CandidateType.Text when IsUrlValue(argument.Value, out resolved) => UrlLiteral,
            CandidateType.TextArray when HasUrlElement(argument) => UrlLiteral,
            _ => null,
        };

        // Checked last: almost no argument gets this far. The pieces of string.Format/Concat are judged as the string
        // they build, where it goes.
        return fallback is not null && parameter.ContainingSymbol is IMethodSymbol method && (ExpectedData.IsComparison(method) || StringTemplate.IsFormatOrConcat(method)) ? null : fallback;
    }

    internal SinkSpec? SpecForMember(ISymbol member, IOperation? value = null) => SpecForMember(member, value, out _);

    internal SinkSpec? SpecForMember(ISymbol member, IOperation? value, out ResolvedValue? resolved)
    {
        resolved = null;
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

        return SinkCandidate.Classify(type) switch
        {
            CandidateType.Number when IsNamedPort(member.Name) => NamedSpec(member.Name, null),
            CandidateType.Text when value is not null && IsUrlValue(value, out resolved) => UrlLiteral,
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

    private static bool IsUrlValue(IOperation value) => IsUrlValue(value, out _);

    /// <summary>As IsUrlValue; when true, <paramref name="resolved"/> is the value's resolution, which Emit then reuses (one resolution per value).</summary>
    internal static bool IsUrlValue(IOperation value, out ResolvedValue? resolved)
    {
        resolved = null;
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
                || (PortValueResolver.TryLiteralValue(initializer, out var literal) ? literal is not string literalText || !IsWholeUrl(literalText) : !MayComposeUrl(initializer)))
            {
                return false;
            }
        }
        else if (operation is IInterpolatedStringOperation interpolated && !TextPartsHoldColon(interpolated))
        {
            // $"Received {count} bytes": a URL with a port needs "://" and the port's ':' in the text parts (a hole stands
            // in as a letter in the template), so most interpolations are answered without building one.
            return false;
        }

        if (PortValueResolver.TryResolve(value, out var full) && full.IsText && IsWholeUrl(full.Text!))
        {
            resolved = full;
            return true;
        }

        return false;
    }

    /// <summary>
    /// var text = GetText(): an initializer that is not a literal resolves to a URL only through text it writes (a
    /// configuration read's default, a template's text parts: the port's ':' is then in a literal) or through a string
    /// it composes (interpolation, +, string.Format or Concat, whose constant parts may be declared elsewhere).
    /// Neither in it: the resolver is not asked.
    /// </summary>
    private static bool MayComposeUrl(SyntaxNode node, int depth = 0)
    {
        // A walk of child lists rather than DescendantNodesAndTokens: nothing allocated for a value that is no URL.
        // Very deep syntax (a long fluent chain) is left to the resolver.
        if (depth > 32
            || node is InterpolatedStringExpressionSyntax or BinaryExpressionSyntax
            || (node is InvocationExpressionSyntax invocation
                && invocation.Expression switch
                {
                    MemberAccessExpressionSyntax access => StringTemplate.IsFormatOrConcatName(access.Name.Identifier.ValueText),
                    IdentifierNameSyntax identifier => StringTemplate.IsFormatOrConcatName(identifier.Identifier.ValueText),
                    _ => false,
                }))
        {
            return true;
        }

        foreach (var child in node.ChildNodesAndTokens())
        {
            if (child.IsToken ? IsTextWithColon(child.AsToken()) : MayComposeUrl(child.AsNode()!, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTextWithColon(SyntaxToken token)
    {
        switch (token.Kind())
        {
            case SyntaxKind.StringLiteralToken:
            case SyntaxKind.InterpolatedStringTextToken:
            case SyntaxKind.SingleLineRawStringLiteralToken:
            case SyntaxKind.MultiLineRawStringLiteralToken:
            case SyntaxKind.Utf8StringLiteralToken:
            case SyntaxKind.CharacterLiteralToken:
                return token.ValueText.IndexOf(':') >= 0;
            default:
                return false;
        }
    }

    private static bool TextPartsHoldColon(IInterpolatedStringOperation interpolated)
    {
        foreach (var part in interpolated.Parts)
        {
            if (part is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string text } } && text.IndexOf(':') >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // int SiloPort { get; } = DEFAULT_SILO_PORT: the member named for a port reports the value at its own declaration.
    internal static bool IsNamedNumber(ISymbol member, ITypeSymbol type) => SinkCandidate.Classify(type) == CandidateType.Number && IsNamedPort(member.Name);
}
