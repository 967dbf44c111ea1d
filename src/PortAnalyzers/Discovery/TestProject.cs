using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PortAnalyzers.Discovery;

/// <summary>
/// Whether a compilation is a test project: the MSBuild property IsTestProject (made compiler-visible by the
/// package), or a reference to a test framework's core assembly. Decided once per compilation.
/// </summary>
internal static class TestProject
{
    public const string IsTestProjectProperty = "build_property.IsTestProject";

    // The assemblies a test project references for its attributes; runners and adapters are not enough on their own.
    private static readonly string[] FrameworkAssemblies =
    {
        "xunit.core",
        "xunit.v3.core",
        "nunit.framework",
        "Microsoft.VisualStudio.TestPlatform.TestFramework",
        "MSTest.TestFramework",
        "TUnit.Core",
    };

    public static bool Is(Compilation compilation, AnalyzerConfigOptionsProvider options)
    {
        if (options.GlobalOptions.TryGetValue(IsTestProjectProperty, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            return string.Equals(value.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
        }

        // The references as given (file paths), not ReferencedAssemblyNames: building the bound assembly identities cost
        // a cold compiler process tens of milliseconds (see docs/performance.md); these assemblies' files bear their names.
        foreach (var reference in compilation.ExternalReferences)
        {
            var name = reference switch
            {
                PortableExecutableReference { FilePath: { } path } => FileNameWithoutExtension(path),
                CompilationReference { Compilation.AssemblyName: { } assemblyName } => assemblyName,
                _ => null,
            };
            if (name is not null && IsFrameworkAssembly(name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFrameworkAssembly(string name)
    {
        foreach (var framework in FrameworkAssemblies)
        {
            if (string.Equals(name, framework, System.StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // Path.GetFileNameWithoutExtension without System.IO (analyzers do no file I/O; this is string work on a path).
    private static string FileNameWithoutExtension(string path)
    {
        int start = System.Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1;
        int end = path.EndsWith(".dll", System.StringComparison.OrdinalIgnoreCase) ? path.Length - 4 : path.Length;
        return end > start ? path.Substring(start, end - start) : path.Substring(start);
    }
}
