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
