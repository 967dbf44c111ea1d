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

        foreach (var reference in compilation.ReferencedAssemblyNames)
        {
            foreach (var name in FrameworkAssemblies)
            {
                if (string.Equals(reference.Name, name, System.StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
