using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PortAnalyzers.Rules;

/// <summary>The per-occurrence rules, as bits: which of them a tree has turned on.</summary>
[Flags]
internal enum RuleBits : ushort
{
    None = 0,
    EphemeralPort = 1 << 0,
    KnownUsePort = 1 << 1,
    HardcodedPort = 1 << 2,
    OutOfRangePort = 1 << 3,
    PrivilegedPort = 1 << 4,
    DuplicateBinding = 1 << 5,
    BrowserUnsafePort = 1 << 6,
    TestFixedPort = 1 << 7,

    /// <summary>PORT009 judges the code's listeners against the container files at compilation end.</summary>
    ContainerPort = 1 << 8,
    All = 0x1FF,
}

/// <summary>
/// The rules whose effective severity is not none, per syntax tree, read once per tree from what the compiler itself
/// reads (command-line and rule-set options, .editorconfig and global config severities): a port whose every rule
/// is off is not looked for, and a diagnostic of a rule that is off is not built. The compiler would drop it anyway,
/// after its severity, pragma and SuppressMessage checks.
/// Category-wide keys (dotnet_analyzer_diagnostic.*) are not read here: a rule they turn off still runs, and its
/// diagnostics are dropped by the compiler as before.
/// </summary>
internal sealed class EnabledRules
{
    private readonly CompilationOptions options;
    private readonly RuleBits compilationWide;
    private readonly ConcurrentDictionary<SyntaxTree, StrongBox<RuleBits>> byTree = new();

    // The tree asked about last: the driver runs a tree's operations together, so most calls stop at this reference check.
    private TreeRules? last;

    public EnabledRules(CompilationOptions options)
    {
        this.options = options;
        compilationWide = Read(null);
    }

    /// <summary>The rules on for <paramref name="tree"/>.</summary>
    public RuleBits For(SyntaxTree tree)
    {
        if (options.SyntaxTreeOptionsProvider is null)
        {
            return compilationWide;
        }

        var recent = Volatile.Read(ref last);
        if (recent is not null && ReferenceEquals(recent.Tree, tree))
        {
            return recent.Rules;
        }

        if (!byTree.TryGetValue(tree, out var rules))
        {
            rules = byTree.GetOrAdd(tree, new StrongBox<RuleBits>(Read(tree)));
        }

        Volatile.Write(ref last, new TreeRules(tree, rules.Value));
        return rules.Value;
    }

    private sealed class TreeRules
    {
        public TreeRules(SyntaxTree tree, RuleBits rules)
        {
            Tree = tree;
            Rules = rules;
        }

        public readonly SyntaxTree Tree;

        public readonly RuleBits Rules;
    }

    // The compiler's order (CSharpDiagnosticFilter): a command-line or rule-set option wins; otherwise the tree's
    // .editorconfig value, then the global config's; otherwise the default. /nowarn-all (general Suppress) turns off
    // everything but errors.
    private RuleBits Read(SyntaxTree? tree)
    {
        var provider = options.SyntaxTreeOptionsProvider;
        var on = RuleBits.None;
        foreach (var rule in RuleRegistry.Gated)
        {
            var (id, bit, defaultSeverity) = (rule.Id, rule.Bit, rule.Descriptor.DefaultSeverity);
            if (!options.SpecificDiagnosticOptions.TryGetValue(id, out var report) || report == ReportDiagnostic.Default)
            {
                // PORT006 and PORT009 gather listeners across trees: only a compilation-wide setting turns them off.
                var fromTree = bit is RuleBits.DuplicateBinding or RuleBits.ContainerPort ? null : tree;
                if (provider is null
                    || !((fromTree is not null && provider.TryGetDiagnosticValue(fromTree, id, default, out report))
                        || provider.TryGetGlobalDiagnosticValue(id, default, out report)))
                {
                    report = ReportDiagnostic.Default;
                }
            }

            bool off = report == ReportDiagnostic.Suppress
                || (report == ReportDiagnostic.Default && options.GeneralDiagnosticOption == ReportDiagnostic.Suppress && defaultSeverity != DiagnosticSeverity.Error);
            if (!off)
            {
                on |= bit;
            }
        }

        return on;
    }
}
