using PortAnalyzers.Model;

namespace PortAnalyzers.Rules;

/// <summary>Runs every per-occurrence rule. PORT006 needs all listeners at once: see DuplicateBindingRule.</summary>
internal static class PortRules
{
    public static void Evaluate(PortOccurrence occurrence, in RuleContext context)
    {
        var enabled = context.Enabled;
        if (!occurrence.IsValidPort)
        {
            if ((enabled & RuleBits.OutOfRangePort) != 0)
            {
                OutOfRangePortRule.Evaluate(occurrence, context);
            }

            return;
        }

        if (occurrence.Value == 0)
        {
            return; // "let the OS choose" is always right.
        }

        if ((enabled & RuleBits.EphemeralPort) != 0)
        {
            EphemeralPortRule.Evaluate(occurrence, context);
        }

        if ((enabled & RuleBits.KnownUsePort) != 0)
        {
            KnownUsePortRule.Evaluate(occurrence, context);
        }

        if ((enabled & RuleBits.HardcodedPort) != 0)
        {
            HardcodedPortRule.Evaluate(occurrence, context);
        }

        if ((enabled & RuleBits.PrivilegedPort) != 0)
        {
            PrivilegedPortRule.Evaluate(occurrence, context);
        }

        if ((enabled & RuleBits.BrowserUnsafePort) != 0)
        {
            BrowserUnsafePortRule.Evaluate(occurrence, context);
        }

        if ((enabled & RuleBits.TestFixedPort) != 0)
        {
            TestFixedPortRule.Evaluate(occurrence, context);
        }
    }
}
