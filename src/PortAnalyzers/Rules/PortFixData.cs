using System.Collections.Immutable;
using System.Globalization;
using PortAnalyzers.Model;

namespace PortAnalyzers.Rules;

/// <summary>
/// What a diagnostic carries to the code fixes, written by <see cref="PortDiagnostic"/> and read by the fixer through
/// this one type. The wire form (Diagnostic.Properties) keeps its keys and values: "Port", "Role" ("listen",
/// "connect", ...), "Hardcoded" ("true"/"false") and the optional "SafePort".
/// </summary>
internal sealed class PortFixData
{
    public const string PortKey = "Port";
    public const string RoleKey = "Role";
    public const string SafePortKey = "SafePort";
    public const string HardcodedKey = "Hardcoded";

    public PortFixData(long port, string? role, bool isHardcoded, long? safePort)
    {
        Port = port;
        Role = role;
        IsHardcoded = isHardcoded;
        SafePort = safePort;
    }

    public long Port { get; }

    /// <summary>The role's display string as written (PortRoleExtensions.ToDisplayString); null when absent.</summary>
    public string? Role { get; }

    public bool IsListener => Role == PortRole.Listen.ToDisplayString();

    public bool IsHardcoded { get; }

    /// <summary>A free port below the ephemeral range for PORT001/PORT002's "use a safe port" fix.</summary>
    public long? SafePort { get; }

    public static PortFixData For(PortOccurrence occurrence, long? safePort)
        => new(occurrence.Value, occurrence.Role.ToDisplayString(), occurrence.IsHardcoded, safePort);

    public ImmutableDictionary<string, string?> ToProperties()
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[PortKey] = Port.ToString(CultureInfo.InvariantCulture);
        properties[RoleKey] = Role;
        properties[HardcodedKey] = IsHardcoded ? "true" : "false";
        if (SafePort is { } safe)
        {
            properties[SafePortKey] = safe.ToString(CultureInfo.InvariantCulture);
        }

        return properties.ToImmutable();
    }

    /// <summary>Reads the properties back; false when there is no readable port (not one of our diagnostics).</summary>
    public static bool TryRead(ImmutableDictionary<string, string?> properties, out PortFixData data)
    {
        data = null!;
        if (!properties.TryGetValue(PortKey, out var portText) || !long.TryParse(portText, out long port))
        {
            return false;
        }

        properties.TryGetValue(RoleKey, out var role);
        properties.TryGetValue(HardcodedKey, out var hardcoded);
        long? safePort = properties.TryGetValue(SafePortKey, out var safeText) && long.TryParse(safeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out long safe)
            ? safe
            : null;

        // Absent means hardcoded, as before: only an explicit "false" turns the configuration fixes' premise off.
        data = new PortFixData(port, role, hardcoded != "false", safePort);
        return true;
    }
}
