using PortAnalyzers.Knowledge;
using PortAnalyzers.Model;

namespace PortAnalyzers.Rules;

/// <summary>PORT007: an HTTP(S) listener on a port of the WHATWG Fetch bad-port list. Raw TCP/UDP listeners never get it.</summary>
internal static class BrowserUnsafePortRule
{
    public static void Evaluate(PortOccurrence occurrence, in RuleContext context)
    {
        if (occurrence.Role != PortRole.Listen || !occurrence.IsHttp || context.Options.IsAllowed(occurrence.Value))
        {
            return;
        }

        var service = BrowserBadPorts.ServiceOf(occurrence.Value);
        if (service is not null)
        {
            context.Report(PortDiagnostic.Create(Descriptors.BrowserUnsafePort, occurrence, null, occurrence.Value, service));
        }
    }
}
