namespace PortAnalyzers.CodeFixes;

/// <summary>
/// The ways out of a port diagnostic. The value doubles as the code action's equivalence key. Reading from
/// configuration and from the environment are one kind with one key: which form a site gets depends on whether an
/// IConfiguration is in reach there, and Fix All (and `dotnet format`, which fixes everything with the key of the
/// first action it sees) must apply the right form at every site.
/// </summary>
internal enum PortFixKind
{
    MakeConfigurable,
    UsePortZero,
    UseSafePort,
}

internal static class PortFixKinds
{
    public static string EquivalenceKey(PortFixKind kind) => "PortAnalyzers." + kind;

    public static string Title(PortFixKind kind, bool hasConfiguration, string? safePort = null) => kind switch
    {
        PortFixKind.MakeConfigurable => hasConfiguration ? "Read port from configuration" : "Read port from environment variable",
        PortFixKind.UsePortZero => "Use port 0 (OS-assigned; changes behaviour)",
        _ => "Use safe port " + safePort + " (changes behaviour)",
    };

    public static string FixAllTitle(PortFixKind kind) => kind switch
    {
        PortFixKind.MakeConfigurable => "Read ports from configuration (environment variables where no configuration is in reach)",
        PortFixKind.UsePortZero => "Use port 0 (OS-assigned; changes behaviour)",
        _ => "Use safe ports (changes behaviour)",
    };
}
