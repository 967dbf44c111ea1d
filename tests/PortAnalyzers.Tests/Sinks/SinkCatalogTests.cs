using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PortAnalyzers.Discovery;
using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Sinks;

public class SinkCatalogTests
{
    /// <summary>
    /// Every catalogue line whose type is in the real reference assemblies (BCL, ASP.NET Core, gRPC, Redis, YARP, Aspire, MailKit; Orleans by faithful declarations)
    /// must bind to a member and parameter: a misspelt parameter name would silently find nothing.
    /// </summary>
    [Fact]
    public async Task Every_line_binds_to_a_real_parameter_when_its_type_is_referenced()
    {
        var seenTypes = new HashSet<string>();
        var unbound = new List<string>();
        foreach (var set in TestReferences.Libraries)
        {
            var references = await set.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var declarations = new[] { FaithfulDeclarations.Orleans }
                .Select(text => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest)));
            var compilation = CSharpCompilation.Create("Catalogue", declarations, references);
            var resolved = ResolvedSinks.Resolve(compilation);
            foreach (var spec in SinkCatalog.All.Where(s => compilation.GetTypeByMetadataName(s.Type) is not null))
            {
                seenTypes.Add(spec.Type);
                if (!resolved.Matched.Contains(spec))
                {
                    unbound.Add($"{spec.Type}.{spec.Member}({spec.Parameter})");
                }
            }
        }

        Assert.Empty(unbound.Distinct());
        Assert.All(SinkCatalog.All, spec => Assert.Contains(spec.Type, seenTypes));
    }
}
