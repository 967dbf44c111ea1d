using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PortAnalyzers.Model;

namespace PortAnalyzers.Discovery;

/// <summary>
/// Turns C# operations into <see cref="PortOccurrence"/>s: the sink catalogue for the role, the value resolver for
/// the number. One instance per compilation; thread-safe (no mutable state). Every entry point returns null
/// without allocating when the operation carries no port, which is almost always.
/// This class holds the entry points (one per operation kind) and wires the pipeline, each step its own class:
/// <see cref="SinkCandidate"/> (syntax and type), <see cref="SinkResolver"/> (catalogue, then names),
/// <see cref="PortValueResolver"/> (one walk per method body), <see cref="OccurrenceBuilder"/>; beside them
/// <see cref="ValueFlow"/> (where a value goes), <see cref="ExpectedData"/> (tests, options defaults) and
/// <see cref="UnboundCallDiscovery"/>. A value resolved while resolving its sink is handed on, not resolved again.
/// </summary>
internal sealed class CSharpPortDiscovery
{
    private readonly SinkResolver sinks;
    private readonly ValueFlow flow;
    private readonly OccurrenceBuilder occurrences;

    public CSharpPortDiscovery(ResolvedSinks catalogue)
    {
        sinks = new SinkResolver(catalogue);
        flow = new ValueFlow(catalogue, sinks);
        occurrences = new OccurrenceBuilder(flow);
    }

    /// <summary>An argument to a sink parameter, a port-named parameter or a URL literal argument.</summary>
    public List<PortOccurrence>? AnalyzeArgument(IArgumentOperation argument)
    {
        // Syntax first, before any symbol is touched: a value written as an object creation, a lambda, an await, an
        // element access and the like never resolves to a constant (a wrapper's own arguments are visited on their own).
        if (argument.Syntax is ArgumentSyntax { Expression: var written } && SinkCandidate.CannotBeConstant(written))
        {
            return null;
        }

        // Then the value's shape, before the parameter's symbol and type are asked for: most arguments are
        // parameters, properties or fields passed along, which never resolve to a port. A params array is taken
        // apart below, element by element.
        if (argument.ArgumentKind != ArgumentKind.ParamArray && !PortValueResolver.MayResolve(argument.Value))
        {
            return null;
        }

        var parameter = argument.Parameter;
        if (parameter is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
        {
            return null;
        }

        var type = SinkCandidate.Classify(parameter.Type);
        if (type == CandidateType.None)
        {
            return null;
        }

        var spec = sinks.SpecFor(argument, parameter, type, out var resolved);
        if (spec is null)
        {
            return null;
        }

        List<PortOccurrence>? found = null;
        if (type == CandidateType.TextArray)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    // WithOrigins("http://localhost:62653", ...): only elements that are whole URLs, as for one string.
                    ResolvedValue? elementValue = null;
                    if (!ReferenceEquals(spec, SinkResolver.UrlLiteral) || SinkResolver.IsUrlValue(element, out elementValue))
                    {
                        occurrences.Emit(element, spec, argument, parameter, ref found, known: elementValue);
                    }
                }
            }
        }
        else
        {
            occurrences.Emit(argument.Value, spec, argument, parameter, ref found, known: resolved);
        }

        return found;
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
        if (member is null || !PortValueResolver.MayResolve(assignment.Value))
        {
            return null;
        }

        var spec = sinks.SpecForMember(member, assignment.Value, out var resolved);
        if (spec is null)
        {
            return null;
        }

        List<PortOccurrence>? found = null;
        occurrences.Emit(assignment.Value, spec, null, member, ref found, configurable: ExpectedData.IsOptionsConstructorDefault(assignment, member), known: resolved);
        return found;
    }

    /// <summary>
    /// A field, property or local named for a port with a constant initializer: an unknown-role sink, but only
    /// when no recognised sink in its containing type (or method, for a local) uses it.
    /// </summary>
    public List<PortOccurrence>? AnalyzeDeclaration(ISymbol symbol, IOperation? value)
    {
        if (value is null || !PortValueResolver.MayResolve(value))
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
        var type = symbolType is null ? CandidateType.None : SinkCandidate.Classify(symbolType);
        bool isNumber = type == CandidateType.Number && SinkResolver.IsNamedPort(symbol.Name);
        ResolvedValue? urlValue = null;
        bool isUrl = type == CandidateType.Text && symbol is not IParameterSymbol && SinkResolver.IsUrlValue(value, out urlValue);
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

        if (resolved.IsText != isUrl || flow.IsUsedBySink(symbol, value))
        {
            return null;
        }

        // A settable property of an options type is bound from configuration: its initializer is the default. So is a
        // constant used only behind ?? (configuration["Otlp:Url"] ?? DefaultUrl).
        bool hardcoded = resolved.IsHardcoded && !ExpectedData.IsOptionsDefault(symbol) && !ValueFlow.IsOnlyFallback(symbol, value);
        if (OccurrenceBuilder.IsNoPortSentinel(resolved))
        {
            return null;
        }

        var role = isNumber && PortWord.IsContainerSide(symbol.Name) ? PortRole.Container : PortRole.Unknown;
        var description = OccurrenceBuilder.Describe(symbol);
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

    /// <summary>A call or creation that does not bind: see <see cref="UnboundCallDiscovery.Analyze"/>.</summary>
    public List<PortOccurrence>? AnalyzeUnboundCall(IInvalidOperation invalid) => UnboundCallDiscovery.Analyze(invalid);
}
