using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PortAnalyzers.Configuration;
using PortAnalyzers.Discovery;
using PortAnalyzers.Knowledge;
using PortAnalyzers.Model;

namespace PortAnalyzers.Container;

/// <summary>
/// Turns a Dockerfile into <see cref="PortOccurrence"/>s (every stage, for the per-port rules) and a
/// <see cref="ContainerDefinition"/> of the image it builds (its final stage and the stages that stage is built FROM,
/// for PORT009). Read: EXPOSE (ranges, /tcp, /udp), ENV and ARG values of the listen variables, --urls in ENTRYPOINT
/// and CMD. A value that is a variable ($PORT) is followed to an ENV or ARG of the same stage chain; one that cannot be
/// followed is set at build or run time and is not a port we can judge.
/// </summary>
internal sealed class DockerfilePortDiscovery
{
    private readonly string path;
    private readonly SourceText text;
    private readonly List<PortOccurrence> found = new();

    // File offsets already judged: a value that several ENV lines follow ($PORT) is reported once, where it is written.
    private readonly HashSet<int> judged = new();

    private DockerfilePortDiscovery(string path, SourceText text)
    {
        this.path = path;
        this.text = text;
    }

    public sealed class Result
    {
        public Result(List<PortOccurrence> occurrences, ContainerDefinition image)
        {
            Occurrences = occurrences;
            Image = image;
        }

        public List<PortOccurrence> Occurrences { get; }

        public ContainerDefinition Image { get; }
    }

    /// <summary>A stage: FROM image-or-stage [AS name], its instructions and the variables ARG/ENV set in it.</summary>
    private sealed class Stage
    {
        public Stage(string from, string? name, Stage? parent)
        {
            From = from;
            Name = name;
            Parent = parent;
        }

        public string From { get; }

        public string? Name { get; }

        public Stage? Parent { get; }

        public List<ExposedPort> Exposed { get; } = new();

        /// <summary>Ports the running container listens on because of ENV or the command line.</summary>
        public List<PortOccurrence> Listens { get; } = new();

        public Dictionary<string, Value> Variables { get; } = new(StringComparer.Ordinal);

        /// <summary>A listen variable set to a value we cannot follow (ASPNETCORE_URLS=http://+:${PORT}).</summary>
        public bool ListensUnknown { get; set; }

        /// <summary>The ENTRYPOINT and CMD arguments of the stage, for the hosts that replace Kestrel's listening.</summary>
        public List<string> Commands { get; } = new();
    }

    /// <summary>A variable's value and where its first character is.</summary>
    private readonly struct Value
    {
        public Value(string text, DockerInstruction instruction, int start)
        {
            Text = text;
            Instruction = instruction;
            Start = start;
        }

        public string Text { get; }

        public DockerInstruction Instruction { get; }

        public int Start { get; }
    }

    public static Result Discover(string path, SourceText text)
    {
        var discovery = new DockerfilePortDiscovery(path, text);
        var stages = new List<Stage>();
        var globalArgs = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (var instruction in DockerfileReader.Read(text.ToString()))
        {
            var stage = stages.Count == 0 ? null : stages[stages.Count - 1];

            // The Dockerfile's structure: stages, variables of any name (a later $NAME follows them), the command line
            // (which host runs). Which of them hold ports is ContainerPortCatalog's.
            switch (instruction.Keyword)
            {
                case "FROM":
                    stages.Add(NewStage(instruction, stages, globalArgs));
                    continue;
                case "ENV":
                case "ARG":
                    discovery.Variables(instruction, stage, stage?.Variables ?? globalArgs, globalArgs);
                    continue;
                case "ENTRYPOINT":
                case "CMD":
                    stage?.Commands.Add(instruction.Arguments);
                    break;
            }

            foreach (var spec in ContainerPortCatalog.For(ConfigurationFileKind.Dockerfile, instruction.Keyword))
            {
                switch (spec.Shape)
                {
                    case ContainerValueShape.PortSpecs:
                        discovery.Expose(instruction, stage, spec);
                        break;
                    case ContainerValueShape.UrlOption:
                        discovery.CommandLine(instruction, stage, spec);
                        break;
                }
            }
        }

        var name = System.IO.Path.GetFileName(path);
        if (stages.Count == 0)
        {
            return new Result(discovery.found, new ContainerDefinition(name, new List<ExposedPort>(), new List<PortOccurrence>(), null, null));
        }

        // The image is the last stage, with what it inherits from the stages it is built FROM.
        var exposed = new List<ExposedPort>();
        var listens = new List<PortOccurrence>();
        var commands = new List<string>();
        bool listensUnknown = false;
        var root = stages[stages.Count - 1];
        for (var s = root; s is not null; s = s.Parent)
        {
            listensUnknown |= s.ListensUnknown;
            exposed.InsertRange(0, s.Exposed);
            listens.InsertRange(0, s.Listens);
            commands.InsertRange(0, s.Commands);
            root = s;
        }

        // IIS in front of the app (ENTRYPOINT ServiceMonitor.exe w3svc) listens on its own site binding, not Kestrel's.
        var defaultPort = DotNetImages.HostListening(commands, out var reason) ?? DotNetImages.DefaultHttpPort(root.From, out reason);
        return new Result(discovery.found, new ContainerDefinition(name, exposed, listens, defaultPort, reason) { ListensUnknown = listensUnknown });
    }

