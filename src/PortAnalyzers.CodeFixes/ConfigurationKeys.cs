using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PortAnalyzers.CodeFixes;

/// <summary>
/// Names the configuration key of a port after what it serves: the name of the field, property, local or parameter
/// that holds it (without the word Port), else the called member and its type (SmtpClient, KestrelListenLocalhost),
/// else the containing type and method. Keys are unique in the project; a name already taken is qualified (with
/// the containing type, then the port number), never numbered.
/// </summary>
internal static class ConfigurationKeys
{
    public const string Section = "Ports";

    // Holder names that say nothing about what the port serves.
    private static readonly HashSet<string> Generic = new(StringComparer.OrdinalIgnoreCase)
    {
        "Port", "Ports", "Number", "Value", "Values", "Default", "Listener", "Server", "Client", "Socket", "EndPoint", "Options",
        "Url", "Urls", "Uri", "Address", "Result", "Local", "Remote", "Host", "Item", "Config", "Settings", "Args",
        "ConnectionString", "LocalEP", "RemoteEP", "EP", "RequestUri", "BaseAddress", "Prefix",
    };

    // Words that name the kind of value rather than the service, dropped at the end of a longer name: AdminUrl -> Admin.
    private static readonly string[] TrailingKindWords = { "number", "no", "num", "nr", "url", "uri", "address", "endpoint" };

    // Transport types whose name says nothing about the service either.
    private static readonly HashSet<string> TransportTypes = new(StringComparer.Ordinal)
    {
        "TcpListener", "TcpClient", "UdpClient", "Socket", "IPEndPoint", "DnsEndPoint", "EndPoint", "HttpListener", "HttpListenerPrefixCollection",
        "Uri", "UriBuilder", "HttpClient", "HttpRequestMessage", "String", "ICollection", "IList",
    };

    public static string Choose(SemanticModel targetModel, FixTarget target, SemanticModel sinkModel, ISet<string> taken)
    {
        var bases = Candidates(targetModel, target, sinkModel).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var name in bases)
        {
            if (!taken.Contains(name))
            {
                return name;
            }
        }

        // Taken: qualify with where it is, then with the port number (a name, not a counter), then the project.
        var context = ContainingName(sinkModel, target.Sink);
        var port = target.Port.ToString(CultureInfo.InvariantCulture);
        foreach (var name in bases)
        {
            foreach (var qualified in new[] { name.StartsWith(context, StringComparison.Ordinal) ? name : context + name, name + port })
            {
                if (!taken.Contains(qualified))
                {
                    return qualified;
                }
            }
        }

        var project = Clean(sinkModel.Compilation.AssemblyName ?? string.Empty, allowGeneric: true) ?? "Service";
        foreach (var candidate in new[] { project, project + port })
        {
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }

        // The same port, under the same names, in the same member, more than once: only then a counter.
        var last = project + port;
        var unique = last;
        for (int i = 2; taken.Contains(unique); i++)
        {
            unique = last + "_" + i.ToString(CultureInfo.InvariantCulture);
        }

