using Microsoft.CodeAnalysis;
using PortAnalyzers.Model;

namespace PortAnalyzers.Rules;

/// <summary>Builds diagnostics the same way for every rule: location, declaration as additional location, fix data (<see cref="PortFixData"/>).</summary>
internal static class PortDiagnostic
{
    public static Diagnostic Create(DiagnosticDescriptor descriptor, PortOccurrence occurrence, int? safePort, params object?[] messageArgs)
    {
        var additional = occurrence.DeclarationLocation is null
            ? null
            : new[] { occurrence.DeclarationLocation };
        return Diagnostic.Create(descriptor, occurrence.Location, additional, PortFixData.For(occurrence, safePort).ToProperties(), messageArgs);
    }
}
