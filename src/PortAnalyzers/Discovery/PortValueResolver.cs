using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PortAnalyzers.Discovery;

/// <summary>A constant that reaches a sink: its value, where it was written, and whether it is configurable.</summary>
internal readonly struct ResolvedValue
{
    public ResolvedValue(long number, string? text, SyntaxNode site, SyntaxNode? declaration, bool isHardcoded, StringTemplate? template = null)
    {
        Template = template;
        Number = number;
        Text = text;
        Site = site;
        Declaration = declaration;
        IsHardcoded = isHardcoded;
    }

    public readonly long Number;

    /// <summary>The string value when the constant is a string, else null.</summary>
    public readonly string? Text;

    /// <summary>The expression that reaches the sink.</summary>
    public readonly SyntaxNode Site;

    /// <summary>The initializer where the value was declared, when not written at the site.</summary>
    public readonly SyntaxNode? Declaration;

    /// <summary>False for the default of a configuration or environment read.</summary>
    public readonly bool IsHardcoded;

    public bool IsText => Text is not null;

    /// <summary>For a string built from pieces: the template that maps each port back to its digits.</summary>
    public readonly StringTemplate? Template;

    /// <summary>
    /// Where a port found in <see cref="Text"/> is reported, and its declaration when written elsewhere; false when its
    /// digits are not all constant (a port next to an interpolated value).
    /// </summary>
    public bool TryLocate(PortText port, out Location location, out Location? declaration)
    {
        if (Template is not null)
        {
            if (!Template.TryMap(port, out location, out declaration))
            {
                return false;
            }

            if (Declaration is not null)
            {
                // The template was the initializer of a local or field: report the use, point at the digits.
                declaration = location;
                location = Site.GetLocation();
            }

            return true;
        }

        location = Declaration is null ? SourceLocations.ForText(Site, port) : Site.GetLocation();
        declaration = Declaration is null ? null : SourceLocations.ForText(Declaration, port);
        return true;
    }
}

/// <summary>
/// Resolves the value reaching a sink to a constant: literals, const fields and locals, static readonly fields
/// and locals with a literal initializer, and the default of a configuration read.
/// </summary>
internal static class PortValueResolver
{
    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>
    /// False when <see cref="TryResolve"/> is sure to fail, decided from the value's shape alone: a parameter, a
    /// property, an instance or a settable field is never resolved, so the sink of such an argument (most arguments)
    /// is not looked up at all. Keep in step with the shapes TryResolve accepts (ValueShapeTests checks it on real code).
    /// </summary>
    public static bool MayResolve(IOperation value)
    {
        // The commonest rejections are answered by kind: ConstantValue boxes a numeric constant on every call.
        switch (Unwrap(value))
        {
            case IParameterReferenceOperation or IPropertyReferenceOperation or IInstanceReferenceOperation:
                return false;
            case IFieldReferenceOperation field:
                return field.Field.IsReadOnly || field.Field.IsConst;
            case ILiteralOperation or ILocalReferenceOperation or IInvocationOperation or ICoalesceOperation or IConditionalOperation
                or IInterpolatedStringOperation or IBinaryOperation:
                return true;
            case var other:
                return other.ConstantValue.HasValue;
        }
    }

