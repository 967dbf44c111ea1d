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

    /// <summary>
    /// The text sink (URL, URL list, connection string) of an unbound call: by the receiver's name when it names the
    /// catalogue type (ConnectionMultiplexer.Connect), else by a method name that only one type has and that says
    /// what it does (UseUrls, ForAddress); generic names (Add, Run, Connect, Parse) need the type.
    /// </summary>
    public static SinkSpec? FindText(string? receiver, string method)
        => (receiver is not null && TextByType.TryGetValue(receiver + "." + method, out var typed)) ? typed
            : TextByMember.TryGetValue(method, out var spec) ? spec : null;

    // Declared before the tables built from it: static fields initialize in order.
    private static readonly HashSet<string> GenericNames = new(StringComparer.Ordinal)
    {
        "Add", "Run", "RunAsync", "Connect", "ConnectAsync", "Parse", "Send", "SendAsync", "SendTo", "SendToAsync", "Bind", "Listen", "Create",
    };

    private static readonly Dictionary<string, SinkSpec> TextByType = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, SinkSpec> TextByMember = BuildText();

    private static Dictionary<string, SinkSpec> BuildText()
    {
        var byMember = new Dictionary<string, SinkSpec?>(StringComparer.Ordinal);
        foreach (var spec in SinkCatalog.All)
        {
            if (spec.Kind is not (SinkValueKind.Url or SinkValueKind.UrlList or SinkValueKind.ConnectionString)
                || spec.Member is ".ctor" or "*" || spec.IsWrapper || spec.ReceiverProperty is not null)
            {
                continue;
            }

            var type = spec.Type.Substring(spec.Type.LastIndexOf('.') + 1);
            var key = type + "." + spec.Member;
            if (!TextByType.ContainsKey(key))
            {
                TextByType.Add(key, spec);
            }

            // A member name shared by two types is ambiguous without the type: null marks it.
            byMember[spec.Member] = byMember.TryGetValue(spec.Member, out var other) && other is not null && other.Type != spec.Type ? null : spec;
        }

        var result = new Dictionary<string, SinkSpec>(StringComparer.Ordinal);
        foreach (var pair in byMember)
        {
            if (pair.Value is not null && !GenericNames.Contains(pair.Key))
            {
                result.Add(pair.Key, pair.Value);
            }
        }

        return result;
    }

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
