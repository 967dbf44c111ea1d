using System;
using System.Collections.Generic;
using PortAnalyzers.Discovery;

namespace PortAnalyzers.Configuration;

/// <summary>
/// The configuration keys and environment variables that set where ASP.NET Core listens, as data: one table for
/// appsettings, launch profiles, Dockerfile ENV/ARG and SDK ContainerEnvironmentVariable items. The host reads the
/// unprefixed keys from every configuration source (environment variables included) and the ASPNETCORE_ forms from
/// the environment, so both spellings bind.
/// </summary>
internal static class ListenVariables
{
    // A class, not a struct: a dictionary of a struct value is JIT-compiled anew in every compiler process.
    public sealed class Variable
    {
        public Variable(SinkValueKind list, string? scheme)
        {
            List = list;
            Scheme = scheme;
        }

        /// <summary><see cref="SinkValueKind.UrlList"/> for URLs separated by ';', <see cref="SinkValueKind.Port"/> for port lists.</summary>
        public SinkValueKind List { get; }

        /// <summary>The scheme a bare port list implies (http for HTTP_PORTS); null for URL lists, whose URLs say it.</summary>
        public string? Scheme { get; }
    }

    private static readonly Dictionary<string, Variable> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["URLS"] = new Variable(SinkValueKind.UrlList, null),
        ["ASPNETCORE_URLS"] = new Variable(SinkValueKind.UrlList, null),
        ["HTTP_PORTS"] = new Variable(SinkValueKind.Port, "http"),
        ["ASPNETCORE_HTTP_PORTS"] = new Variable(SinkValueKind.Port, "http"),
        ["HTTPS_PORTS"] = new Variable(SinkValueKind.Port, "https"),
        ["ASPNETCORE_HTTPS_PORTS"] = new Variable(SinkValueKind.Port, "https"),
    };

    /// <summary>The variable named <paramref name="key"/>; false, and <paramref name="variable"/> null, for any other name.</summary>
    public static bool TryGet(string key, out Variable variable)
    {
        bool known = Table.TryGetValue(key, out var found);
        variable = found!;
        return known;
    }

    /// <summary>
    /// The ports of a value of <paramref name="variable"/>, with their offsets inside <paramref name="value"/>.
    /// HTTP_PORTS is "8080;8081": a list of bare numbers, each parsed alone.
    /// </summary>
    public static List<PortText>? Parse(string value, Variable variable)
    {
        if (variable.List != SinkValueKind.Port)
        {
            return PortTextParser.Parse(value, variable.List);
        }

        List<PortText>? ports = null;
        for (int start = 0; start <= value.Length;)
        {
            int end = value.IndexOf(';', start);
            end = end < 0 ? value.Length : end;
            var piece = PortTextParser.Parse(value.Substring(start, end - start), SinkValueKind.Port);
            if (piece is not null)
            {
                (ports ??= new List<PortText>()).Add(new PortText(start + piece[0].Start, piece[0].Length, piece[0].Value, variable.Scheme));
            }

            start = end + 1;
        }

        return ports;
    }
}