    public static bool TryResolve(IOperation value, out ResolvedValue resolved)
    {
        resolved = default;
        var site = value.Syntax;
        var operation = Unwrap(value);
        bool hardcoded = true;

        // A default that stands behind a read is configurable: GetValue("Ports:Api", 60251), env ?? 60251,
        // int.TryParse(env, out var p) ? p : 60251.
        switch (operation)
        {
            case IInvocationOperation invocation when IsConfigurationRead(invocation, out var defaultValue):
                operation = Unwrap(defaultValue);
                hardcoded = false;
                break;
            case ICoalesceOperation coalesce when !coalesce.Value.ConstantValue.HasValue:
                operation = Unwrap(coalesce.WhenNull);
                hardcoded = false;
                break;
            case IConditionalOperation { WhenFalse: not null } conditional
                when conditional.WhenFalse.ConstantValue.HasValue != conditional.WhenTrue.ConstantValue.HasValue:
                operation = Unwrap(conditional.WhenFalse.ConstantValue.HasValue ? conditional.WhenFalse : conditional.WhenTrue);
                hardcoded = false;
                break;
        }

        if (!hardcoded)
        {
            site = operation.Syntax;
        }

        // $"http://{host}:8420/", "http://" + host + ":8420", string.Format(...): the constant parts hold the port.
        if (StringTemplate.IsCandidate(operation))
        {
            var template = StringTemplate.TryBuild(operation);
            if (template is null)
            {
                return false;
            }

            resolved = new ResolvedValue(0, template.Text, site, null, hardcoded && !template.HasConfigurableParts, template);
            return true;
        }

        var constant = operation.ConstantValue;
        if (constant.HasValue)
        {
            if (operation is IFieldReferenceOperation { Field: var constField } && PortWord.IsBoundName(constField.Name))
            {
                return false; // ushort.MaxValue, IPEndPoint.MaxPort: limits, not ports.
            }

            SyntaxNode? declaration = operation switch
            {
                IFieldReferenceOperation field => InitializerOf(field.Field),
                ILocalReferenceOperation local => InitializerOf(local.Local),
                _ => null,
            };
            return TryCreate(constant.Value, site, declaration, hardcoded, out resolved);
        }

        // Not a C# constant, but written once as a literal: static readonly fields and locals.
        ISymbol? symbol = operation switch
        {
            IFieldReferenceOperation { Field.IsReadOnly: true } field => field.Field,
            ILocalReferenceOperation local => local.Local,
            _ => null,
        };
        if (symbol is null || PortWord.IsBoundName(symbol.Name))
        {
            return false;
        }

        var initializer = InitializerOf(symbol);
        if (initializer is not null && !TryLiteralValue(initializer, out _) && ReadDefaultOf(initializer) is { } readDefault)
        {
            // static readonly int OrdersPort = PortSettings.FromEnvironment("Ports__Orders", 8088): the shape the
            // code fix writes at a declaration. The default is still judged, but it is configurable.
            initializer = readDefault;
            hardcoded = false;
        }

        if (initializer is null)
        {
            return false;
        }

        // var http2Port = GetConfigValue(configuration, "port", 50052): a read of the project's own, bound in this file.
        if (initializer is InvocationExpressionSyntax
            && operation.SemanticModel is { } readModel
            && readModel.SyntaxTree == initializer.SyntaxTree
            && readModel.GetOperation(initializer) is IInvocationOperation read
            && IsConfigurationRead(read, out var ownDefault)
            && Unwrap(ownDefault).Syntax is ExpressionSyntax ownDefaultSyntax
            && TryLiteralValue(ownDefaultSyntax, out _))
        {
            initializer = ownDefaultSyntax;
            hardcoded = false;
        }

        object? literal = null;
        StringTemplate? composed = null;
        if (!TryLiteralValue(initializer, out literal))
        {
            // var url = $"http://{host}:8420/"; -- a template written once, in the same file (the model can bind it).
            if (initializer is not (InterpolatedStringExpressionSyntax or BinaryExpressionSyntax or InvocationExpressionSyntax)
                || operation.SemanticModel is not { } model
                || model.SyntaxTree != initializer.SyntaxTree
                || model.GetOperation(initializer) is not { } initializerOperation
                || (composed = StringTemplate.TryBuild(Unwrap(initializerOperation))) is null)
            {
                return false;
            }
        }

        // int port = 1111; if (args.Length > 0) port = int.Parse(args[0]); -- the literal is only a default.
        // A local changed by arithmetic, a constant or ref/out no longer holds its initializer's value.
        if (symbol is ILocalSymbol variable)
        {
            switch (WritesOf(variable, operation))
            {
                case LocalWrites.Unknown:
                    return false;
                case LocalWrites.Overridden:
                    hardcoded = false;
                    break;
            }
        }

        if (composed is not null)
        {
            resolved = new ResolvedValue(0, composed.Text, site, initializer, hardcoded && !composed.HasConfigurableParts, composed);
            return true;
        }

        return TryCreate(literal, site, initializer, hardcoded, out resolved);
    }

    private enum LocalWrites
    {
        None,
        Overridden,
        Unknown,
    }

    private static LocalWrites WritesOf(ILocalSymbol local, IOperation reference)
    {
        var result = LocalWrites.None;
        foreach (var found in BodyIndex.ReferencesTo(local, reference))
        {
            switch (found.Parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == found:
                    if (assignment.Value.ConstantValue.HasValue)
                    {
                        return LocalWrites.Unknown;
                    }

                    result = LocalWrites.Overridden;
                    break;
                case ICompoundAssignmentOperation compound when compound.Target == found:
                case IIncrementOrDecrementOperation:
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                case IDeconstructionAssignmentOperation:
                    return LocalWrites.Unknown;
            }
        }

        return result;
    }

