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
/// This file holds the entry points (one per operation kind); the parts are beside it: SinkResolution (catalogue, then
/// names), ValueFlow (where a value goes), ExpectedData (tests, options defaults), UnboundCalls and Occurrence.
/// </summary>
internal sealed partial class CSharpPortDiscovery
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

        var spec = SpecFor(argument, parameter, type, out var resolved);
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
                    ResolvedValue? elementValue = null;
                    if (!ReferenceEquals(spec, UrlLiteral) || IsUrlValue(element, out elementValue))
                    {
                        Emit(element, spec, argument, parameter, ref found, known: elementValue);
                    }
                }
            }
        }
        else
        {
            Emit(argument.Value, spec, argument, parameter, ref found, known: resolved);
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

        var spec = SpecForMember(member, assignment.Value, out var resolved);
        if (spec is null)
        {
            return null;
        }

        List<PortOccurrence>? found = null;
        Emit(assignment.Value, spec, null, member, ref found, configurable: IsOptionsConstructorDefault(assignment, member), known: resolved);
        return found;
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
        ResolvedValue? urlValue = null;
        bool isUrl = type == ValueType.Text && symbol is not IParameterSymbol && IsUrlValue(value, out urlValue);
        if (!isNumber && !isUrl)
        {
            return null;
        }

        var unwrapped = PortValueResolver.Unwrap(value);
        if (!unwrapped.ConstantValue.HasValue && unwrapped is not (IInvocationOperation or ICoalesceOperation or IConditionalOperation or IBinaryOperation or IInterpolatedStringOperation))
        {
            return null;
        }

        // A URL was resolved to be recognised: that resolution is reused.
        ResolvedValue resolved;
        if (urlValue is { } known)
        {
            resolved = known;
        }
        else if (!PortValueResolver.TryResolve(value, out resolved))
        {
            return null;
        }

        if (resolved.IsText != isUrl || IsUsedBySink(symbol, value))
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
