namespace PortAnalyzers.Rules;

/// <summary>PORT003: a port written in code. Configuration files and configuration-read defaults are not hardcoded.</summary>
internal static class HardcodedPortRule
{
    public static void Evaluate(Model.PortOccurrence occurrence, in RuleContext context)
    {
        if (occurrence.IsHardcoded)
        {
            context.Report(PortDiagnostic.Create(Descriptors.HardcodedPort, occurrence, null, occurrence.Value, occurrence.Sink));
        }
    }
}
