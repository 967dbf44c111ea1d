using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PortAnalyzers.Discovery;

/// <summary>What a value at a sink can be, by its type: a number, a string or an array of strings.</summary>
internal enum CandidateType : byte
{
    None,
    Number,
    Text,
    TextArray,
}

/// <summary>
/// The cheap first step of discovery: syntax and the value's type say whether an operation can carry a port at all,
/// before any sink is looked up or any value resolved.
/// </summary>
internal static class SinkCandidate
{
    /// <summary>Written as syntax that never resolves to a constant (see the caller, <see cref="CSharpPortDiscovery.AnalyzeArgument"/>).</summary>
    internal static bool CannotBeConstant(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression is ObjectCreationExpressionSyntax { Type: not PredefinedTypeSyntax }
            or LambdaExpressionSyntax or AnonymousMethodExpressionSyntax or AwaitExpressionSyntax
            or ElementAccessExpressionSyntax or ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax
            or TypeOfExpressionSyntax or ThisExpressionSyntax or BaseExpressionSyntax or DeclarationExpressionSyntax
            or ThrowExpressionSyntax or TupleExpressionSyntax or AnonymousObjectCreationExpressionSyntax
            or QueryExpressionSyntax or StackAllocArrayCreationExpressionSyntax
            or AssignmentExpressionSyntax or IsPatternExpressionSyntax;
    }

    internal static CandidateType Classify(ITypeSymbol type)
    {
        // The special type first: it answers for almost every parameter without touching type arguments (whose
        // public symbols Roslyn allocates on each access).
        switch (type.SpecialType)
        {
            case SpecialType.System_Int32:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt64:
                return CandidateType.Number;
            case SpecialType.System_String:
                return CandidateType.Text;
            case SpecialType.None:
                break;
            default:
                return CandidateType.None;
        }

        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType.SpecialType == SpecialType.System_String ? CandidateType.TextArray : CandidateType.None;
        }

        return type is INamedTypeSymbol { IsValueType: true, OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            && Classify(nullable.TypeArguments[0]) == CandidateType.Number
            ? CandidateType.Number
            : CandidateType.None;
    }
}
