using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PortAnalyzers.CodeFixes;

/// <summary>
/// Derives the configuration key for a port from its context: the name of the value's declaration, of the variable
/// or member it is stored in, or of the containing type; made a valid configuration key and unique among keys in use.
/// </summary>
internal static class ConfigurationKeys
{
    public const string Section = "Ports";

    public static string Derive(SemanticModel model, ExpressionSyntax site, ISet<string> taken)
    {
        var name = NameFromContext(model, site);
        var key = Clean(name);
        var unique = key;
        for (int i = 2; taken.Contains(unique); i++)
        {
            unique = key + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return unique;
    }

    /// <summary>Keys already written in the document (string literals), so two fixes never share a key.</summary>
    public static void AddKeysInUse(SyntaxNode root, ISet<string> taken)
    {
        foreach (var token in root.DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.StringLiteralToken))
            {
                continue;
            }

            // "Ports:Api" for configuration reads, "Ports__Api" for environment variables (the same key, as the
            // environment variables provider maps it).
            var text = token.ValueText;
            if (text.StartsWith(Section + ":", System.StringComparison.OrdinalIgnoreCase))
            {
                taken.Add(text.Substring(Section.Length + 1));
            }
            else if (text.StartsWith(Section + "__", System.StringComparison.OrdinalIgnoreCase))
            {
                taken.Add(text.Substring(Section.Length + 2));
            }
        }
    }

    private static string NameFromContext(SemanticModel model, ExpressionSyntax site)
    {
        // A named value: const int ApiPort = 60251; ... Listen(ApiPort)
        var symbol = model.GetSymbolInfo(site).Symbol;
        if (symbol is IFieldSymbol or ILocalSymbol or IPropertySymbol && !string.IsNullOrEmpty(symbol.Name))
        {
            return symbol.Name;
        }

        // Stored: var metrics = new TcpListener(...); options.AdminPort = 60251; Port = 60251 in an initializer.
        for (var node = site.Parent; node is not null and not StatementSyntax and not MemberDeclarationSyntax; node = node.Parent)
        {
            switch (node)
            {
                case VariableDeclaratorSyntax declarator:
                    return declarator.Identifier.ValueText;
                case AssignmentExpressionSyntax { Left: var left }:
                    return left switch
                    {
                        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                        _ => string.Empty,
                    };
            }
        }

        // An argument to a parameter that says more than "port": siloPort, gatewayPort, targetPort.
        if (site.Parent is ArgumentSyntax argument
            && model.GetOperation(argument) is Microsoft.CodeAnalysis.Operations.IArgumentOperation { Parameter.Name: var parameter }
            && !string.Equals(parameter, "port", System.StringComparison.OrdinalIgnoreCase)
            && parameter.EndsWith("Port", System.StringComparison.Ordinal))
        {
            return parameter;
        }

        // The service: the containing type, unless it is the Program of top-level statements or Main.
        var type = model.GetEnclosingSymbol(site.SpanStart)?.ContainingType;
        while (type is { IsImplicitlyDeclared: true } || type?.Name.StartsWith("<", System.StringComparison.Ordinal) == true)
        {
            type = type.ContainingType;
        }

        if (type is not null && type.Name != "Program")
        {
            return type.Name;
        }

        // A URL in Program: its scheme ("Http", "Https").
        if (site is LiteralExpressionSyntax { Token.ValueText: var url } && url.IndexOf("://", System.StringComparison.Ordinal) is > 0 and var schemeEnd)
        {
            return url.Substring(0, schemeEnd);
        }

        return "Service";
    }

    // PascalCase letters and digits; a trailing "Port"/"Ports" is implied by the section.
    private static string Clean(string name)
    {
        var builder = new StringBuilder(name.Length);
        bool upperNext = true;
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        var key = builder.ToString();
        foreach (var suffix in new[] { "Ports", "Port" })
        {
            if (key.Length > suffix.Length && key.EndsWith(suffix, System.StringComparison.Ordinal))
            {
                key = key.Substring(0, key.Length - suffix.Length);
                break;
            }
        }

        if (key.Length == 0 || char.IsDigit(key[0]))
        {
            key = "Port" + key;
        }

        return key;
    }
}
