using PortAnalyzers.Model;

namespace PortAnalyzers.Rules;

/// <summary>
/// PORT005: a listener on 1–1023, which needs root or CAP_NET_BIND_SERVICE on Linux; container ports too, since
/// .NET 8+ images run as the non-root app user.
/// </summary>
internal static class PrivilegedPortRule
{
    public static void Evaluate(PortOccurrence occurrence, in RuleContext context)
    {
        if (occurrence.Role is PortRole.Listen or PortRole.Container && occurrence.Value >= 1 && occurrence.Value <= 1023 && !context.Options.IsAllowed(occurrence.Value))
        {
            context.Report(PortDiagnostic.Create(Descriptors.PrivilegedPort, occurrence, null, occurrence.Value));
        }
    }
}
