using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PortAnalyzers.CodeFixes;

/// <summary>
/// The small helper class the environment fix adds to a project once and every later fix reuses:
/// PortSettings.FromEnvironment("Ports__Orders", 8088) reads the variable, accepts a whole number 0-65535, and
/// falls back to the default otherwise. One short call per site instead of an inline TryParse with an out variable.
/// </summary>
internal static class EnvironmentHelper
{
    public const string Method = "FromEnvironment";
    private static readonly string[] Names = { "PortSettings", "EnvironmentPorts" };

    /// <summary>The helper type already in the project (added by an earlier fix), or null.</summary>
    public static INamedTypeSymbol? Find(Compilation compilation)
    {
        foreach (var name in Names)
        {
            foreach (var symbol in compilation.GetSymbolsWithName(name, SymbolFilter.Type))
            {
                if (symbol is INamedTypeSymbol { IsStatic: true } type && IsHelper(type))
                {
                    return type;
                }
            }
        }

        return null;
    }

    private static bool IsHelper(INamedTypeSymbol type)
        => type.GetMembers(Method).OfType<IMethodSymbol>().Any(m => m.IsStatic
            && m.ReturnType.SpecialType == SpecialType.System_Int32
            && m.Parameters.Length == 2
            && m.Parameters[0].Type.SpecialType == SpecialType.System_String
            && m.Parameters[1].Type.SpecialType == SpecialType.System_Int32);

    /// <summary>
    /// Adds the helper to <paramref name="document"/> (at its end, beside the code that first needs it) unless the
    /// project has it; returns the solution with it. Not as a new file: `dotnet format` (MSBuildWorkspace) writes an
    /// added document into the project file as &lt;Compile Include=...&gt;, which SDK-style projects already include by
    /// glob, and the build then fails with NETSDK1022 (duplicate Compile items).
    /// </summary>
    public static async Task<Solution> EnsureAsync(Document document, CancellationToken cancellationToken)
    {
        var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null || Find(compilation) is not null || root is not CompilationUnitSyntax unit)
        {
            return document.Project.Solution;
        }

        // A type of the project's own called PortSettings: use the other name rather than collide.
        var name = Names.FirstOrDefault(n => !compilation.GetSymbolsWithName(n, SymbolFilter.Type).Any());
        if (name is null)
        {
            return document.Project.Solution;
        }

        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var newline = text.ToString().Contains("\r\n") ? "\r\n" : "\n";
        var helper = SyntaxFactory.ParseCompilationUnit(newline + Source(name, newline)).Members[0];

        // The last line must end before the helper starts.
        var lastToken = unit.GetLastToken();
        if (!lastToken.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia) && lastToken.Span.Length > 0)
        {
            unit = unit.ReplaceToken(lastToken, lastToken.WithTrailingTrivia(lastToken.TrailingTrivia.Add(SyntaxFactory.EndOfLine(newline))));
        }

        var fileScopedNow = unit.Members.OfType<FileScopedNamespaceDeclarationSyntax>().FirstOrDefault();
        SyntaxNode updated = fileScopedNow is not null
            ? unit.ReplaceNode(fileScopedNow, fileScopedNow.AddMembers(helper))
            : unit.AddMembers(helper);
        return document.WithSyntaxRoot(updated).Project.Solution;
    }

    private static string Source(string name, string newline)
    {
        var lines = new[]
        {
            "/// <summary>",
            "/// Ports that can change per environment without a rebuild: FromEnvironment(\"Ports__Api\", 8080) is the port in",
            "/// the environment variable Ports__Api, or 8080. The configuration environment provider maps that variable to the",
            "/// key Ports:Api, so these values can move to configuration unchanged.",
            "/// </summary>",
            "internal static class " + name,
            "{",
            "    /// <summary>",
            "    /// The port in the environment variable <paramref name=\"name\"/>, or <paramref name=\"defaultValue\"/> when the",
            "    /// variable is unset or does not hold a port (a whole number from 0 to 65535).",
            "    /// </summary>",
            "    public static int " + Method + "(string name, int defaultValue)",
            "    {",
            "        var text = System.Environment.GetEnvironmentVariable(name);",
            "        int value;",
            "        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out value)",
            "            && value >= 0 && value <= 65535",
            "            ? value",
            "            : defaultValue;",
            "    }",
            "}",
        };

        return string.Join(newline, lines) + newline;
    }
}
