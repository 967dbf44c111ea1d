using System;
using System.Collections.Generic;

namespace PortAnalyzers.Discovery;

/// <summary>
/// The sink catalogue by simple names, for calls that do not bind: WithHttpEndpoint(port: 8000) keeps the role the
/// catalogue gives Aspire's port even when Aspire did not restore. Only named methods with a numeric port parameter
/// are indexed (constructors and "*" lines need a type to mean anything).
/// </summary>
internal static class UnboundSinks
{
    private static readonly Dictionary<string, SinkSpec> ByName = Build();

    public static SinkSpec? Find(string method, string parameter)
        => ByName.TryGetValue(method + "|" + parameter, out var spec) ? spec : null;

    private static Dictionary<string, SinkSpec> Build()
    {
        var map = new Dictionary<string, SinkSpec>(StringComparer.Ordinal);
        foreach (var spec in SinkCatalog.All)
        {
            if (spec.Kind == SinkValueKind.Port && spec.Member is not (".ctor" or "*") && !spec.IsWrapper && spec.ReceiverProperty is null)
            {
                var key = spec.Member + "|" + spec.Parameter;
                if (!map.ContainsKey(key))
                {
                    map.Add(key, spec);
                }
            }
        }

        return map;
    }
}
