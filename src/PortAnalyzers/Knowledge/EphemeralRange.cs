using System;
using System.Collections.Generic;

namespace PortAnalyzers.Knowledge;

/// <summary>The ephemeral (dynamic) port range in force, with the name of whose default it is.</summary>
internal sealed class EphemeralRange
{
    public EphemeralRange(string name, string label, PortRangeSet ranges)
    {
        Name = name;
        Label = label;
        Ranges = ranges;
    }

    /// <summary>The option value that selects it: "iana", "linux", or the explicit list.</summary>
    public string Name { get; }

    /// <summary>Whose range it is, for messages: "IANA", "Linux default".</summary>
    public string Label { get; }

    public PortRangeSet Ranges { get; }

    public static EphemeralRange Default => EphemeralRangePresets.Iana;
}

/// <summary>
/// The OS defaults (data/ephemeral-ranges.csv has each value's source). Keys are the values of
/// port_analyzers.ephemeral_range.
/// </summary>
internal static class EphemeralRangePresets
{
    public static readonly EphemeralRange Iana = Preset("iana", "IANA", 49152, 65535);
    public static readonly EphemeralRange Linux = Preset("linux", "Linux default", 32768, 60999);
    public static readonly EphemeralRange Windows = Preset("windows", "Windows default", 49152, 65535);
    public static readonly EphemeralRange MacOS = Preset("macos", "macOS default", 49152, 65535);
    public static readonly EphemeralRange FreeBsd = Preset("freebsd", "FreeBSD default", 10000, 65535);

    // The union of the defaults of the OSes a service is deployed to (Linux, Windows, macOS).
    public static readonly EphemeralRange All = Preset("all", "Linux, Windows and macOS defaults", 32768, 65535);

    private static readonly Dictionary<string, EphemeralRange> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        [Iana.Name] = Iana,
        [Linux.Name] = Linux,
        [Windows.Name] = Windows,
        [MacOS.Name] = MacOS,
        [FreeBsd.Name] = FreeBsd,
        [All.Name] = All,
    };

    /// <summary>A preset name, or an explicit list such as "50000-50100,60000-65535".</summary>
    public static bool TryParse(string? text, out EphemeralRange range)
    {
        range = Iana;
        if (text is null)
        {
            return false;
        }

        var trimmed = text.Trim();
        if (ByName.TryGetValue(trimmed, out var preset))
        {
            range = preset;
            return true;
        }

        if (PortRangeSet.TryParse(trimmed, out var set))
        {
            range = new EphemeralRange(trimmed, "configured", set);
            return true;
        }

        return false;
    }

    private static EphemeralRange Preset(string name, string label, int start, int end)
        => new(name, label, PortRangeSet.Create(new[] { new PortRange(start, end) }));
}
