using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PortAnalyzers.Discovery;

/// <summary>
/// The sink catalogue bound to one compilation's symbols, built once at compilation start. Look-ups are
/// dictionary hits on symbols; nothing is compared by name on the hot path.
/// </summary>
internal sealed class ResolvedSinks
{
    private readonly Dictionary<IMethodSymbol, SinkSpec?[]> methods = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, SinkSpec> members = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IPropertySymbol, SinkSpec> collections = new(SymbolEqualityComparer.Default);
    private readonly HashSet<SinkSpec> matched = new();

    // Simple names of the types that declare sinks: a string check that rejects almost every method before the
    // symbol dictionary (whose symbol hashing is the expensive part) is consulted.
    private readonly HashSet<string> typeNames = new(StringComparer.Ordinal);

    private ResolvedSinks()
    {
    }

    /// <summary>Catalogue lines that bound to at least one symbol (the catalogue test checks parameter names with it).</summary>
    internal IReadOnlyCollection<SinkSpec> Matched => matched;

    public static ResolvedSinks Resolve(Compilation compilation)
    {
        var resolved = new ResolvedSinks();
        var types = new Dictionary<string, INamedTypeSymbol?>(StringComparer.Ordinal);
        foreach (var spec in SinkCatalog.All)
        {
            if (!types.TryGetValue(spec.Type, out var type))
            {
                type = compilation.GetTypeByMetadataName(spec.Type);
                types.Add(spec.Type, type);
            }

            if (type is not null)
            {
                resolved.Add(type, spec);
                resolved.typeNames.Add(type.Name);
            }
        }

        return resolved;
    }

    private void Add(INamedTypeSymbol type, SinkSpec spec)
    {
        if (spec.ReceiverProperty is not null)
        {
            foreach (var member in type.GetMembers(spec.ReceiverProperty))
            {
                if (member is IPropertySymbol property && !collections.ContainsKey(property))
                {
                    collections.Add(property, spec);
                    matched.Add(spec);
                }
            }

            return;
        }

        var candidates = spec.Member == "*" ? type.GetMembers() : type.GetMembers(spec.Member);
        foreach (var member in candidates)
        {
            switch (member)
            {
                case IMethodSymbol method when method.MethodKind is MethodKind.Ordinary or MethodKind.Constructor:
                    AddMethod(method, spec);
                    break;
                case IPropertySymbol or IFieldSymbol when member.Name == spec.Parameter && !members.ContainsKey(member):
                    members.Add(member, spec);
                    matched.Add(spec);
                    break;
            }
        }
    }

    private void AddMethod(IMethodSymbol method, SinkSpec spec)
    {
        if (spec.ParameterNames is not null && !HasParameterNames(method, spec.ParameterNames))
        {
            return;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.Name != spec.Parameter)
            {
                continue;
            }

            if (!methods.TryGetValue(method, out var slots))
            {
                slots = new SinkSpec?[method.Parameters.Length];
                methods.Add(method, slots);
            }

            // The first matching line wins: overload-specific lines come before general ones.
            slots[parameter.Ordinal] ??= spec;
            matched.Add(spec);
        }
    }

    private static bool HasParameterNames(IMethodSymbol method, string names)
    {
        var expected = names.Split(',');
        if (expected.Length != method.Parameters.Length)
        {
            return false;
        }

        for (int i = 0; i < expected.Length; i++)
        {
            if (method.Parameters[i].Name != expected[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The sink a parameter is, or null. Handles reduced extension methods and generic instantiations.</summary>
    public SinkSpec? Find(IParameterSymbol parameter)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method)
        {
            return null;
        }

        // A function pointer's signature (delegate* unmanaged<...>) has no containing type.
        var declaring = method.ReducedFrom ?? method;
        if (declaring.ContainingType is null || !typeNames.Contains(declaring.ContainingType.Name))
        {
            return null;
        }

        var definition = declaring.OriginalDefinition;
        int ordinal = parameter.Ordinal + (method.ReducedFrom is not null ? 1 : 0);
        return methods.TryGetValue(definition, out var slots) && ordinal < slots.Length ? slots[ordinal] : null;
    }

    /// <summary>The sink a property or field is (SmtpClient.Port, HttpClient.BaseAddress), or null.</summary>
    public SinkSpec? FindMember(ISymbol member)
        => member.ContainingType is not null && typeNames.Contains(member.ContainingType.Name) && members.TryGetValue(member.OriginalDefinition, out var spec) ? spec : null;

    /// <summary>For collection.Add(x) where collection is e.g. WebApplication.Urls: the sink, or null.</summary>
    public SinkSpec? FindCollection(IPropertySymbol property)
        => collections.TryGetValue(property.OriginalDefinition, out var spec) ? spec : null;
}
