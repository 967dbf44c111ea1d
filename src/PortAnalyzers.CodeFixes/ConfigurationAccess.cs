using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PortAnalyzers.CodeFixes;

/// <summary>
/// Finds an IConfiguration the code can use at a position: a local, parameter, field or property of type
/// IConfiguration / IConfigurationRoot / IConfigurationManager (or a class implementing them), or the
/// Configuration of a WebApplicationBuilder, HostApplicationBuilder or WebApplication in scope. Only what compiles
/// there: no instance member in a static context or in a field/property initializer (CS0120, CS0236), no local of
/// top-level statements from another file (CS8801), no local declared after the position; and nothing during type
/// initialization (static initializers and constructors), where a static IConfiguration is not set yet.
/// </summary>
internal static class ConfigurationAccess
{
    public static string? Find(SemanticModel model, SyntaxNode site)
    {
        var compilation = model.Compilation;
        var configuration = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
        var binder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.ConfigurationBinder");
        if (configuration is null || binder is null)
        {
            return null;
        }

        var hosts = new[]
        {
            compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplicationBuilder"),
            compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.HostApplicationBuilder"),
            compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostApplicationBuilder"),
            compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplication"),
        };

        // Static field and property initializers and static constructors run at type initialization, before any
        // code has had a chance to set a static IConfiguration: a read there would see null. The environment is
        // there from the start of the process.
        if (InStaticInitialization(site))
        {
            return null;
        }

        int position = site.SpanStart;
        bool instanceMembers = InstanceMembersUsable(model, site);
        // The nearest wins: a local or parameter (set where it is in scope) before a field or property (which a
        // constructor may not have set yet at this point), an IConfiguration before a builder's Configuration.
        string? best = null;
        int bestRank = int.MaxValue;
        foreach (var symbol in model.LookupSymbols(position))
        {
            var (type, usable, rank) = symbol switch
            {
                ILocalSymbol local => (local.Type, IsDeclaredBefore(local, site), 0),
                IParameterSymbol parameter => (parameter.Type, ParameterUsable(parameter, site, instanceMembers), 1),
                IFieldSymbol field => (field.Type, field.IsStatic || instanceMembers, 2),
                IPropertySymbol property => (property.Type, (property.IsStatic || instanceMembers) && property.GetMethod is not null && !property.IsIndexer, 2),
                _ => (null, false, 0),
            };
            if (type is null || !usable)
            {
                continue;
            }

            if (Implements(type, configuration) && rank < bestRank)
            {
                (best, bestRank) = (NameAt(model, position, symbol), rank);
                continue;
            }

            foreach (var host in hosts)
            {
                if (host is not null && Implements(type, host) && rank + 3 < bestRank)
                {
                    (best, bestRank) = (NameAt(model, position, symbol) + ".Configuration", rank + 3);
                }
            }
        }

        return best;
    }

    // A member hidden by a local or parameter of the same name is written this.name (or Type.name).
    private static string NameAt(SemanticModel model, int position, ISymbol symbol)
    {
        var found = model.LookupSymbols(position, name: symbol.Name);
        if (found.Length > 0 && SymbolEqualityComparer.Default.Equals(found[0], symbol) || symbol is ILocalSymbol or IParameterSymbol)
        {
            return symbol.Name;
        }

        return symbol.IsStatic ? symbol.ContainingType.Name + "." + symbol.Name : "this." + symbol.Name;
    }

    private static bool InStaticInitialization(SyntaxNode site)
    {
        for (var node = site.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    return false; // runs when called, not at type initialization
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } }:
                    return field.Modifiers.Any(SyntaxKind.StaticKeyword) || field.Modifiers.Any(SyntaxKind.ConstKeyword);
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                    return property.Modifiers.Any(SyntaxKind.StaticKeyword);
                case ConstructorDeclarationSyntax constructor:
                    return constructor.Modifiers.Any(SyntaxKind.StaticKeyword);
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    // Instance members need an instance method, accessor, constructor or lambda in one; initializers of fields and
    // properties and constructor initializers (: base(...)) have no `this` yet.
    private static bool InstanceMembersUsable(SemanticModel model, SyntaxNode site)
    {
        for (var node = site.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } }:
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax }:
                case ConstructorInitializerSyntax:
                case AttributeSyntax:
                case ParameterSyntax:
                    return false;
                case AnonymousFunctionExpressionSyntax lambda when lambda.Modifiers.Any(SyntaxKind.StaticKeyword):
                case LocalFunctionStatementSyntax local when local.Modifiers.Any(SyntaxKind.StaticKeyword):
                    return false;
                case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax:
                    var member = model.GetDeclaredSymbol(node);
                    return member is not null && !member.IsStatic && member.ContainingType?.TypeKind != TypeKind.Interface;
                case GlobalStatementSyntax or TypeDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    // A parameter of a primary constructor is in scope in initializers; an enclosing method's parameter is in scope
    // where it was found, unless a static lambda or local function separates them.
    private static bool ParameterUsable(IParameterSymbol parameter, SyntaxNode site, bool instanceMembers)
    {
        if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            && constructor.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is TypeDeclarationSyntax)
        {
            // A primary constructor parameter: usable in initializers and instance members, not in static ones.
            return instanceMembers || InInitializer(site);
        }

        for (var node = site.Parent; node is not null; node = node.Parent)
        {
            if (node is AnonymousFunctionExpressionSyntax lambda && lambda.Modifiers.Any(SyntaxKind.StaticKeyword)
                || node is LocalFunctionStatementSyntax local && local.Modifiers.Any(SyntaxKind.StaticKeyword))
            {
                return false;
            }

            if (node is MemberDeclarationSyntax)
            {
                break;
            }
        }

        return true;
    }

    private static bool InInitializer(SyntaxNode site)
        => site.FirstAncestorOrSelf<EqualsValueClauseSyntax>() is { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } or PropertyDeclarationSyntax } clause
            && !clause.Ancestors().OfType<FieldDeclarationSyntax>().Any(f => f.Modifiers.Any(SyntaxKind.StaticKeyword) || f.Modifiers.Any(SyntaxKind.ConstKeyword))
            && !clause.Ancestors().OfType<PropertyDeclarationSyntax>().Any(p => p.Modifiers.Any(SyntaxKind.StaticKeyword));

    // Declared in this file, before the position, and not in a scope the position has left: top-level locals are
    // visible to lookup from other files, where using them is an error (CS8801).
    private static bool IsDeclaredBefore(ILocalSymbol local, SyntaxNode site)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != site.SyntaxTree || reference.Span.End > site.SpanStart)
            {
                return false;
            }

            // A static local function or lambda cannot capture it.
            for (var node = site.Parent; node is not null && !node.Span.Contains(reference.Span); node = node.Parent)
            {
                if (node is AnonymousFunctionExpressionSyntax lambda && lambda.Modifiers.Any(SyntaxKind.StaticKeyword)
                    || node is LocalFunctionStatementSyntax function && function.Modifiers.Any(SyntaxKind.StaticKeyword))
                {
                    return false;
                }
            }
        }

        return local.DeclaringSyntaxReferences.Length > 0;
    }

    private static bool Implements(ITypeSymbol type, INamedTypeSymbol target)
    {
        if (SymbolEqualityComparer.Default.Equals(type, target))
        {
            return true;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(@interface, target))
            {
                return true;
            }
        }

        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(baseType, target))
            {
                return true;
            }
        }

        return false;
    }
}
