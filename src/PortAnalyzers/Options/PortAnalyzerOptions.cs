using System.Collections.Generic;
using PortAnalyzers.Knowledge;

namespace PortAnalyzers.Options;

internal enum KnownUsesSource : byte
{
    Curated = 0,
    Iana = 1,
    None = 2,
}

/// <summary>A malformed option value, reported once by PORT100. A class: collections of it then share the runtime's precompiled code.</summary>
internal sealed class OptionError
{
    public OptionError(string key, string value, string reason, string fallback)
    {
        Key = key;
        Value = value;
        Reason = reason;
        Fallback = fallback;
    }

    public string Key { get; }

    public string Value { get; }

    public string Reason { get; }

    public string Fallback { get; }
}

/// <summary>The options in force for one file, already parsed.</summary>
internal sealed class PortAnalyzerOptions
{
    public static readonly PortAnalyzerOptions Default = new(EphemeralRange.Default, PortRangeSet.Empty, KnownUsesSource.Curated, System.Array.Empty<OptionError>());

    public PortAnalyzerOptions(EphemeralRange ephemeralRange, PortRangeSet allowedPorts, KnownUsesSource knownUses, IReadOnlyList<OptionError> errors, bool hardcodedInTests = false)
    {
        HardcodedInTests = hardcodedInTests;
        EphemeralRange = ephemeralRange;
        AllowedPorts = allowedPorts;
        KnownUses = knownUses;
        Errors = errors;
    }

    public EphemeralRange EphemeralRange { get; }

    /// <summary>port_analyzers.allowed_ports: never reported by PORT001/002/005/007.</summary>
    public PortRangeSet AllowedPorts { get; }

    public KnownUsesSource KnownUses { get; }

    public IReadOnlyList<OptionError> Errors { get; }

    /// <summary>port_analyzers.hardcoded_in_tests: PORT003 in test projects, where a port is usually test data (off by default).</summary>
    public bool HardcodedInTests { get; }

    public bool IsAllowed(long port) => AllowedPorts.Contains(port);
}
