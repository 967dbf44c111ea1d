namespace PortAnalyzers.Discovery;

/// <summary>
/// Whether an identifier names a port: the word "port" (or "ports") as a camel-case, PascalCase or snake_case word.
/// listenPort, GatewayPort, PortNumber, SMTP_PORT, HTTP_PORTS are ports; Report, Support, Import, Export, Transport,
/// Passport, Viewport, Portal, Portable are not. Allocation-free.
/// </summary>
internal static class PortWord
{
    /// <summary>
    /// A port of the other end of a connection (RemotePort, SourcePort, ClientPort, PeerPort): observed, not
    /// configured, so never a sink by name.
    /// </summary>
    public static bool IsOtherEnd(string identifier)
        => HasAnyWord(identifier, OtherEndWords);

    private static readonly string[] OtherEndWords = { "remote", "source", "client", "peer" };

    /// <summary>
    /// The port a container listens on inside its own network (ContainerPort, TargetPort, targetPort): the host never
    /// binds it, so it has the container role.
    /// </summary>
    public static bool IsContainerSide(string identifier)
        => HasAnyWord(identifier, ContainerWords);

    private static readonly string[] ContainerWords = { "container", "target" };

    /// <summary>
    /// Names of limits rather than ports (MaxPort, MinPort, PortUpperBound, MaxValue): a naming rule, so it lives here
    /// where both the C# value resolver and the JSON key reader ask it.
    /// </summary>
    public static bool IsBoundName(string name) => HasAnyWord(name, BoundWords);

    private static readonly string[] BoundWords = { "max", "min", "maximum", "minimum", "upper", "lower", "limit", "bound" };

    /// <summary>
    /// Whether <paramref name="word"/> stands in the identifier as a word of its own, in any case: at the start or
    /// after a non-letter or as a capitalised word, and not followed by a lowercase letter (maxPort, MAX_PORT,
    /// PortUpperBound have "max"/"upper"; climax and Minute do not have "max"/"min").
    /// </summary>
    public static bool HasAnyWord(string identifier, string[] words)
    {
        foreach (var word in words)
        {
            if (HasWord(identifier, word))
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasWord(string identifier, string word)
    {
        int i = identifier.IndexOf(word, System.StringComparison.OrdinalIgnoreCase);
        while (i >= 0)
        {
            int end = i + word.Length;
            bool startOk = i == 0 || !char.IsLetter(identifier[i - 1]) || char.IsUpper(identifier[i]);
            bool endOk = end == identifier.Length || !char.IsLower(identifier[end]);
            if (startOk && endOk)
            {
                return true;
            }

            i = identifier.IndexOf(word, i + 1, System.StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    /// <summary>
    /// The identifier names a port: the word "port"/"ports" is its head noun, followed by nothing or only by words that
    /// name the number itself (PortNumber, portNo, PortValue), and not counted (numPorts, NumberOfPorts, portCount,
    /// completionPortThreads are counts and threads, not ports).
    /// </summary>
    public static bool Matches(string? identifier)
    {
        if (identifier is null)
        {
            return false;
        }

        bool found = false;
        int previousStart = -1;
        int previousLength = 0;
        int n = identifier.Length;
        for (int start = 0; start < n;)
        {
            if (!char.IsLetter(identifier[start]))
            {
                start++;
                continue;
            }

            int end = WordEnd(identifier, start);
            int length = end - start;
            if (IsPortWord(identifier, start, length))
            {
                found = previousStart < 0 || !IsAny(identifier, previousStart, previousLength, CountWords);
            }
            else if (found && !IsAny(identifier, start, length, NumberWords))
            {
                found = false;
            }

            previousStart = start;
            previousLength = length;
            start = end;
        }

        return found;
    }

    // Words after "port" that still name the port's own number, or one end of a range of ports (portEndRange).
    private static readonly string[] NumberWords = { "number", "num", "no", "nr", "value", "range", "start", "end", "begin", "first", "last" };

    // Words right before "ports" that make it a count of ports.
    private static readonly string[] CountWords = { "num", "number", "count", "total", "of", "n" };

    private static bool IsPortWord(string s, int start, int length)
        => (length == 4 || (length == 5 && (s[start + 4] | 0x20) == 's'))
            && (s[start] | 0x20) == 'p'
            && (s[start + 1] | 0x20) == 'o'
            && (s[start + 2] | 0x20) == 'r'
            && (s[start + 3] | 0x20) == 't';

    private static bool IsAny(string s, int start, int length, string[] words)
    {
        foreach (var word in words)
        {
            if (word.Length == length && string.Compare(s, start, word, 0, length, System.StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }
        }

        return false;
    }

    // A word is a run of letters: an uppercase letter starts a new word after a lowercase letter, and the last
    // capital of an acronym starts the next word ("HTTPPort" -> "HTTP", "Port").
    private static int WordEnd(string s, int start)
    {
        int i = start + 1;
        bool upperRun = char.IsUpper(s[start]);
        while (i < s.Length && char.IsLetter(s[i]))
        {
            bool upper = char.IsUpper(s[i]);
            if (upper && !upperRun)
            {
                return i; // fooBar: 'B' starts a word
            }

            if (!upper && upperRun && i - start > 1)
            {
                return i - 1; // HTTPPort: the 'P' before 'o' starts a word
            }

            upperRun = upper;
            i++;
        }

        return i;
    }
}
