using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PortAnalyzers.Model;
using PortAnalyzers.Options;

namespace PortAnalyzers.Rules;

/// <summary>What a rule needs besides the occurrence: the options in force and where to report.</summary>
internal readonly struct RuleContext
{
    public RuleContext(PortAnalyzerOptions options, Action<Diagnostic> report, bool isTestProject = false, RuleBits enabled = RuleBits.All)
    {
        Options = options;
        Report = report;
        IsTestProject = isTestProject;
        Enabled = enabled;
    }

    /// <summary>The rules whose severity is not none where the occurrence is: the others are not evaluated.</summary>
    public RuleBits Enabled { get; }

    /// <summary>The compilation is a test project (references xunit, NUnit, MSTest or TUnit, or sets IsTestProject).</summary>
    public bool IsTestProject { get; }

    public PortAnalyzerOptions Options { get; }

    public Action<Diagnostic> Report { get; }
}

/// <summary>Builds diagnostics the same way for every rule: location, declaration as additional location, fix properties.</summary>
internal static class PortDiagnostic
{
    public const string PortProperty = "Port";
    public const string RoleProperty = "Role";
    public const string SafePortProperty = "SafePort";
    public const string HardcodedProperty = "Hardcoded";

    public static Diagnostic Create(DiagnosticDescriptor descriptor, PortOccurrence occurrence, ImmutableDictionary<string, string?>? extraProperties, params object?[] messageArgs)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[PortProperty] = occurrence.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        properties[RoleProperty] = occurrence.Role.ToDisplayString();
        properties[HardcodedProperty] = occurrence.IsHardcoded ? "true" : "false";
        if (extraProperties is not null)
        {
            properties.AddRange(extraProperties);
        }

        var additional = occurrence.DeclarationLocation is null
            ? null
            : new[] { occurrence.DeclarationLocation };
        return Diagnostic.Create(descriptor, occurrence.Location, additional, properties.ToImmutable(), messageArgs);
    }
}

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
