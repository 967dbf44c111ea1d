using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PortAnalyzers.Knowledge;

namespace PortAnalyzers.Options;

/// <summary>
/// The one place options are read: .editorconfig / global config keys, then the MSBuild properties the
/// package makes compiler-visible. Parsed values are cached by their raw text, so a file costs a few
/// dictionary look-ups.
/// </summary>
internal sealed class OptionsReader
{
    public const string EphemeralRangeKey = "port_analyzers.ephemeral_range";
    public const string AllowedPortsKey = "port_analyzers.allowed_ports";
    public const string KnownUsesKey = "port_analyzers.known_uses";
    public const string HardcodedInTestsKey = "port_analyzers.hardcoded_in_tests";
    public const string EphemeralRangeProperty = "build_property.PortAnalyzersEphemeralRange";

    private readonly AnalyzerConfigOptionsProvider provider;
    // Both keyed by strings ("key\nvalue", the raw values joined): a reference-type key shares the runtime's precompiled
    // dictionary code, where a tuple key made the JIT compile a dictionary of its own in every build (tens of
    // milliseconds, for dictionaries that are almost always empty).
    private readonly ConcurrentDictionary<string, PortAnalyzerOptions> cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OptionError> errors = new(StringComparer.Ordinal);
    private TreeOptions? last;

    public OptionsReader(AnalyzerConfigOptionsProvider provider)
    {
        this.provider = provider;
    }

    /// <summary>The options of <paramref name="tree"/>; the last tree's are kept (ports of one tree are judged together).</summary>
    public PortAnalyzerOptions For(SyntaxTree tree)
    {
        var recent = Volatile.Read(ref last);
        if (recent is not null && ReferenceEquals(recent.Tree, tree))
        {
            return recent.Options;
        }

        var options = Read(provider.GetOptions(tree));
        Volatile.Write(ref last, new TreeOptions(tree, options));
        return options;
    }

    public PortAnalyzerOptions For(AdditionalText file) => Read(provider.GetOptions(file));

    public bool HasErrors => !errors.IsEmpty;

    /// <summary>Every malformed value seen so far in this compilation (for PORT100 at compilation end).</summary>
    public IEnumerable<OptionError> Errors => errors.IsEmpty ? Array.Empty<OptionError>() : errors.Values;

    /// <summary>
    /// Reads <paramref name="tree"/>'s options only to record malformed values (PORT100 covers files with no port).
    /// A tree that sets none of our keys, the usual case, costs four look-ups and touches no table.
    /// </summary>
    public void CollectErrors(SyntaxTree tree)
    {
        var fileOptions = provider.GetOptions(tree);
        if (Get(fileOptions, EphemeralRangeKey) is not null || Get(fileOptions, EphemeralRangeProperty) is not null
            || Get(fileOptions, AllowedPortsKey) is not null || Get(fileOptions, KnownUsesKey) is not null
            || Get(fileOptions, HardcodedInTestsKey) is not null)
        {
            Read(fileOptions);
        }
    }

    private PortAnalyzerOptions Read(AnalyzerConfigOptions fileOptions)
    {
        var ephemeral = Get(fileOptions, EphemeralRangeKey) ?? Get(fileOptions, EphemeralRangeProperty);
        var allowed = Get(fileOptions, AllowedPortsKey);
        var known = Get(fileOptions, KnownUsesKey);
        var hardcodedInTests = Get(fileOptions, HardcodedInTestsKey);
        if (ephemeral is null && allowed is null && known is null && hardcodedInTests is null)
        {
            return PortAnalyzerOptions.Default;
        }

        // \u0001 marks a value that is not set, \u0000 separates them: neither occurs in an .editorconfig value.
        var key = (ephemeral ?? "\u0001") + "\u0000" + (allowed ?? "\u0001") + "\u0000" + (known ?? "\u0001") + "\u0000" + (hardcodedInTests ?? "\u0001");
        if (!cache.TryGetValue(key, out var options))
        {
            options = cache.GetOrAdd(key, Parse(ephemeral, allowed, known, hardcodedInTests));
        }

        foreach (var error in options.Errors)
        {
            errors.TryAdd(error.Key + "\n" + error.Value, error);
        }

        return options;
    }

    private string? Get(AnalyzerConfigOptions fileOptions, string key)
    {
        if (!fileOptions.TryGetValue(key, out var value) && !provider.GlobalOptions.TryGetValue(key, out value))
        {
            return null;
        }

        // An empty MSBuild property arrives as an empty string: that means "not set".
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    internal static PortAnalyzerOptions Parse(string? ephemeralText, string? allowedText, string? knownText, string? hardcodedInTestsText = null)
    {
        var errors = new List<OptionError>();

        var ephemeral = EphemeralRange.Default;
        if (ephemeralText is not null && !EphemeralRangePresets.TryParse(ephemeralText, out ephemeral))
        {
            errors.Add(new OptionError(
                EphemeralRangeKey,
                ephemeralText,
                "expected iana, linux, windows, macos, freebsd, all, or port ranges such as 50000-50100,60000-65535",
                "iana, 49152\u201365535"));
            ephemeral = EphemeralRange.Default;
        }

        var allowed = PortRangeSet.Empty;
        if (allowedText is not null && !PortRangeSet.TryParse(allowedText, out allowed))
        {
            errors.Add(new OptionError(
                AllowedPortsKey,
                allowedText,
                "expected ports and ranges between 0 and 65535 separated by commas, such as 60251, 5000-5010",
                "no allowed ports"));
            allowed = PortRangeSet.Empty;
        }

        var known = KnownUsesSource.Curated;
        if (knownText is not null)
        {
            switch (knownText.Trim().ToLowerInvariant())
            {
                case "curated":
                    known = KnownUsesSource.Curated;
                    break;
                case "iana":
                    known = KnownUsesSource.Iana;
                    break;
                case "none":
                    known = KnownUsesSource.None;
                    break;
                default:
                    errors.Add(new OptionError(KnownUsesKey, knownText, "expected curated, iana or none", "curated"));
                    break;
            }
        }

        bool hardcodedInTests = false;
        if (hardcodedInTestsText is not null && !bool.TryParse(hardcodedInTestsText.Trim(), out hardcodedInTests))
        {
            errors.Add(new OptionError(HardcodedInTestsKey, hardcodedInTestsText, "expected true or false", "false"));
            hardcodedInTests = false;
        }

        return new PortAnalyzerOptions(ephemeral, allowed, known, errors.Count == 0 ? Array.Empty<OptionError>() : errors.ToArray(), hardcodedInTests);
    }

    private sealed class TreeOptions
    {
        public TreeOptions(SyntaxTree tree, PortAnalyzerOptions options)
        {
            Tree = tree;
            Options = options;
        }

        public readonly SyntaxTree Tree;

        public readonly PortAnalyzerOptions Options;
    }
}
