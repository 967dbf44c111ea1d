using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PortAnalyzers.Rules;

/// <summary>Which analyzer reports a descriptor: the C# one, the configuration-file one, or both.</summary>
[System.Flags]
internal enum RuleHost : byte
{
    CSharp = 1,
    ConfigurationFiles = 2,
    Both = CSharp | ConfigurationFiles,
}

/// <summary>One row of the registry: a descriptor, the analyzers that report it, and its bit for severity gating.</summary>
internal sealed class RuleEntry
{
    public RuleEntry(DiagnosticDescriptor descriptor, RuleHost host, RuleBits bit = RuleBits.None)
    {
        Descriptor = descriptor;
        Host = host;
        Bit = bit;
    }

    public readonly DiagnosticDescriptor Descriptor;

    public string Id => Descriptor.Id;

    public readonly RuleHost Host;

    /// <summary>RuleBits.None for rules that are not gated per tree (PORT100, PORT101 and second descriptors of one id).</summary>
    public readonly RuleBits Bit;
}

/// <summary>
/// Every rule of the package, in one place. SupportedDiagnostics of both analyzers, the per-tree severity table
/// (EnabledRules) and the tests' id lists are derived from it: a new rule is a descriptor plus one row here.
/// </summary>
internal static class RuleRegistry
{
    // Order is the order of SupportedDiagnostics; a second descriptor of the same id carries no bit.
    public static readonly ImmutableArray<RuleEntry> Entries = ImmutableArray.Create(
        new RuleEntry(Descriptors.EphemeralPort, RuleHost.Both, RuleBits.EphemeralPort),
        new RuleEntry(Descriptors.KnownUsePort, RuleHost.Both, RuleBits.KnownUsePort),
        new RuleEntry(Descriptors.HardcodedPort, RuleHost.CSharp, RuleBits.HardcodedPort),
        new RuleEntry(Descriptors.OutOfRangePort, RuleHost.Both, RuleBits.OutOfRangePort),
        new RuleEntry(Descriptors.PrivilegedPort, RuleHost.Both, RuleBits.PrivilegedPort),
        new RuleEntry(Descriptors.DuplicateBinding, RuleHost.CSharp, RuleBits.DuplicateBinding),

        // PORT006 in configuration files is reported per file as it is read, so not a compilation-end descriptor.
        new RuleEntry(Descriptors.DuplicateBindingInFile, RuleHost.ConfigurationFiles),
        new RuleEntry(Descriptors.BrowserUnsafePort, RuleHost.Both, RuleBits.BrowserUnsafePort),
        new RuleEntry(Descriptors.TestFixedPort, RuleHost.CSharp, RuleBits.TestFixedPort),
        new RuleEntry(Descriptors.InvalidOption, RuleHost.CSharp),
        new RuleEntry(Descriptors.ContainerPortNotListened, RuleHost.CSharp, RuleBits.ContainerPort),
        new RuleEntry(Descriptors.ContainerListenNotExposed, RuleHost.CSharp),
        new RuleEntry(Descriptors.UnreadableConfigurationFile, RuleHost.ConfigurationFiles));

    public static readonly ImmutableArray<DiagnosticDescriptor> CSharpDescriptors = DescriptorsFor(RuleHost.CSharp);

    public static readonly ImmutableArray<DiagnosticDescriptor> ConfigurationFileDescriptors = DescriptorsFor(RuleHost.ConfigurationFiles);

    /// <summary>Every rule id the package reports, once each, in registry order.</summary>
    public static readonly ImmutableArray<string> AllIds = DistinctIds(Entries, RuleHost.Both);

    /// <summary>The ids the C# analyzer reports (every id but PORT101).</summary>
    public static readonly ImmutableArray<string> CSharpIds = DistinctIds(Entries, RuleHost.CSharp);

    /// <summary>The rules gated per tree by their effective severity.</summary>
    public static readonly ImmutableArray<RuleEntry> Gated = GatedEntries();

    // Loops rather than LINQ: every lambda is one more method for the JIT when a compiler process loads the analyzers.
    private static ImmutableArray<DiagnosticDescriptor> DescriptorsFor(RuleHost host)
    {
        var descriptors = ImmutableArray.CreateBuilder<DiagnosticDescriptor>();
        foreach (var entry in Entries)
        {
            if ((entry.Host & host) != 0)
            {
                descriptors.Add(entry.Descriptor);
            }
        }

        return descriptors.ToImmutable();
    }

    private static ImmutableArray<string> DistinctIds(ImmutableArray<RuleEntry> entries, RuleHost host)
    {
        var ids = ImmutableArray.CreateBuilder<string>();
        foreach (var entry in entries)
        {
            if ((entry.Host & host) != 0 && !ids.Contains(entry.Id))
            {
                ids.Add(entry.Id);
            }
        }

        return ids.ToImmutable();
    }

    private static ImmutableArray<RuleEntry> GatedEntries()
    {
        var gated = ImmutableArray.CreateBuilder<RuleEntry>();
        foreach (var entry in Entries)
        {
            if (entry.Bit != RuleBits.None)
            {
                gated.Add(entry);
            }
        }

        return gated.ToImmutable();
    }
}
