using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PortAnalyzers.Discovery;

/// <summary>Values that are not endpoints in use: test assertions and expected data, and defaults of options types that their users override.</summary>
internal static class ExpectedData
{
    /// <summary>Test assertions and equality compare values; what they receive is expected data, not an endpoint in use.</summary>
    internal static bool IsComparison(IMethodSymbol method)
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

    /// <summary>Port = 1883 in the constructor of an options type, for its own settable property: that type's default.</summary>
    internal static bool IsOptionsConstructorDefault(ISimpleAssignmentOperation assignment, ISymbol member)
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
    /// A default that the code's users override: a settable property of an options type, a constant of an options type
    /// (EndpointOptions.DEFAULT_SILO_PORT), an optional parameter of a library's public API (the caller's to pass).
    /// </summary>
    internal static bool IsOptionsDefault(ISymbol symbol)
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

    /// <summary>EndPoints = [new IPEndPoint(IPAddress.Loopback, 6379)] as the initializer of an options type's settable property.</summary>
    internal static bool IsOptionsInitializer(IOperation creation)
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

    internal static bool IsExpectedData(IOperation creation)
    {
        var parent = ValueFlow.SkipUp(creation);
        return parent switch
        {
            IArgumentOperation { Parent: IInvocationOperation invocation } => IsComparison(invocation.TargetMethod),
            IArrayInitializerOperation => true,
            IArgumentOperation { Parent: IObjectCreationOperation { Type.SpecialType: SpecialType.System_Object } } => true,
            _ => false,
        };
    }
}
