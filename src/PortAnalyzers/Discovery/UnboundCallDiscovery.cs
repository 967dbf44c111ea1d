using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PortAnalyzers.Model;

namespace PortAnalyzers.Discovery;

/// <summary>
/// Calls that do not bind (half-typed code, a package that did not restore): ports by argument and method names. Needs
/// no symbols, so no catalogue instance: the names come from <see cref="UnboundSinks"/> and the name heuristics of
/// <see cref="SinkResolver"/>.
/// </summary>
internal static class UnboundCallDiscovery
{
    /// <summary>
    /// A call or creation that does not bind (half-typed code, a package that did not restore, a generator not yet
    /// run): its constant arguments are ports when the argument is named for a port (port:, targetPort:), or when the
    /// method's name says port (WithHostPort(8421)). A name the catalogue knows (WithHttpEndpoint(port:)) keeps its role.
    /// </summary>
    internal static List<PortOccurrence>? Analyze(IInvalidOperation invalid)
    {
        ArgumentListSyntax? arguments;
        string? method;
        string? receiver = null;
        switch (invalid.Syntax)
        {
            case InvocationExpressionSyntax invocation:
                arguments = invocation.ArgumentList;
                receiver = invocation.Expression is MemberAccessExpressionSyntax { Expression: var target } ? SimpleName(target as TypeSyntax) : null;
                method = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    SimpleNameSyntax name => name.Identifier.ValueText,
                    MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                    _ => null,
                };
                break;
            case BaseObjectCreationExpressionSyntax creation:
                arguments = creation.ArgumentList;
                method = creation is ObjectCreationExpressionSyntax { Type: var type } ? SimpleName(type) : null;
                break;
            default:
                return null;
        }

        if (arguments is null || arguments.Arguments.Count == 0 || method is null)
        {
            return null;
        }

        bool methodSaysPort = SinkResolver.IsNamedPort(method);
        var positional = UnboundSinks.PositionalPorts(method);
        int numericPosition = 0;
        List<PortOccurrence>? found = null;
        foreach (var argument in arguments.Arguments)
        {
            var name = argument.NameColon?.Name.Identifier.ValueText;
            if (argument.Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression }
                or InterpolatedStringExpressionSyntax or BinaryExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax)
            {
                // UseUrls("http://localhost:5000") on a builder whose type did not bind, a CORS origin, a Redis string
                // given to ConnectionMultiplexer.Connect: the text decides, with the catalogue's role where it knows the call.
                AddUnboundText(invalid, argument, receiver, method, ref found);
            }

            // ConfigureEndpoints(IPAddress.Loopback, 11111, 30000): the catalogue knows the order of a distinctive
            // member's port parameters, so the n-th positional number is its n-th port.
            SinkSpec? byPosition = null;
            if (name is null && positional is not null && IsNumber(ChildFor(invalid, argument.Expression)))
            {
                byPosition = numericPosition < positional.Length ? positional[numericPosition] : null;
                numericPosition++;
            }

            if (byPosition is null && (name is null ? !methodSaysPort : !SinkResolver.IsNamedPort(name)))
            {
                continue;
            }

            var value = ChildFor(invalid, argument.Expression);
            if (value is null || !PortValueResolver.TryResolve(value, out var resolved) || resolved.IsText
                || (OccurrenceBuilder.IsNoPortSentinel(resolved) && invalid.Syntax is not InvocationExpressionSyntax))
            {
                continue;
            }

            var spec = byPosition ?? (name is null ? null : UnboundSinks.Find(method, name)) ?? SinkResolver.NamedSpec(name ?? method, method);
            var display = ReferenceEquals(spec, SinkResolver.NamedPort) || ReferenceEquals(spec, SinkResolver.NamedContainerPort) || ReferenceEquals(spec, SinkResolver.NamedHostPort)
                ? (name is null ? method + "(...)" : "argument '" + name + "' of " + method + "(...)")
                : spec.Display;
            (found ??= new List<PortOccurrence>(1)).Add(new PortOccurrence(
                resolved.Number, resolved.Site.GetLocation(), spec.Role, spec.Transport, spec.Scheme, display,
                resolved.Declaration?.GetLocation(), resolved.IsHardcoded));
        }

        return found;
    }

    private static void AddUnboundText(IInvalidOperation invalid, ArgumentSyntax argument, string? receiver, string method, ref List<PortOccurrence>? found)
    {
        var value = ChildFor(invalid, argument.Expression);
        if (value is null || !PortValueResolver.TryResolve(value, out var resolved) || !resolved.IsText)
        {
            return;
        }

        var spec = UnboundSinks.FindText(receiver, method) ?? (SinkResolver.IsWholeUrl(resolved.Text!) ? SinkResolver.UrlLiteral : null);
        var ports = spec is null ? null : PortTextParser.Parse(resolved.Text!, spec.Kind);
        if (ports is null)
        {
            return;
        }

        foreach (var port in ports)
        {
            if (resolved.TryLocate(port, out var location, out var declaration))
            {
                (found ??= new List<PortOccurrence>(1)).Add(new PortOccurrence(
                    port.Value, location, spec!.Role, spec.Transport, port.Scheme ?? spec.Scheme, spec.Display, declaration, resolved.IsHardcoded,
                    bindAddress: spec.Role == PortRole.Listen ? port.Host : null));
            }
        }
    }

    private static bool IsNumber(IOperation? value)
        => value is not null && PortValueResolver.TryResolve(value, out var resolved) && !resolved.IsText;

    private static string? SimpleName(TypeSyntax? type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The child operation of an invalid operation that stands for one argument's expression.</summary>
    private static IOperation? ChildFor(IOperation parent, ExpressionSyntax expression)
    {
        foreach (var child in parent.ChildOperations)
        {
            if (child.Syntax == expression)
            {
                return child;
            }

            if (child is IArgumentOperation argument && argument.Value.Syntax == expression)
            {
                return argument.Value;
            }
        }

        return null;
    }
}
