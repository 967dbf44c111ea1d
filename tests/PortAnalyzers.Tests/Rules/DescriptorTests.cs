using PortAnalyzers.Analyzers;
using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Rules;

public class DescriptorTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in new CSharpPortAnalyzer().SupportedDiagnostics.Select(d => d.Id).Distinct())
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_help_link_names_an_existing_rule_page(string id)
    {
        var descriptor = new CSharpPortAnalyzer().SupportedDiagnostics.First(d => d.Id == id);
        Assert.All(new CSharpPortAnalyzer().SupportedDiagnostics.Where(d => d.Id == id), d => Assert.EndsWith("/docs/rules/" + id + ".md", d.HelpLinkUri));
        var page = Repository.PathOf("docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{descriptor.HelpLinkUri} points to {page}, which does not exist");
        Assert.StartsWith("# " + id, File.ReadAllLines(page)[0]);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_rule_is_in_release_tracking(string id)
    {
        var shipped = File.ReadAllText(Repository.PathOf("src", "PortAnalyzers", "AnalyzerReleases.Shipped.md"));
        var unshipped = File.ReadAllText(Repository.PathOf("src", "PortAnalyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.True(shipped.Contains(id + " ") || unshipped.Contains(id + " "), id + " is in no AnalyzerReleases file");
    }

    [Fact]
    public void Ids_titles_and_messages_are_unique_and_filled()
    {
        var descriptors = new CSharpPortAnalyzer().SupportedDiagnostics;

        // One id may have several messages (PORT009's two directions), never two titles; two ids never share a title.
        Assert.All(descriptors.GroupBy(d => d.Id), g => Assert.Single(g.Select(d => d.Title.ToString()).Distinct()));
        Assert.Equal(descriptors.Select(d => d.Id).Distinct().Count(), descriptors.Select(d => d.Title.ToString()).Distinct().Count());
        Assert.Equal(descriptors.Length, descriptors.Select(d => (d.Id, d.MessageFormat.ToString())).Distinct().Count());
        Assert.All(descriptors, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Title.ToString()));
            Assert.False(string.IsNullOrWhiteSpace(d.MessageFormat.ToString()));
            Assert.False(string.IsNullOrWhiteSpace(d.Description.ToString()));
            Assert.StartsWith("PortAnalyzers.", d.Category);
        });
    }
}