    private static bool TryCreate(object? value, SyntaxNode site, SyntaxNode? declaration, bool hardcoded, out ResolvedValue resolved)
    {
        resolved = default;
        switch (value)
        {
            case string text:
                resolved = new ResolvedValue(0, text, site, declaration, hardcoded);
                return true;
            case int i:
                resolved = new ResolvedValue(i, null, site, declaration, hardcoded);
                return true;
            case ushort us:
                resolved = new ResolvedValue(us, null, site, declaration, hardcoded);
                return true;
            case long l:
                resolved = new ResolvedValue(l, null, site, declaration, hardcoded);
                return true;
            case uint ui:
                resolved = new ResolvedValue(ui, null, site, declaration, hardcoded);
                return true;
            case short s:
                resolved = new ResolvedValue(s, null, site, declaration, hardcoded);
                return true;
            case ulong ul:
                resolved = new ResolvedValue(ul > long.MaxValue ? long.MaxValue : (long)ul, null, site, declaration, hardcoded);
                return true;
            default:
                return false; // bytes, chars, floating point, bools, null: not ports.
        }
    }

    /// <summary>
    /// A read with a default: ConfigurationBinder.GetValue(configuration, key, defaultValue), or the environment helper
    /// the code fix adds to a project, PortSettings.FromEnvironment(name, defaultValue). The shapes the code fix writes.
    /// </summary>
    public static bool IsConfigurationRead(IInvocationOperation invocation, out IOperation defaultValue)
    {
        defaultValue = null!;
        var method = invocation.TargetMethod;
        if (!(method.Name == "GetValue" && method.ContainingType?.Name == "ConfigurationBinder")
            && !(method.Name == EnvironmentReadName && method.IsStatic)
            && !IsOwnRead(method))
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "defaultValue" && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                defaultValue = argument.Value;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A project's own read with a default: a method that takes a string key and a parameter named defaultValue
    /// (GetConfigValue(configuration, "port", 50052)). Its constant argument is a default, not a hardcoded port.
    /// </summary>
    private static bool IsOwnRead(IMethodSymbol method)
    {
        bool key = false;
        bool fallback = false;
        foreach (var parameter in method.Parameters)
        {
            key |= parameter.Type.SpecialType == SpecialType.System_String;
            fallback |= parameter.Name is "defaultValue" or "fallback" or "fallbackValue";
        }

        return key && fallback;
    }

    /// <summary>The name of the environment read the code fix writes (PortSettings.FromEnvironment).</summary>
    public const string EnvironmentReadName = "FromEnvironment";

    /// <summary>
    /// The default literal of a read written as an initializer (x.GetValue("Ports:A", 8088), PortSettings.FromEnvironment("Ports__A", 8088),
    /// possibly cast), found by syntax: the initializer of a field may sit in another syntax tree.
    /// </summary>
    private static ExpressionSyntax? ReadDefaultOf(ExpressionSyntax initializer)
    {
        while (initializer is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            initializer = initializer is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : ((CastExpressionSyntax)initializer).Expression;
        }

        if (initializer is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name }, ArgumentList.Arguments: { Count: 2 } arguments }
            || (name != "GetValue" && name != EnvironmentReadName)
            || !arguments[0].Expression.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return null;
        }

        var value = arguments[1].Expression;
        while (value is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            value = value is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : ((CastExpressionSyntax)value).Expression;
        }

        return value;
    }

    /// <summary>The initializer expression of a field, property or local declared in source, or null.</summary>
    public static ExpressionSyntax? InitializerOf(ISymbol symbol)
    {
        var references = symbol.DeclaringSyntaxReferences;
        if (references.Length != 1)
        {
            return null;
        }

        return references[0].GetSyntax() switch
        {
            VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
            PropertyDeclarationSyntax property => property.Initializer?.Value,
            _ => null,
        };
    }

    /// <summary>The value of a literal, a negated numeric literal, or null.</summary>
    public static bool TryLiteralValue(SyntaxNode node, out object? value)
    {
        value = null;
        while (node is ParenthesizedExpressionSyntax parenthesized)
        {
            node = parenthesized.Expression;
        }

        switch (node)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression) || literal.IsKind(SyntaxKind.StringLiteralExpression):
                value = literal.Token.Value;
                return value is not null;
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } operand }:
                switch (operand.Token.Value)
                {
                    case int i:
                        value = -(long)i;
                        return true;
                    case long l:
                        value = -l;
                        return true;
                    default:
                        return false;
                }

            default:
                return false;
        }
    }
}
