using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PortAnalyzers.Model;

namespace PortAnalyzers.Rules;

/// <summary>
/// PORT006: two listeners of one scope on the same port and transport. The later one (in source order) is
/// reported, with the first as additional location. TCP and UDP on one number do not collide.
/// </summary>
internal static class DuplicateBindingRule
{
    public static void Evaluate(IEnumerable<PortOccurrence> occurrences, System.Action<Diagnostic> report, DiagnosticDescriptor? descriptor = null)
    {
        // Source order: by file, then position. The file is read once per listener (a comparison that computed line
        // spans cost the dense benchmark's compilation end several percent of all our time).
        var listeners = new List<KeyValuePair<string, PortOccurrence>>();
        foreach (var o in occurrences)
        {
            if (o.Role == PortRole.Listen && o.IsValidPort && o.Value != 0)
            {
                listeners.Add(new KeyValuePair<string, PortOccurrence>(o.Location.SourceTree?.FilePath ?? o.Location.GetLineSpan().Path ?? string.Empty, o));
            }
        }

        if (listeners.Count < 2)
        {
            return;
        }

        listeners.Sort(CompareBySource);
        var sorted = new List<PortOccurrence>(listeners.Count);
        foreach (var listener in listeners)
        {
            sorted.Add(listener.Value);
        }

        // Keyed by text (scope, port, transport): a tuple key of structs is a dictionary the JIT compiles in every process.
        var seen = new Dictionary<string, List<PortOccurrence>>(System.StringComparer.Ordinal);
        var descriptions = new Dictionary<PortOccurrence, string>();
        foreach (var o in sorted)
        {
            var transport = o.EffectiveTransport == PortTransport.Unknown ? PortTransport.Tcp : o.EffectiveTransport;
            var key = ScopeKey(o.BindingScope) + "\n" + o.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n" + ((int)transport).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!seen.TryGetValue(key, out var earlierOnes))
            {
                seen.Add(key, new List<PortOccurrence> { o });
                continue;
            }

            // 0.0.0.0 and :: on one port are two sockets; 127.0.0.1 and 127.0.0.2 too. Only the first listener of each
            // bind address is kept: whether two collide depends on their addresses alone, and the first in source order
            // is the one named. Keeping every listener made a port bound thousands of times quadratic.
            PortOccurrence? earlier = null;
            bool addressSeen = false;
            foreach (var e in earlierOnes)
            {
                addressSeen |= string.Equals(e.BindAddress, o.BindAddress, System.StringComparison.Ordinal);
                if (earlier is null && SameSocket(e.BindAddress, o.BindAddress))
                {
                    earlier = e;
                }
            }

            if (!addressSeen)
            {
                earlierOnes.Add(o);
            }

            if (earlier is null)
            {
                continue;
            }

            if (!descriptions.TryGetValue(earlier, out var description))
            {
                var where = earlier.Location.GetLineSpan();
                description = earlier.Sink + " at " + System.IO.Path.GetFileName(where.Path) + ":" + (where.StartLinePosition.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                descriptions.Add(earlier, description);
            }

            report(Diagnostic.Create(
                descriptor ?? Descriptors.DuplicateBinding,
                o.Location,
                new[] { earlier.Location },
                o.Value,
                transport.ToDisplayString(),
                description));
        }
    }

    /// <summary>
    /// Whether two listeners on one port and transport would take the same socket, by their bind addresses. Also asked
    /// by port-inventory for listeners of different projects (PORTX01).
    /// </summary>
    public static bool SameSocket(string? bindAddressA, string? bindAddressB) => BindAddresses.Overlap(bindAddressA, bindAddressB);

    // No scope (C#: the whole compilation is one) and each file part apart; '\u0001' cannot start a file path.
    private static string ScopeKey(BindingScope? scope) => scope is { } part ? part.File + "\u0000" + part.Name : "\u0001";

    private static int CompareBySource(KeyValuePair<string, PortOccurrence> a, KeyValuePair<string, PortOccurrence> b)
    {
        int byPath = string.CompareOrdinal(a.Key, b.Key);
        return byPath != 0 ? byPath : a.Value.Location.SourceSpan.Start.CompareTo(b.Value.Location.SourceSpan.Start);
    }
}
