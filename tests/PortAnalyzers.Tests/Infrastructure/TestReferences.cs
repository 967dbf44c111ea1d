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

    // The client/host libraries whose APIs are matched by fully qualified name, from their real packages. One set
    // each: their dependency graphs do not resolve together against the ASP.NET Core 8 pack. Orleans' does not
    // resolve from the source served here at all (System.IO.Pipelines, Connections.Abstractions versions), so Orleans
    // is tested with FaithfulDeclarations.
    public static readonly ReferenceAssemblies Grpc = AspNetCore80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Grpc.Net.Client", "2.85.0"),
        new PackageIdentity("Grpc.Core.Api", "2.85.0")));

    public static readonly ReferenceAssemblies Redis = AspNetCore80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("StackExchange.Redis", "2.7.27"),
        new PackageIdentity("System.IO.Pipelines", "8.0.0")));

    public static readonly ReferenceAssemblies Yarp = AspNetCore80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Yarp.ReverseProxy", "2.3.0"),
        new PackageIdentity("System.IO.Hashing", "10.0.3")));

    // MailKit's SMTP, IMAP and POP3 clients (MimeKit comes with it).
    public static readonly ReferenceAssemblies MailKit = AspNetCore80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("MailKit", "4.18.2")));

    // .NET Aspire's app model. Its graph resolves only with these two versions named (the ones it asks for are not served).
    public static readonly ReferenceAssemblies Aspire = AspNetCore80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Aspire.Hosting", "13.6.5"),
        new PackageIdentity("Polly.Core", "8.8.0"),
        new PackageIdentity("Nerdbank.MessagePack", "1.3.88")));

    // A test project's references: xunit's attributes and assertions (the analyzers detect test projects by them).
    public static readonly ReferenceAssemblies Xunit = AspNetCore80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("xunit.extensibility.core", "2.9.3"),
        new PackageIdentity("xunit.assert", "2.9.3")));

    public static readonly ReferenceAssemblies[] Libraries = { AspNetCore80, Grpc, Redis, Yarp, Aspire, MailKit };

    private static readonly ReferenceAssemblies[] All = { AspNetCore80, Grpc, Redis, Yarp, Aspire, MailKit, Xunit };

    // Every set shares the ASP.NET Core pack. Resolved one after the other before any test uses them: tests that
    // run in parallel on an empty package folder otherwise download and extract the same package at once, and a
    // test that reads a half-extracted pack fails with CS0234 (seen on a fresh machine, not reproducible after).
    static TestReferences()
    {
        foreach (var references in All)
        {
            references.ResolveAsync(Microsoft.CodeAnalysis.LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult();
        }
    }
}
