using PortAnalyzers.Model;

namespace PortAnalyzers.Rules;

/// <summary>
/// PORT008: test code that binds a fixed non-zero port. Only hardcoded values count: a port the test reads from
/// configuration or arguments is the test author's choice to make, and port 0 is the way out.
/// </summary>
internal static class TestFixedPortRule
{
    public static void Evaluate(PortOccurrence occurrence, in RuleContext context)
    {
        if (context.IsTestProject && occurrence.Role == PortRole.Listen && occurrence.IsHardcoded && occurrence.Value != 0)
        {
            context.Report(PortDiagnostic.Create(Descriptors.TestFixedPort, occurrence, null, occurrence.Value, occurrence.Sink));
        }
    }
}
