using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.CodeFixes;

/// <summary>
/// Every fix offered on every shape of <see cref="FixCorpus"/>, one at a time and by Fix All (document and project
/// scope): the fixed project compiles with no compiler diagnostic it did not have before, the fix removes the
/// diagnostic it targets, Fix All a second time changes nothing, and the configurable fix applied one by one from the
/// top gives the same text (keys included) as Fix All.
/// </summary>
public class FixCorpusTests
{
    private const string Configurable = "PortAnalyzers.MakeConfigurable";

    [Fact]
    public void The_corpus_has_at_least_sixty_shapes() => Assert.True(FixCorpus.Shapes.Count >= 60, FixCorpus.Shapes.Count + " shapes");

    [Theory]
    [MemberData(nameof(FixCorpus.Names), MemberType = typeof(FixCorpus))]
    public async Task Every_offered_fix_compiles_removes_its_diagnostic_and_is_idempotent(string shape)
    {
        using var harness = await FixHarness.CreateAsync(FixCorpus.Shapes[shape], FixCorpus.IsWeb(shape) ? FixCorpus.AppSettings : null);
        var original = harness.Solution;
        var baseline = await FixHarness.CompilerDiagnosticsAsync(original);
        Assert.DoesNotContain(baseline, d => d.StartsWith("error", StringComparison.Ordinal));

        var diagnostics = (await FixHarness.AnalyzeAsync(original)).Where(d => FixHarness.FixableIds.Contains(d.Id)).ToList();
        Assert.NotEmpty(diagnostics);

        // One at a time.
        var offered = new List<(string Key, string Id)>();
        var offeredIn = new HashSet<(string Key, string Id, DocumentId Document)>();
        foreach (var diagnostic in diagnostics)
        {
            foreach (var action in await harness.ActionsAsync(original, diagnostic))
            {
                offered.Add((action.EquivalenceKey!, diagnostic.Id));
                offeredIn.Add((action.EquivalenceKey!, diagnostic.Id, original.GetDocument(diagnostic.Location.SourceTree)!.Id));
                var fixedSolution = await FixHarness.ApplyAsync(action);
                await AssertGoodFixAsync(shape + ": " + action.Title + " on " + diagnostic, original, fixedSolution, baseline, action.EquivalenceKey!, diagnostic.Id);
            }
        }

        Assert.NotEmpty(offered);

        // Fix All, per document and for the project, for every key and diagnostic it was offered for.
        foreach (var (key, id) in offered.Distinct())
        {
            var documents = offeredIn.Where(o => o.Key == key && o.Id == id).Select(o => o.Document).Distinct();
            foreach (var documentId in documents)
            {
                var inDocument = await harness.FixAllAsync(original, key, FixAllScope.Document, documentId, new[] { id });
                Assert.NotNull(inDocument);
                await AssertGoodFixAsync(shape + ": Fix All in document, " + key + " for " + id, original, inDocument!, baseline, key, id);
            }

            var inProject = await harness.FixAllAsync(original, key, FixAllScope.Project, null, new[] { id });
            Assert.NotNull(inProject);
            await AssertGoodFixAsync(shape + ": Fix All in project, " + key + " for " + id, original, inProject!, baseline, key, id);

            // Idempotent: Fix All on the fixed project changes nothing.
            var again = await harness.FixAllAsync(inProject!, key, FixAllScope.Project, null, new[] { id });
            Assert.True(again is null || await FixHarness.DiffAsync(inProject!, again) == string.Empty, shape + ": Fix All twice changed " + await FixHarness.DiffAsync(inProject!, again!));

            if (key == Configurable)
            {
                // One by one from the top gives what Fix All gives: the same keys, the same appsettings.json.
                var oneByOne = await OneByOneAsync(harness, original, id);
                Assert.Equal(await FixHarness.TextsAsync(inProject!), await FixHarness.TextsAsync(oneByOne));
            }
        }
    }

    private static async Task<Solution> OneByOneAsync(FixHarness harness, Solution solution, string id)
    {
        for (int round = 0; round < 50; round++)
        {
            bool applied = false;
            foreach (var diagnostic in (await FixHarness.AnalyzeAsync(solution)).Where(d => d.Id == id))
            {
                var action = (await harness.ActionsAsync(solution, diagnostic)).FirstOrDefault(a => a.EquivalenceKey == Configurable);
                if (action is not null)
                {
                    solution = await FixHarness.ApplyAsync(action);
                    applied = true;
                    break;
                }
            }

            if (!applied)
            {
                return solution;
            }
        }

        throw new InvalidOperationException("the configurable fix kept being offered after 50 applications");
    }

    private static async Task AssertGoodFixAsync(string what, Solution original, Solution fixedSolution, List<string> baseline, string key, string id)
    {
        var diff = await FixHarness.DiffAsync(original, fixedSolution);
        Assert.True(diff.Length > 0, what + ": the fix changed nothing");

        // No compiler diagnostic that was not there before.
        var after = await FixHarness.CompilerDiagnosticsAsync(fixedSolution);
        var remaining = new List<string>(baseline);
        var added = after.Where(d => !remaining.Remove(d)).ToList();
        Assert.True(added.Count == 0, what + " added compiler diagnostics:\n" + string.Join("\n", added) + "\n" + diff);

        // The targeted diagnostic is gone: the configurable fix removes PORT003 (rules that judge the default stay),
        // port 0 and a safe port remove the diagnostic they were offered for.
        var targeted = key == Configurable ? "PORT003" : id;
        int before = (await FixHarness.AnalyzeAsync(original)).Count(d => d.Id == targeted);
        int afterCount = (await FixHarness.AnalyzeAsync(fixedSolution)).Count(d => d.Id == targeted);
        Assert.True(afterCount < before, what + ": " + targeted + " " + before + " -> " + afterCount + "\n" + diff);
    }
}
