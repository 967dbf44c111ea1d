using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PortAnalyzers.CodeFixes;

/// <summary>
/// Finds an IConfiguration the code can use at a position: a local, parameter, field or property of type
/// IConfiguration / IConfigurationRoot / IConfigurationManager (or a class implementing them), or the
/// Configuration of a WebApplicationBuilder, HostApplicationBuilder or WebApplication in scope.
/// </summary>
internal static class ConfigurationAccess
{
    public static string? Find(SemanticModel model, ExpressionSyntax site)
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

        int position = site.SpanStart;
        var enclosing = model.GetEnclosingSymbol(position);
        bool isStatic = enclosing is { IsStatic: true } || enclosing?.ContainingSymbol is IMethodSymbol { IsStatic: true };
        string? viaHost = null;

        // Locals and parameters first (nearest scope), then members.
        foreach (var symbol in model.LookupSymbols(position))
        {
            var (type, usable) = symbol switch
            {
                ILocalSymbol local => (local.Type, IsDeclaredBefore(local, position)),
                IParameterSymbol parameter => (parameter.Type, true),
                IFieldSymbol field => (field.Type, field.IsStatic || !isStatic),
                IPropertySymbol property => (property.Type, (property.IsStatic || !isStatic) && property.GetMethod is not null),
                _ => (null, false),
            };
            if (type is null || !usable)
            {
                continue;
            }

            if (Implements(type, configuration))
            {
                return symbol.Name;
            }

            foreach (var host in hosts)
            {
                if (host is not null && Implements(type, host))
                {
                    viaHost ??= symbol.Name + ".Configuration";
                }
            }
        }

        return viaHost;
    }

    private static bool IsDeclaredBefore(ILocalSymbol local, int position)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            if (reference.Span.End > position)
            {
                return false;
            }
        }

        return true;
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
