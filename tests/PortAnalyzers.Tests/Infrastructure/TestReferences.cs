using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Testing;

namespace PortAnalyzers.Tests.Infrastructure;

/// <summary>
/// Real reference assemblies (the .NET 8 BCL and ASP.NET Core reference packs), restored from the configured
/// NuGet source. The testing library's built-in Net80 asks for a Microsoft.NETCore.App.Ref version that is not
/// served here, so the version is pinned to one that is.
/// </summary>
internal static class TestReferences
{
    public static readonly ReferenceAssemblies Net80 = new(
        "net8.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.33"),
        Path.Combine("ref", "net8.0"));

    public static readonly ReferenceAssemblies AspNetCore80 = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.33")));
}
