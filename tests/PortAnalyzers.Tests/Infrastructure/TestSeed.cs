using System.Globalization;
using CsCheck;

namespace PortAnalyzers.Tests.Infrastructure;

/// <summary>
/// Runs the randomized tests from a seed, one generated input per iteration, iteration i from seed + i: the same
/// inputs in the same order on every machine and under any load. Fixed by default (CI and local runs alike), so a
/// failure reproduces; PORTANALYZERS_TEST_SEED=random draws a fresh seed to explore locally, and
/// PORTANALYZERS_TEST_SEED=&lt;number&gt; replays the seed a failure message names.
/// </summary>
internal static class TestSeed
{
    public const ulong Fixed = 20261201;

    public const string Variable = "PORTANALYZERS_TEST_SEED";

    public static ulong Start { get; } = Read();

    public static void Sample<T>(Gen<T> gen, Action<T> assert, int iterations)
    {
        for (int i = 0; i < iterations; i++)
        {
            var value = gen.Generate(new PCG(1, Start + (ulong)i), null!, out _);
            try
            {
                assert(value);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException(
                    $"Randomized test failed at iteration {i} of seed {Start} (replay: {Variable}={Start}). Input:\n{value}\n{e.Message}",
                    e);
            }
        }
    }

    private static ulong Read()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return Fixed;
        }

        if (value.Trim().Equals("random", StringComparison.OrdinalIgnoreCase))
        {
            return (ulong)Random.Shared.NextInt64(1, long.MaxValue);
        }

        return ulong.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new InvalidOperationException($"{Variable} is '{value}': a number or 'random'");
    }
}
