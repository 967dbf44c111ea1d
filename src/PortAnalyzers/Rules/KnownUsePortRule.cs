using System.Collections.Immutable;
using PortAnalyzers.Knowledge;
using PortAnalyzers.Model;
using PortAnalyzers.Options;

namespace PortAnalyzers.Rules;

/// <summary>PORT002: a listener on a port that well-known software holds (curated table, or IANA when opted in).</summary>
internal static class KnownUsePortRule
{
    public static void Evaluate(PortOccurrence occurrence, in RuleContext context)
    {
        var options = context.Options;
        if (occurrence.Role != PortRole.Listen || options.KnownUses == KnownUsesSource.None || options.IsAllowed(occurrence.Value))
        {
            return;
        }

        string service, source;
        var holder = KnownPortUseTable.FindHolder(occurrence.Value, occurrence.EffectiveTransport);
        if (holder is not null)
        {
            service = holder.Name;
            source = holder.ShortSource;
        }
        else if (options.KnownUses == KnownUsesSource.Iana && IanaRegistry.Find(occurrence.Value, occurrence.EffectiveTransport) is { } ianaName)
        {
            service = "'" + ianaName + "' (IANA registration)";
            source = IanaRegistry.Source;
        }
        else
        {
            return;
        }

        var inRange = options.EphemeralRange.Ranges.TryFind(occurrence.Value, out var range)
            ? " and lies in the " + options.EphemeralRange.Label + " ephemeral range " + range.ToString()
            : string.Empty;

        var safe = SafePort.Below(options.EphemeralRange, occurrence.EffectiveTransport);
        context.Report(PortDiagnostic.Create(
            Descriptors.KnownUsePort,
            occurrence,
            safe,
            occurrence.Value,
            service,
            source,
            inRange));
    }
}
