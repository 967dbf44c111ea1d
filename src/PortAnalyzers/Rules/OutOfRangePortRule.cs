namespace PortAnalyzers.Rules;

/// <summary>PORT004: a value that cannot be a port at all, whatever its role.</summary>
internal static class OutOfRangePortRule
{
    public static void Evaluate(Model.PortOccurrence occurrence, in RuleContext context)
    {
        if (occurrence.IsValidPort)
        {
            return;
        }

        var consequence = occurrence.IsHardcoded
            ? occurrence.Scheme is null ? "the call throws ArgumentOutOfRangeException" : "the URL fails to parse"
            : "the value fails to parse";
        context.Report(PortDiagnostic.Create(Descriptors.OutOfRangePort, occurrence, null, occurrence.Value, consequence));
    }
}