    private static Stage NewStage(DockerInstruction instruction, List<Stage> stages, Dictionary<string, Value> globalArgs)
    {
        var tokens = Tokens(instruction.Arguments);
        string from = string.Empty;
        string? name = null;
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = instruction.Arguments.Substring(tokens[i].Start, tokens[i].Length);
            if (token.StartsWith("--", StringComparison.Ordinal))
            {
                continue; // --platform=...
            }

            if (from.Length == 0)
            {
                from = Substitute(token, globalArgs);
            }
            else if (token.Equals("AS", StringComparison.OrdinalIgnoreCase) && i + 1 < tokens.Count)
            {
                name = instruction.Arguments.Substring(tokens[i + 1].Start, tokens[i + 1].Length);
                break;
            }
        }

        var parent = stages.FindLast(s => s.Name is not null && s.Name.Equals(from, StringComparison.OrdinalIgnoreCase));
        return new Stage(from, name, parent);
    }

    private void Expose(DockerInstruction instruction, Stage? stage, ContainerPortSpec spec)
    {
        var args = instruction.Arguments;
        foreach (var token in Tokens(args))
        {
            var written = args.Substring(token.Start, token.Length);
            if (written.IndexOf('$') >= 0)
            {
                continue; // EXPOSE $PORT: a build argument, not a number we can judge
            }

            int slash = written.IndexOf('/');
            var numbers = slash < 0 ? written : written.Substring(0, slash);
            var transport = slash < 0 ? PortTransport.Tcp : TransportOf(written.Substring(slash + 1));
            int dash = numbers.Length > 1 ? numbers.IndexOf('-', 1) : -1;
            var first = Number(numbers, 0, dash < 0 ? numbers.Length : dash);
            var last = dash < 0 ? first : Number(numbers, dash + 1, numbers.Length);
            if (first is null || last is null || transport == PortTransport.Unknown)
            {
                continue;
            }

            int firstLength = (dash < 0 ? numbers.Length : dash);
            Add(first.Value, Span(instruction, token.Start, firstLength), spec.Role, transport, spec.Scheme, instruction.Keyword, null);
            if (dash >= 0)
            {
                Add(last.Value, Span(instruction, token.Start + dash + 1, numbers.Length - dash - 1), spec.Role, transport, spec.Scheme, instruction.Keyword, null);
            }

            Use(stage, spec)?.Add(new ExposedPort(Math.Min(first.Value, last.Value), Math.Max(first.Value, last.Value), transport, Span(instruction, token.Start, numbers.Length), written));
        }
    }

    // ENV A=1 B="2 3", the legacy ENV NAME value, ARG NAME[=default].
    private void Variables(DockerInstruction instruction, Stage? stage, Dictionary<string, Value> variables, Dictionary<string, Value> globalArgs)
    {
        var args = instruction.Arguments;
        var tokens = Tokens(args);
        if (tokens.Count == 0)
        {
            return;
        }

        bool isEnv = instruction.Keyword == "ENV";
        var firstToken = args.Substring(tokens[0].Start, tokens[0].Length);
        if (isEnv && firstToken.IndexOf('=') < 0)
        {
            int valueStart = tokens.Count > 1 ? tokens[1].Start : args.Length;
            Assign(instruction, stage, variables, firstToken, Unquote(args, valueStart, args.Length));
            return;
        }

        foreach (var token in tokens)
        {
            int equals = args.IndexOf('=', token.Start, token.Length);
            var key = args.Substring(token.Start, (equals < 0 ? token.Start + token.Length : equals) - token.Start);
            if (equals < 0)
            {
                // ARG NAME without a default brings an ARG declared before FROM into the stage (or --build-arg sets it).
                if (!isEnv && stage is not null && globalArgs.TryGetValue(key, out var global))
                {
                    variables[key] = global;
                }

                continue;
            }

            Assign(instruction, stage, variables, key, Unquote(args, equals + 1, token.Start + token.Length));
        }
    }

    private void Assign(DockerInstruction instruction, Stage? stage, Dictionary<string, Value> variables, string key, (int Start, int End) value)
    {
        var written = new Value(instruction.Arguments.Substring(value.Start, value.End - value.Start), instruction, value.Start);

        // ENV ASPNETCORE_HTTP_PORTS=$PORT: the port is where $PORT got its value.
        var resolved = written.Text.IndexOf('$') >= 0 && stage is not null ? Follow(written.Text, stage) : written;
        variables[key] = resolved ?? written;
        var spec = ContainerPortCatalog.Find(ConfigurationFileKind.Dockerfile, instruction.Keyword, key);
        if (spec is null || !ListenVariables.TryGet(key, out var variable))
        {
            return;
        }

        if (resolved is null)
        {
            // Set at run time ($PORT from the platform): the app listens somewhere we cannot know.
            if (spec.Use == ContainerPortUse.Listens && stage is not null)
            {
                stage.ListensUnknown = true;
            }

            return;
        }

        var ports = ListenVariables.Parse(resolved.Value.Text, variable);
        if (ports is null)
        {
            return;
        }

        foreach (var port in ports)
        {
            var occurrence = Add(
                port.Value,
                Span(resolved.Value.Instruction, resolved.Value.Start + port.Start, port.Length),
                spec.Role,
                PortTransport.Tcp,
                port.Scheme ?? variable.Scheme ?? spec.Scheme,
                instruction.Keyword + " " + key,
                port.Host);

            // An ARG ends with the build: only ENV reaches the running app.
            if (spec.Use == ContainerPortUse.Listens)
            {
                stage?.Listens.Add(occurrence);
            }
        }
    }

    // ENTRYPOINT ["dotnet", "Api.dll", "--urls", "http://+:5000"], CMD dotnet Api.dll --urls=http://+:5000
    private void CommandLine(DockerInstruction instruction, Stage? stage, ContainerPortSpec spec)
    {
        var option = spec.Key!;
        var args = instruction.Arguments;
        var tokens = Tokens(args, jsonArray: true);
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = args.Substring(tokens[i].Start, tokens[i].Length);
            int valueStart, valueEnd;
            if (spec.KeyMatches(token) && i + 1 < tokens.Count)
            {
                valueStart = tokens[i + 1].Start;
                valueEnd = valueStart + tokens[i + 1].Length;
            }
            else if (token.Length > option.Length && token[option.Length] == '=' && spec.KeyMatches(token.Substring(0, option.Length)))
            {
                valueStart = tokens[i].Start + option.Length + 1;
                valueEnd = tokens[i].Start + tokens[i].Length;
            }
            else
            {
                continue;
            }

            var ports = PortTextParser.Parse(args.Substring(valueStart, valueEnd - valueStart), SinkValueKind.UrlList);
            foreach (var port in ports ?? new List<PortText>())
            {
                var occurrence = Add(port.Value, Span(instruction, valueStart + port.Start, port.Length), spec.Role, PortTransport.Tcp, port.Scheme ?? spec.Scheme, instruction.Keyword + " " + option, port.Host);
                if (spec.Use == ContainerPortUse.Listens)
                {
                    stage?.Listens.Add(occurrence);
                }
            }
        }
    }

    // Where a declared port goes in the image: EXPOSE rows into what it offers.
    private static List<ExposedPort>? Use(Stage? stage, ContainerPortSpec spec)
        => spec.Use == ContainerPortUse.Exposes ? stage?.Exposed : null;

    // $NAME or ${NAME} alone (also ${NAME:-default}), looked up in the stage and the stages it is built FROM.
    private static Value? Follow(string value, Stage stage)
    {
        var name = VariableName(value, out var fallback);
        if (name is null)
        {
            return null;
        }

        for (var s = stage; s is not null; s = s.Parent)
        {
            if (s.Variables.TryGetValue(name, out var found))
            {
                return found.Text.Length == 0 && fallback is not null ? null : found;
            }
        }

        return null;
    }

    private static string? VariableName(string value, out string? fallback)
    {
        fallback = null;
        if (value.Length < 2 || value[0] != '$')
        {
            return null;
        }

        if (value[1] == '{' && value[value.Length - 1] == '}')
        {
            var inner = value.Substring(2, value.Length - 3);
            int colon = inner.IndexOf(':');
            if (colon >= 0)
            {
                fallback = inner.Substring(colon + 1).TrimStart('-', '+');
                inner = inner.Substring(0, colon);
            }

            return IsName(inner) ? inner : null;
        }

        var plain = value.Substring(1);
        return IsName(plain) ? plain : null;
    }

    private static bool IsName(string s)
    {
        if (s.Length == 0)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    // FROM mcr.microsoft.com/dotnet/aspnet:$DOTNET_VERSION with ARG DOTNET_VERSION=8.0 before the first FROM.
    private static string Substitute(string image, Dictionary<string, Value> globalArgs)
    {
        int dollar = image.IndexOf('$');
        if (dollar < 0)
        {
            return image;
        }

        var name = VariableName(image.Substring(dollar), out _);
        return name is not null && globalArgs.TryGetValue(name, out var value) ? image.Substring(0, dollar) + value.Text : image;
    }

    private PortOccurrence Add(long port, Location location, PortRole role, PortTransport transport, string? scheme, string sink, string? host)
    {
        var occurrence = new PortOccurrence(
            port,
            location,
            role,
            transport,
            scheme,
            sink,
            declarationLocation: null,
            isHardcoded: false,
            bindingScope: new BindingScope(path, "dockerfile"),
            bindAddress: host ?? BindAddresses.Everywhere);

        if (judged.Add(location.SourceSpan.Start))
        {
            found.Add(occurrence);
        }

        return occurrence;
    }

    private Location Span(DockerInstruction instruction, int start, int length)
    {
        int from = instruction.OffsetOf(start);
        int to = length == 0 ? from : instruction.OffsetOf(start + length - 1) + 1;
        var span = new TextSpan(from, Math.Max(0, to - from));
        return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
    }

    private static PortTransport TransportOf(string protocol) => protocol.ToLowerInvariant() switch
    {
        "tcp" => PortTransport.Tcp,
        "udp" => PortTransport.Udp,
        _ => PortTransport.Unknown,
    };

    private static long? Number(string s, int start, int end)
    {
        if (end <= start || end - start > 10)
        {
            return null;
        }

        for (int i = start; i < end; i++)
        {
            if (s[i] < '0' || s[i] > '9')
            {
                return null;
            }
        }

        return long.Parse(s.Substring(start, end - start), CultureInfo.InvariantCulture);
    }

    // A value without its quotes: "http://+:80" → http://+:80.
    private static (int Start, int End) Unquote(string args, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(args[end - 1]))
        {
            end--;
        }

        if (end - start >= 2 && (args[start] == '"' || args[start] == '\'') && args[end - 1] == args[start])
        {
            return (start + 1, end - 1);
        }

        return (start, end);
    }

    /// <summary>
    /// Whitespace-separated words; quotes keep spaces inside a word. In the exec (JSON array) form of ENTRYPOINT and
    /// CMD the brackets, commas and quotes are separators, so each array element is a word.
    /// </summary>
    private static List<(int Start, int Length)> Tokens(string s, bool jsonArray = false)
    {
        var tokens = new List<(int, int)>();
        bool exec = jsonArray && s.TrimStart().StartsWith("[", StringComparison.Ordinal);
        int i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && IsSeparator(s[i], exec))
            {
                i++;
            }

            int start = i;
            char quote = '\0';
            while (i < s.Length && (quote != '\0' || !IsSeparator(s[i], exec)))
            {
                if (!exec && (s[i] == '"' || s[i] == '\''))
                {
                    quote = quote == '\0' ? s[i] : quote == s[i] ? '\0' : quote;
                }

                i++;
            }

            if (i > start)
            {
                tokens.Add((start, i - start));
            }
        }

        return tokens;
    }

    private static bool IsSeparator(char c, bool exec) => char.IsWhiteSpace(c) || (exec && c is '[' or ']' or ',' or '"');
}
