using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PortAnalyzers.Discovery;

/// <summary>
/// The sink catalogue bound to one compilation's symbols, one declaring type at a time, when a call or member of a
/// type with a catalogue type's simple name is first seen. Nothing is resolved at compilation start: looking the
/// catalogue's types up by metadata name (GetTypeByMetadataName) searched every referenced assembly and cost
/// 0.5-0.7 s at the start of a real build (see docs/performance.md), for types most projects never use.
/// </summary>
internal sealed class ResolvedSinks
{
    // Catalogue lines by the metadata name of their type, and the simple names of those types: a string check that
    // rejects almost every method before any symbol is hashed or a name is built.
    private static readonly Dictionary<string, List<SinkSpec>> SpecsByType = IndexCatalogue();
    private static readonly HashSet<string> TypeNames = SimpleNames();

    private readonly ConcurrentDictionary<INamedTypeSymbol, TypeSinks> types = new(SymbolEqualityComparer.Default);

    private ResolvedSinks()
    {
    }

    /// <summary>Catalogue lines that bound to at least one symbol so far (the catalogue test checks parameter names with it).</summary>
    internal IReadOnlyCollection<SinkSpec> Matched
    {
        get
        {
            var matched = new HashSet<SinkSpec>();
            foreach (var type in types.Values)
            {
                matched.UnionWith(type.Matched);
            }

            return matched;
        }
    }

    /// <summary>For the analyzer: an empty cache, filled as sinks' types are met.</summary>
    public static ResolvedSinks Create() => new();

    /// <summary>For tests and tools: every catalogue type present in <paramref name="compilation"/> bound now.</summary>
    public static ResolvedSinks Resolve(Compilation compilation)
    {
        var resolved = new ResolvedSinks();
        foreach (var name in SpecsByType.Keys)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                resolved.For(type);
            }
        }

        return resolved;
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
        var type = declaring.ContainingType;
        if (type is null || !TypeNames.Contains(type.Name) || For(type) is not { } sinks)
        {
            return null;
        }

        var definition = declaring.OriginalDefinition;
        int ordinal = parameter.Ordinal + (method.ReducedFrom is not null ? 1 : 0);
        return sinks.Methods.TryGetValue(definition, out var slots) && ordinal < slots.Length ? slots[ordinal] : null;
    }

    /// <summary>The sink a property or field is (SmtpClient.Port, HttpClient.BaseAddress), or null.</summary>
    public SinkSpec? FindMember(ISymbol member)
        => member.ContainingType is { } type && TypeNames.Contains(type.Name) && For(type) is { } sinks
            && sinks.Members.TryGetValue(member.OriginalDefinition, out var spec) ? spec : null;

    /// <summary>For collection.Add(x) where collection is e.g. WebApplication.Urls: the sink, or null.</summary>
    public SinkSpec? FindCollection(IPropertySymbol property)
        => property.ContainingType is { } type && TypeNames.Contains(type.Name) && For(type) is { } sinks
            && sinks.Collections.TryGetValue(property.OriginalDefinition, out var spec) ? spec : null;

    /// <summary>The sinks a type declares, or null when it is not a catalogue type. Bound once per type and compilation.</summary>
    private TypeSinks? For(INamedTypeSymbol type)
    {
        type = type.OriginalDefinition;
        if (!types.TryGetValue(type, out var sinks))
        {
            sinks = types.GetOrAdd(type, TypeSinks.Bind(type, SpecsByType.TryGetValue(MetadataName(type), out var specs) ? specs : null));
        }

        return sinks.IsEmpty ? null : sinks;
    }

    /// <summary>"System.Net.Sockets.TcpListener", "Outer+Inner", "Generic`1": the form GetTypeByMetadataName takes.</summary>
    private static string MetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }

        for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            name = ns.MetadataName + "." + name;
        }

        return name;
    }

    private static Dictionary<string, List<SinkSpec>> IndexCatalogue()
    {
        var index = new Dictionary<string, List<SinkSpec>>(StringComparer.Ordinal);
        foreach (var spec in SinkCatalog.All)
        {
            if (!index.TryGetValue(spec.Type, out var list))
            {
                index.Add(spec.Type, list = new List<SinkSpec>());
            }

            list.Add(spec);
        }

        return index;
    }

    private static HashSet<string> SimpleNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in SpecsByType.Keys)
        {
            var name = type.Substring(Math.Max(type.LastIndexOf('.'), type.LastIndexOf('+')) + 1);
            int arity = name.IndexOf('`');
            names.Add(arity < 0 ? name : name.Substring(0, arity));
        }

        return names;
    }

    /// <summary>The catalogue lines of one type bound to its members.</summary>
    private sealed class TypeSinks
    {
        private static readonly TypeSinks Empty = new();

        public readonly Dictionary<IMethodSymbol, SinkSpec?[]> Methods = new(SymbolEqualityComparer.Default);

        public readonly Dictionary<ISymbol, SinkSpec> Members = new(SymbolEqualityComparer.Default);

        public readonly Dictionary<IPropertySymbol, SinkSpec> Collections = new(SymbolEqualityComparer.Default);

        public readonly HashSet<SinkSpec> Matched = new();

        public bool IsEmpty => Methods.Count == 0 && Members.Count == 0 && Collections.Count == 0;

        public static TypeSinks Bind(INamedTypeSymbol type, List<SinkSpec>? specs)
        {
            if (specs is null)
            {
                return Empty;
            }

            var sinks = new TypeSinks();
            foreach (var spec in specs)
            {
                sinks.Add(type, spec);
            }

            return sinks;
        }

        private void Add(INamedTypeSymbol type, SinkSpec spec)
        {
            if (spec.ReceiverProperty is not null)
            {
                foreach (var member in type.GetMembers(spec.ReceiverProperty))
                {
                    if (member is IPropertySymbol property && !Collections.ContainsKey(property))
                    {
                        Collections.Add(property, spec);
                        Matched.Add(spec);
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
                    case IPropertySymbol or IFieldSymbol when member.Name == spec.Parameter && !Members.ContainsKey(member):
                        Members.Add(member, spec);
                        Matched.Add(spec);
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

                if (!Methods.TryGetValue(method, out var slots))
                {
                    slots = new SinkSpec?[method.Parameters.Length];
                    Methods.Add(method, slots);
                }

                // The first matching line wins: overload-specific lines come before general ones.
                slots[parameter.Ordinal] ??= spec;
                Matched.Add(spec);
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
    }
}
