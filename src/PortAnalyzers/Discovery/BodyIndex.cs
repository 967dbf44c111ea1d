using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PortAnalyzers.Discovery;

/// <summary>
/// One walk per method body (operation tree) or type declaration, kept for as long as the compiler keeps that body:
/// the references to each local, and the names standing where a value is passed or assigned. Without it, every
/// port-named local or field, and every local resolved to its literal, walked its whole body or type again.
/// </summary>
internal static class BodyIndex
{
    private static readonly ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>> Locals = new();
    private static readonly ConditionalWeakTable<SyntaxNode, Dictionary<string, List<IdentifierNameSyntax>>> ValueNames = new();
    private static readonly List<ILocalReferenceOperation> NoReferences = new();
    private static readonly List<IdentifierNameSyntax> NoNames = new();

    /// <summary>Every reference to <paramref name="local"/> in the body that contains <paramref name="anywhereInBody"/>, in order.</summary>
    public static List<ILocalReferenceOperation> ReferencesTo(ILocalSymbol local, IOperation anywhereInBody)
    {
        var root = anywhereInBody;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return Locals.GetValue(root, IndexLocals).TryGetValue(local, out var references) ? references : NoReferences;
    }

    /// <summary>
    /// The identifiers named <paramref name="name"/> inside <paramref name="type"/> that stand where a sink could
    /// receive them (an argument, an assigned or initial value, an interpolation), per <paramref name="isValuePosition"/>.
    /// </summary>
    public static List<IdentifierNameSyntax> ValueNamesIn(SyntaxNode type, string name, System.Func<IdentifierNameSyntax, bool> isValuePosition)
    {
        var index = ValueNames.GetValue(type, node =>
        {
            var names = new Dictionary<string, List<IdentifierNameSyntax>>(System.StringComparer.Ordinal);
            foreach (var descendant in node.DescendantNodes())
            {
                if (descendant is IdentifierNameSyntax identifier && isValuePosition(identifier))
                {
                    var text = identifier.Identifier.ValueText;
                    if (!names.TryGetValue(text, out var list))
                    {
                        names.Add(text, list = new List<IdentifierNameSyntax>());
                    }

                    list.Add(identifier);
                }
            }

            return names;
        });
        return index.TryGetValue(name, out var found) ? found : NoNames;
    }

    private static Dictionary<ILocalSymbol, List<ILocalReferenceOperation>> IndexLocals(IOperation root)
    {
        var index = new Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>(SymbolEqualityComparer.Default);
        foreach (var operation in root.Descendants())
        {
            if (operation is ILocalReferenceOperation reference)
            {
                if (!index.TryGetValue(reference.Local, out var list))
                {
                    index.Add(reference.Local, list = new List<ILocalReferenceOperation>());
                }

                list.Add(reference);
            }
        }

        return index;
    }
}
