namespace PortAnalyzers.Tests.Infrastructure;

/// <summary>Paths in the repository (data files, docs), found by walking up from the test assembly.</summary>
internal static class Repository
{
    public static readonly string Root = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PortAnalyzers.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PortAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
