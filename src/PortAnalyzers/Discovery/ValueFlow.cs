using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PortAnalyzers.Discovery;

/// <summary>
/// Where a value goes: the sink a wrapper or a named value reaches, through locals, members and conversions. Asks the
/// catalogue for a wrapper's consumer and the sink resolver for a named value's use; no mutable state.
/// </summary>
internal sealed class ValueFlow
{
    private readonly ResolvedSinks catalogue;
    private readonly SinkResolver sinks;

    public ValueFlow(ResolvedSinks catalogue, SinkResolver sinks)
    {
        this.catalogue = catalogue;
        this.sinks = sinks;
    }

    /// <summary>
    /// The sink that a value wrapper (new IPEndPoint(...), new Uri(...)) flows into: directly as an argument or
    /// property value, or through a local declared with it. Null when it reaches no sink (it is then "stored").
    /// </summary>
    internal SinkSpec? ConsumerOf(IOperation creation)
    {
        var parent = SkipUp(creation);
        switch (parent)
        {
            case IArgumentOperation { Parameter: { } parameter } argument:
                var spec = catalogue.Find(parameter);
                if (spec is { IsWrapper: true } && argument.Parent is { } outer)
                {
                    return ConsumerOf(outer) ?? spec;
                }

                return spec;
            case ISimpleAssignmentOperation assignment:
                return assignment.Target switch
                {
                    IPropertyReferenceOperation property => catalogue.FindMember(property.Property),
                    IFieldReferenceOperation field => catalogue.FindMember(field.Field),
                    _ => null,
                };
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                foreach (var reference in LocalReferences(declarator.Symbol, declarator))
                {
                    if (SkipUp(reference) is IArgumentOperation { Parameter: { } p } && catalogue.Find(p) is { IsWrapper: false } target)
                    {
                        return target;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    internal bool IsUsedBySink(ISymbol symbol, IOperation context)
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
    internal static bool IsOnlyFallback(ISymbol symbol, IOperation context)
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
                var type = SinkCandidate.Classify(parameter.Type);
                return type != CandidateType.None && sinks.SpecFor(argument, parameter, type) is not null;
            case ISimpleAssignmentOperation assignment when assignment.Value == reference || SkipDown(assignment.Value) == reference:
                return assignment.Target switch
                {
                    IPropertyReferenceOperation property => sinks.SpecForMember(property.Property, assignment.Value) is not null,
                    IFieldReferenceOperation field => sinks.SpecForMember(field.Field, assignment.Value) is not null,
                    _ => false,
                };
            case IPropertyInitializerOperation { InitializedProperties.Length: 1 } property:
                return SinkResolver.IsNamedNumber(property.InitializedProperties[0], property.InitializedProperties[0].Type);
            case IFieldInitializerOperation { InitializedFields.Length: 1 } field:
                return SinkResolver.IsNamedNumber(field.InitializedFields[0], field.InitializedFields[0].Type);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return SinkResolver.IsNamedNumber(declarator.Symbol, declarator.Symbol.Type);
            case IInvalidOperation invalid:
                // An unbound call that takes it (ConfigureEndpoints(addr, SiloPort, ...)) reports it there.
                return UnboundCallDiscovery.Analyze(invalid) is { } unbound && unbound.Exists(o => o.Location.SourceSpan.IntersectsWith(reference.Syntax.Span));
            default:
                return false;
        }
    }

    private static List<ILocalReferenceOperation> LocalReferences(ILocalSymbol local, IOperation anywhereInBody)
        => BodyIndex.ReferencesTo(local, anywhereInBody);

    // Walks up through conversions, parentheses and configuration-read defaults to the consumer of a value.
    internal static IOperation? SkipUp(IOperation operation)
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
}
