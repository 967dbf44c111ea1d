using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PortAnalyzers.Model;

namespace PortAnalyzers.Rules;

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
