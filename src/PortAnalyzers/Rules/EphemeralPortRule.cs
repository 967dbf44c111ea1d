using System.Collections.Immutable;
using PortAnalyzers.Knowledge;
using PortAnalyzers.Model;

namespace PortAnalyzers.Rules;

/// <summary>PORT001: a listener (or a port of unknown use) inside the configured ephemeral range.</summary>
internal static class EphemeralPortRule
{
    public static void Evaluate(PortOccurrence occurrence, in RuleContext context)
    {
        if (occurrence.Role == PortRole.Connect || context.Options.IsAllowed(occurrence.Value))
        {
            return;
        }

        var ephemeral = context.Options.EphemeralRange;
        if (!ephemeral.Ranges.TryFind(occurrence.Value, out var range))
        {
            return;
        }

        var safe = SafePort.Below(ephemeral, occurrence.EffectiveTransport);
        context.Report(PortDiagnostic.Create(
            Descriptors.EphemeralPort,
            occurrence,
            safe,
            occurrence.Value,
            range.ToString(),
            ephemeral.Label,
            range.Start));
    }
}