        return unique;
    }

    private static IEnumerable<string> Candidates(SemanticModel targetModel, FixTarget target, SemanticModel sinkModel)
    {
        // 1. The holder: const int OrdersPort = 8088; int replicationPort = 7400; const string AdminUrl = "...".
        if (target.Holder is { } holder && Clean(holder.Name) is { } fromHolder)
        {
            yield return fromHolder;
        }

        var site = target.Sink;

        // 2. Where the sink's value or result is stored: var metrics = new TcpListener(...); options.AdminPort = 1;
        //    new X { GatewayPort = 1 }; an argument to a parameter that says more than "port" (siloPort).
        foreach (var name in StoredNames(sinkModel, site))
        {
            if (Clean(name) is { } stored)
            {
                yield return stored;
            }
        }

        // 3. A URL says what it serves by its scheme: "http://localhost:5080" -> Http.
        if (!target.IsDeclaration && target.Digits is not null && site is LiteralExpressionSyntax { Token.ValueText: var url }
            && url.IndexOf("://", StringComparison.Ordinal) is > 0 and var schemeEnd && Clean(url.Substring(0, schemeEnd)) is { } scheme)
        {
            yield return scheme;
        }

        // 4. The called member and its type: new SmtpClient(host, 25) -> SmtpClient; kestrel.ListenLocalhost(9464) -> KestrelListenLocalhost.
        if (MemberName(sinkModel, site) is { } member)
        {
            yield return member;
        }

        // 5. The containing type and method: class Relay { TcpListener Listen() => ... } -> RelayListen. (Top-level
        //    code has neither: the project's name comes last, in Choose.)
        if (ContainingName(sinkModel, site) is { Length: > 0 } containing)
        {
            yield return containing;
        }
    }

    private static IEnumerable<string> StoredNames(SemanticModel model, ExpressionSyntax site)
    {
        for (var node = site.Parent; node is not null and not StatementSyntax and not MemberDeclarationSyntax and not AnonymousFunctionExpressionSyntax; node = node.Parent)
        {
            switch (node)
            {
                case ArgumentSyntax argument when argument.Parent?.Parent is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or ConstructorInitializerSyntax:
                    if (model.GetOperation(argument) is IArgumentOperation { Parameter.Name: var parameter })
                    {
                        yield return parameter;
                    }

                    break;
                case VariableDeclaratorSyntax declarator:
                    yield return declarator.Identifier.ValueText;
                    yield break;
                case AssignmentExpressionSyntax { Left: var left }:
                    var name = left switch
                    {
                        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                        _ => null,
                    };
                    if (name is not null)
                    {
                        yield return name;
                    }

                    // SmtpClient.Port = 25: the type names the service.
                    if (model.GetSymbolInfo(left).Symbol is IPropertySymbol { ContainingType: var owner } && !TransportTypes.Contains(owner.Name) && Clean(owner.Name) is { } ownerName)
                    {
                        yield return ownerName;
                    }

                    yield break;
            }
        }
    }

    private static string? MemberName(SemanticModel model, ExpressionSyntax site)
    {
        var argument = site.FirstAncestorOrSelf<ArgumentSyntax>();
        if (argument?.Parent?.Parent is not { } call || !call.Span.Contains(site.Span))
        {
            return null;
        }

        var symbol = model.GetSymbolInfo(call).Symbol as IMethodSymbol;
        if (symbol is null)
        {
            return null;
        }

        if (symbol.MethodKind == MethodKind.Constructor)
        {
            return TransportTypes.Contains(symbol.ContainingType.Name) ? null : Clean(symbol.ContainingType.Name);
        }

        // The receiver's type names the service better than the static class of an extension method.
        var type = symbol.ReducedFrom is not null ? symbol.ReceiverType : symbol.ContainingType;
        if (call is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var receiver } } && model.GetTypeInfo(receiver).Type is { } receiverType)
        {
            type = receiverType;
        }

        if (type is null)
        {
            return null;
        }

        var method = symbol.Name.EndsWith("Async", StringComparison.Ordinal) ? symbol.Name.Substring(0, symbol.Name.Length - 5) : symbol.Name;
        if (method is "Add" && call is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax collection } }
            && model.GetSymbolInfo(collection).Symbol is IPropertySymbol property)
        {
            // app.Urls.Add(url), listener.Prefixes.Add(url): the collection's owner and name.
            type = property.ContainingType;
            method = property.Name;
        }

        var typeName = TypeWord(type.Name);
        if (TransportTypes.Contains(type.Name) && method is "Create")
        {
            return null;
        }

        return method is "Create" or "Parse" or "ForAddress" ? Clean(typeName) : Clean(typeName + "_" + method);
    }

    // IWebHostBuilder -> WebHost, KestrelServerOptions -> Kestrel, WebApplication -> WebApplication,
    // ConfigureWebHostBuilder (builder.WebHost) -> WebHost.
    private static string TypeWord(string name)
    {
        if (name.StartsWith("Configure", StringComparison.Ordinal) && name.Length > "Configure".Length + 1 && char.IsUpper(name["Configure".Length]))
        {
            name = name.Substring("Configure".Length);
        }

        if (name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
        {
            name = name.Substring(1);
        }

        foreach (var suffix in new[] { "ServerOptions", "Options", "Extensions", "Builder" })
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return name.Substring(0, name.Length - suffix.Length);
            }
        }

        return name;
    }

    private static string ContainingName(SemanticModel model, SyntaxNode site)
    {
        var symbol = model.GetEnclosingSymbol(site.SpanStart);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } inner)
        {
            symbol = inner.ContainingSymbol;
        }

        var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
        var typeName = type is null || type.Name == "Program" || type.IsImplicitlyDeclared ? string.Empty : type.Name;
        var member = symbol switch
        {
            IMethodSymbol { MethodKind: MethodKind.Ordinary } method when method.Name is not "Main" && !method.Name.StartsWith("<", StringComparison.Ordinal) => method.Name,
            IMethodSymbol { AssociatedSymbol: { } property } => property.Name,
            _ => string.Empty,
        };
        if (member.EndsWith("Async", StringComparison.Ordinal))
        {
            member = member.Substring(0, member.Length - 5);
        }

        return Clean(typeName + "_" + member, allowGeneric: true) ?? string.Empty;
    }

    /// <summary>Keys already written in the project (string literals and appsettings.json), so two fixes never share a key.</summary>
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
            if (text.StartsWith(Section + ":", StringComparison.OrdinalIgnoreCase))
            {
                taken.Add(text.Substring(Section.Length + 1));
            }
            else if (text.StartsWith(Section + "__", StringComparison.OrdinalIgnoreCase))
            {
                taken.Add(text.Substring(Section.Length + 2));
            }
        }
    }

    /// <summary>
    /// PascalCase words of a name, without the words port/ports and a trailing kind word: listenPort -> Listen,
    /// HTTP_PORT -> Http, AdminPortNumber -> Admin, AdminUrl -> Admin. Null when nothing that says what the port
    /// serves is left (unless <paramref name="allowGeneric"/>: a type's own name, such as Server, is kept).
    /// </summary>
    public static string? Clean(string name, bool allowGeneric = false)
    {
        var all = Words(name).ToList();
        var words = all.Where(w => !w.Equals("port", StringComparison.OrdinalIgnoreCase) && !w.Equals("ports", StringComparison.OrdinalIgnoreCase)).ToList();
        while (words.Count > 0 && TrailingKindWords.Contains(words[words.Count - 1].ToLowerInvariant())
            && (words.Count > 1 || all.Count > words.Count))
        {
            // AdminUrl -> Admin, portNo -> (nothing: "No" only said "number of the port").
            words.RemoveAt(words.Count - 1);
        }

        var builder = new StringBuilder(name.Length);
        foreach (var word in words)
        {
            bool allCaps = word.Length > 2 && word.All(c => !char.IsLetter(c) || char.IsUpper(c));
            builder.Append(char.ToUpperInvariant(word[0]));
            builder.Append(allCaps ? word.Substring(1).ToLowerInvariant() : word.Substring(1));
        }

        var key = builder.ToString();
        if (key.Length == 0 || (!allowGeneric && Generic.Contains(key)))
        {
            return null;
        }

        return char.IsDigit(key[0]) ? "Port" + key : key;
    }

    private static IEnumerable<string> Words(string name)
    {
        var word = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                continue;
            }

            bool boundary = word.Length > 0 && char.IsUpper(c)
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (boundary)
            {
                yield return word.ToString();
                word.Clear();
            }

            word.Append(c);
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
