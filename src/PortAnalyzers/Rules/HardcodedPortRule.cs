namespace PortAnalyzers.Rules;

/// <summary>
/// PORT003: a port written in code. Configuration files and configuration-read defaults are not hardcoded. In a test
/// project a port is usually test data, so the rule is silent there unless port_analyzers.hardcoded_in_tests is set.
/// </summary>
internal static class HardcodedPortRule
{
    public static void Evaluate(Model.PortOccurrence occurrence, in RuleContext context)
    {
        if (occurrence.IsHardcoded && (!context.IsTestProject || context.Options.HardcodedInTests))
        {
            context.Report(PortDiagnostic.Create(Descriptors.HardcodedPort, occurrence, null, occurrence.Value, occurrence.Sink));
        }
    }
}
