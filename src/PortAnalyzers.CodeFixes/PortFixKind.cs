namespace PortAnalyzers.CodeFixes;

/// <summary>The four ways out of a port diagnostic. The value doubles as the code action's equivalence key.</summary>
internal enum PortFixKind
{
    ReadFromConfiguration,
    ReadFromEnvironment,
    UsePortZero,
    UseSafePort,
}

internal static class PortFixKinds
{
    public static string EquivalenceKey(PortFixKind kind) => "PortAnalyzers." + kind;

    public static string Title(PortFixKind kind, string? safePort = null) => kind switch
    {
        PortFixKind.ReadFromConfiguration => "Read port from configuration",
        PortFixKind.ReadFromEnvironment => "Read port from environment variable",
        PortFixKind.UsePortZero => "Use port 0 (OS-assigned; changes behaviour)",
        _ => "Use safe port " + safePort + " (changes behaviour)",
    };
}
