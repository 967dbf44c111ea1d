namespace PortAnalyzers;

/// <summary>Rule ids, in one place for analyzers, code fixes, tests and docs.</summary>
public static class DiagnosticIds
{
    public const string EphemeralPort = "PORT001";
    public const string KnownUsePort = "PORT002";
    public const string HardcodedPort = "PORT003";
    public const string OutOfRangePort = "PORT004";
    public const string PrivilegedPort = "PORT005";
    public const string DuplicateBinding = "PORT006";
    public const string BrowserUnsafePort = "PORT007";
    public const string TestFixedPort = "PORT008";
    public const string InvalidOption = "PORT100";
    public const string UnreadableConfigurationFile = "PORT101";
}
