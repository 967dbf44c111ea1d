using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PortAnalyzers.Configuration;
using PortAnalyzers.Model;
using PortAnalyzers.Options;
using PortAnalyzers.Rules;

namespace PortAnalyzers.Analyzers;

/// <summary>
/// Finds ports in appsettings*.json, launchSettings.json, Dockerfiles and project files' container items
/// (AdditionalFiles) and judges them with the same rules as C#. Each file is read and parsed once per compilation; every rule works from that one parse.
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

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = RuleRegistry.ConfigurationFileDescriptors;

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
        var reading = AdditionalFileReading.Read(file, provider, context.CancellationToken);
        if (reading is null)
        {
            return;
        }

        if (reading.Error is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnreadableConfigurationFile, reading.ErrorLocation, System.IO.Path.GetFileName(file.Path), reading.Error));
            return;
        }

        var occurrences = reading.Occurrences;
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

        // EXPOSE 8080 twice, or EXPOSE 8080 beside ENV ASPNETCORE_HTTP_PORTS=8080, says one port twice; nothing binds twice.
        if (reading.Image is null)
        {
            DuplicateBindingRule.Evaluate(occurrences, context.ReportDiagnostic, Descriptors.DuplicateBindingInFile);
        }
    }
}
