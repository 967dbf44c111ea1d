using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PortAnalyzers.Discovery;
using PortAnalyzers.Model;
using PortAnalyzers.Options;
using PortAnalyzers.Rules;

namespace PortAnalyzers.Analyzers;

/// <summary>
/// Finds ports in C# code (at the sinks of SinkCatalog) and judges them with the rules. Discovery runs once per operation
/// for all rules: splitting rules into separate analyzers would bind and resolve every sink once per rule.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CSharpPortAnalyzer : DiagnosticAnalyzer
{
    private readonly System.Action<PortOccurrence>? observer;

    public CSharpPortAnalyzer()
    {
    }

    /// <summary>For the port inventory: every occurrence found is also handed to <paramref name="observer"/>.</summary>
    internal CSharpPortAnalyzer(System.Action<PortOccurrence> observer)
    {
        this.observer = observer;
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = RuleRegistry.CSharpDescriptors;

    public override void Initialize(AnalysisContext context)
    {
        // Generated code (files, [GeneratedCode] members, #line hidden lines) is not analysed. Diagnostics are declared
        // reportable there only because each is located in the code the driver gave us, which is not generated: without
        // the flag the driver checks every diagnostic again, and the first one in a tree makes it walk every token of
        // that tree looking for [GeneratedCode] (a quarter of our time on dense code). GeneratedCodeTests pins it.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        var compilation = start.Compilation;
        var provider = start.Options.AnalyzerConfigOptionsProvider;
        var session = new Session(
            new CSharpPortDiscovery(ResolvedSinks.Create()),
            new OptionsReader(provider),
            () => TestProject.Is(compilation, provider),
            new EnabledRules(compilation.Options),
            observer);

        start.RegisterOperationAction(session.OnArgument, OperationKind.Argument);
        start.RegisterOperationAction(session.OnAssignment, OperationKind.SimpleAssignment);
        start.RegisterOperationAction(session.OnDeclaration, OperationKind.FieldInitializer, OperationKind.PropertyInitializer, OperationKind.VariableDeclarator, OperationKind.ParameterInitializer);

        // Calls that do not bind (half-typed code, a package not restored, a generator not yet run) have no
        // argument operations; compiling code has no invalid operations, so this costs nothing there.
        start.RegisterOperationAction(session.OnInvalid, OperationKind.Invalid);
        start.RegisterCompilationEndAction(session.OnCompilationEnd);
    }

    /// <summary>Per-compilation state: the resolved sinks, the options reader and the listeners seen (for PORT006).</summary>
    private sealed class Session
    {
        private readonly CSharpPortDiscovery discovery;
        private readonly OptionsReader options;
        private readonly ConcurrentQueue<PortOccurrence> listeners = new();
        private readonly System.Action<PortOccurrence>? observer;
        private readonly System.Func<bool> decideTestProject;
        private readonly EnabledRules enabledRules;

        // 0 not decided yet, 1 no, 2 yes: decided when the first port is judged, so code without ports never pays for it.
        private int testProject;

        public Session(CSharpPortDiscovery discovery, OptionsReader options, System.Func<bool> decideTestProject, EnabledRules enabledRules, System.Action<PortOccurrence>? observer)
        {
            this.discovery = discovery;
            this.options = options;
            this.decideTestProject = decideTestProject;
            this.enabledRules = enabledRules;
            this.observer = observer;
        }

        /// <summary>False where every rule an occurrence could trigger is off (and no inventory is taken): nothing to find.</summary>
        private bool IsWanted(OperationAnalysisContext context)
            => observer is not null || enabledRules.For(context.Operation.Syntax.SyntaxTree) != RuleBits.None;

        public void OnInvalid(OperationAnalysisContext context)
        {
            if (IsWanted(context))
            {
                Judge(context, discovery.AnalyzeUnboundCall((IInvalidOperation)context.Operation));
            }
        }

        public void OnArgument(OperationAnalysisContext context)
        {
            if (IsWanted(context))
            {
                Judge(context, discovery.AnalyzeArgument((IArgumentOperation)context.Operation));
            }
        }

        public void OnAssignment(OperationAnalysisContext context)
        {
            if (IsWanted(context))
            {
                Judge(context, discovery.AnalyzeAssignment((ISimpleAssignmentOperation)context.Operation));
            }
        }

        public void OnDeclaration(OperationAnalysisContext context)
        {
            if (!IsWanted(context))
            {
                return;
            }

            switch (context.Operation)
            {
                case IFieldInitializerOperation field when field.InitializedFields.Length == 1:
                    Judge(context, discovery.AnalyzeDeclaration(field.InitializedFields[0], field.Value));
                    break;
                case IPropertyInitializerOperation property when property.InitializedProperties.Length == 1:
                    Judge(context, discovery.AnalyzeDeclaration(property.InitializedProperties[0], property.Value));
                    break;
                case IVariableDeclaratorOperation declarator when declarator.Initializer is { } initializer:
                    Judge(context, discovery.AnalyzeDeclaration(declarator.Symbol, initializer.Value));
                    break;
                case IParameterInitializerOperation parameter:
                    Judge(context, discovery.AnalyzeDeclaration(parameter.Parameter, parameter.Value));
                    break;
            }
        }

        public void OnCompilationEnd(CompilationAnalysisContext context)
        {
            // Each step is skipped, before its code is ever compiled by the JIT, where it has nothing to judge: most
            // compilations have fewer than two listeners, no container file and no malformed option.
            if (listeners.Count > 1)
            {
                DuplicateBindingRule.Evaluate(listeners, context.ReportDiagnostic);
            }

            if (HasContainerFile(context))
            {
                EvaluateContainers(context);
            }

            foreach (var tree in context.Compilation.SyntaxTrees)
            {
                options.CollectErrors(tree);
            }

            if (options.HasErrors)
            {
                ReportOptionErrors(context);
            }
        }

        private void ReportOptionErrors(CompilationAnalysisContext context)
        {
            foreach (var error in options.Errors)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidOption, Location.None, error.Value, error.Key, error.Reason, error.Fallback));
            }
        }

        // Most projects have no container file: decided by name (and declared kind) before reading anything.
        private static bool HasContainerFile(CompilationAnalysisContext context)
        {
            var provider = context.Options.AnalyzerConfigOptionsProvider;
            foreach (var file in context.Options.AdditionalFiles)
            {
                var kind = Configuration.ConfigurationFileKinds.Of(file.Path, Configuration.AdditionalFileReading.DeclaredKind(file, provider));
                if (kind is Configuration.ConfigurationFileKind.Dockerfile or Configuration.ConfigurationFileKind.ProjectFile)
                {
                    return true;
                }
            }

            return false;
        }

        // PORT009 needs the whole project: the code's listeners (gathered here), its configuration files and its
        // container files. The files are small and read again here rather than shared with the per-file analyzer,
        // which Roslyn may run in another order or not at all (severity none).
        private void EvaluateContainers(CompilationAnalysisContext context)
        {
            var additionalFiles = context.Options.AdditionalFiles;
            var images = new List<Container.ContainerDefinition>();
            var appListens = new List<PortOccurrence>(listeners);
            foreach (var file in additionalFiles)
            {
                var reading = Configuration.AdditionalFileReading.Read(file, context.Options.AnalyzerConfigOptionsProvider, context.CancellationToken);
                if (reading is null || reading.Error is not null)
                {
                    continue;
                }

                if (reading.Image is not null)
                {
                    images.Add(reading.Image);
                }
                else if (reading.Kind == Configuration.ConfigurationFileKind.AppSettings && ContainerPortRule.AppliesInContainer(reading.Path))
                {
                    appListens.AddRange(reading.Occurrences);
                }
            }

            // Kestrel's default port (the image's ASPNETCORE_HTTP_PORTS) only matters to an app that runs Kestrel.
            bool isWebApp = context.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.IWebHostBuilder") is not null;
            foreach (var image in images)
            {
                ContainerPortRule.Evaluate(image, appListens, isWebApp, context.ReportDiagnostic);
            }
        }

        private bool IsTestProject()
        {
            int known = System.Threading.Volatile.Read(ref testProject);
            if (known == 0)
            {
                // Two threads may both decide; they decide the same.
                known = decideTestProject() ? 2 : 1;
                System.Threading.Volatile.Write(ref testProject, known);
            }

            return known == 2;
        }

        private void Judge(OperationAnalysisContext context, List<PortOccurrence>? found)
        {
            if (found is null)
            {
                return;
            }

            var ruleContext = default(RuleContext);
            bool hasRuleContext = false;
            foreach (var occurrence in found)
            {
                observer?.Invoke(occurrence);

                // Port 0 (let the OS choose) breaks no rule: the options and the test-project question are not needed
                // for it, and code whose only ports are 0 (new IPEndPoint(IPAddress.Any, 0)) never reads them.
                if (occurrence.Value != 0)
                {
                    if (!hasRuleContext)
                    {
                        var tree = context.Operation.Syntax.SyntaxTree;
                        ruleContext = new RuleContext(options.For(tree), context.ReportDiagnostic, IsTestProject(), enabledRules.For(tree));
                        hasRuleContext = true;
                    }

                    PortRules.Evaluate(occurrence, ruleContext);
                }

                if (occurrence.Role == PortRole.Listen)
                {
                    listeners.Enqueue(occurrence);
                }
            }
        }
    }
}
