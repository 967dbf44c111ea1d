using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PortAnalyzers.Configuration;
using PortAnalyzers.Model;
using PortAnalyzers.Options;
using PortAnalyzers.Rules;

namespace PortAnalyzers.Analyzers;

/// <summary>
/// Finds ports in appsettings*.json and launchSettings.json (AdditionalFiles) and judges them with the same rules
/// as C#. Each file is read and parsed once per compilation; every rule works from that one parse.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigurationFilePortAnalyzer : DiagnosticAnalyzer
{
    private readonly System.Action<PortOccurrence>? observer;

    public ConfigurationFilePortAnalyzer()
    {
    }

    /// <summary>For the port inventory: every occurrence found is also handed to <paramref name="observer"/>.</summary>
    internal ConfigurationFilePortAnalyzer(System.Action<PortOccurrence> observer)
    {
        this.observer = observer;
    }

    // A configuration file beyond this size is not one a person wrote; reading it would cost every keystroke.
    private const int MaxFileLength = 16 * 1024 * 1024;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.EphemeralPort,
        Descriptors.KnownUsePort,
        Descriptors.OutOfRangePort,
        Descriptors.PrivilegedPort,
        Descriptors.DuplicateBindingInFile,
        Descriptors.BrowserUnsafePort,
        Descriptors.UnreadableConfigurationFile);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var options = new OptionsReader(start.Options.AnalyzerConfigOptionsProvider);
            var provider = start.Options.AnalyzerConfigOptionsProvider;
            start.RegisterAdditionalFileAction(file => Analyze(file, options, provider, observer));
        });
    }

    private static void Analyze(AdditionalFileAnalysisContext context, OptionsReader optionsReader, AnalyzerConfigOptionsProvider provider, System.Action<PortOccurrence>? observer)
    {
        var file = context.AdditionalFile;
        var fileOptions = provider.GetOptions(file);
        fileOptions.TryGetValue(ConfigurationFileKinds.OptionKey, out var declared);
        if (declared is null)
        {
            fileOptions.TryGetValue(ConfigurationFileKinds.MetadataKey, out declared);
            declared = string.IsNullOrWhiteSpace(declared) ? null : declared;
        }

        var kind = ConfigurationFileKinds.Of(file.Path, declared);
        if (kind == ConfigurationFileKind.None)
        {
            return;
        }

        SourceText? text;
        try
        {
            text = file.GetText(context.CancellationToken);
        }
        catch (System.IO.IOException)
        {
            text = null; // a file deleted or locked between the build's listing and this read
        }

        var name = System.IO.Path.GetFileName(file.Path);
        if (text is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnreadableConfigurationFile, Location.None, name, "the file could not be opened"));
            return;
        }

        if (text.Length > MaxFileLength)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnreadableConfigurationFile, Location.Create(file.Path, default, default), name, "larger than 16 MB"));
            return;
        }

        var parsed = JsonReader.Parse(text.ToString());
        if (parsed.Root is null)
        {
            var span = new TextSpan(parsed.ErrorPosition, parsed.ErrorPosition < text.Length ? 1 : 0);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.UnreadableConfigurationFile,
                Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span)),
                name,
                parsed.Error));
            return;
        }

        var occurrences = ConfigurationPortDiscovery.Discover(parsed.Root, kind, file.Path, text);
        if (occurrences.Count == 0)
        {
            return;
        }

        var ruleContext = new RuleContext(optionsReader.For(file), context.ReportDiagnostic);
        foreach (var occurrence in occurrences)
        {
            observer?.Invoke(occurrence);
            PortRules.Evaluate(occurrence, ruleContext);
        }

        DuplicateBindingRule.Evaluate(occurrences, context.ReportDiagnostic, Descriptors.DuplicateBindingInFile);
    }
}
