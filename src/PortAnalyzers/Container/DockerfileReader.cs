using System;
using System.Collections.Generic;

namespace PortAnalyzers.Container;

/// <summary>
/// One Dockerfile instruction as Docker sees it: continuation lines joined, comment lines inside a continuation
/// dropped, with a map from every character of the joined arguments back to its offset in the file, so that a port
/// is reported at its own digits even when the instruction spans lines.
/// </summary>
internal sealed class DockerInstruction
{
    public DockerInstruction(string keyword, int keywordStart, string arguments, int[] offsets)
    {
        Keyword = keyword;
        KeywordStart = keywordStart;
        Arguments = arguments;
        Offsets = offsets;
    }

    /// <summary>Upper-cased instruction name (EXPOSE, ENV, FROM...).</summary>
    public string Keyword { get; }

    public int KeywordStart { get; }

    /// <summary>Everything after the keyword, continuation lines joined.</summary>
    public string Arguments { get; }

    /// <summary>File offset of each character of <see cref="Arguments"/>.</summary>
    public int[] Offsets { get; }

    public int OffsetOf(int index) => Offsets.Length == 0 ? KeywordStart : Offsets[Math.Min(Math.Max(index, 0), Offsets.Length - 1)];
}

/// <summary>
/// A hand-written Dockerfile reader for the analyzers: no dependency, never throws, linear in the file's length.
/// It knows the syntax that decides where a port is written: parser directives (the escape character), comments,
/// line continuations and heredocs (whose body lines are not instructions: "EXPOSE 80" inside a RUN heredoc is text).
/// </summary>
internal static class DockerfileReader
{
    public static List<DockerInstruction> Read(string text)
    {
        var instructions = new List<DockerInstruction>();
        char escape = ReadEscapeDirective(text);
        int position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var arguments = new System.Text.StringBuilder();
        var offsets = new List<int>();
        string? keyword = null;
        int keywordStart = 0;
        string? heredocEnd = null;
        bool heredocStripTabs = false;

        while (position < text.Length)
        {
            int lineEnd = text.IndexOf('\n', position);
            int next = lineEnd < 0 ? text.Length : lineEnd + 1;
            int end = lineEnd < 0 ? text.Length : lineEnd;
            if (end > position && text[end - 1] == '\r')
            {
                end--;
            }

            if (heredocEnd is not null)
            {
                var line = text.Substring(position, end - position);
                if ((heredocStripTabs ? line.TrimStart('\t') : line) == heredocEnd)
                {
                    heredocEnd = null;
                }

                position = next;
                continue;
            }

            int first = position;
            while (first < end && (text[first] == ' ' || text[first] == '\t'))
            {
                first++;
            }

            // A comment line, or an empty line: Docker ignores both, also in the middle of a continuation.
            if (first == end || text[first] == '#')
            {
                position = next;
                continue;
            }

            int contentEnd = end;
            while (contentEnd > first && (text[contentEnd - 1] == ' ' || text[contentEnd - 1] == '\t'))
            {
                contentEnd--;
            }

            bool continues = text[contentEnd - 1] == escape;
            if (continues)
            {
                contentEnd--;
            }

            int argumentsFrom = first;
            if (keyword is null)
            {
                int keywordEnd = first;
                while (keywordEnd < contentEnd && !char.IsWhiteSpace(text[keywordEnd]))
                {
                    keywordEnd++;
                }

                keyword = text.Substring(first, keywordEnd - first).ToUpperInvariant();
                keywordStart = first;
                argumentsFrom = keywordEnd;
                while (argumentsFrom < contentEnd && char.IsWhiteSpace(text[argumentsFrom]))
                {
                    argumentsFrom++;
                }
            }
            else if (arguments.Length > 0)
            {
                // The continuation joins the lines; a space keeps the tokens of both lines apart.
                arguments.Append(' ');
                offsets.Add(first);
            }

            for (int i = argumentsFrom; i < contentEnd; i++)
            {
                arguments.Append(text[i]);
                offsets.Add(i);
            }

            position = next;
            if (continues && position < text.Length)
            {
                continue;
            }

            var args = arguments.ToString();
            instructions.Add(new DockerInstruction(keyword, keywordStart, args, offsets.ToArray()));
            heredocEnd = keyword is "RUN" or "COPY" or "ADD" ? HeredocDelimiter(args, out heredocStripTabs) : null;
            keyword = null;
            arguments.Clear();
            offsets.Clear();
        }

        if (keyword is not null)
        {
            instructions.Add(new DockerInstruction(keyword, keywordStart, arguments.ToString(), offsets.ToArray()));
        }

        return instructions;
    }

    // "# escape=`" at the very top (Windows Dockerfiles) makes the backtick the continuation character.
    private static char ReadEscapeDirective(string text)
    {
        int position = 0;
        while (position < text.Length)
        {
            int end = text.IndexOf('\n', position);
            end = end < 0 ? text.Length : end;
            var line = text.Substring(position, end - position).Trim().TrimStart('\uFEFF');
            if (!line.StartsWith("#", StringComparison.Ordinal))
            {
                break;
            }

            var directive = line.Substring(1).Replace(" ", string.Empty);
            if (directive.StartsWith("escape=", StringComparison.OrdinalIgnoreCase) && directive.Length > 7)
            {
                return directive[7];
            }

            if (directive.IndexOf('=') < 0)
            {
                break; // an ordinary comment ends the directives
            }

            position = end + 1;
        }

        return '\\';
    }

    // RUN <<EOF, COPY <<-"END" file: the lines up to the delimiter are the heredoc's body.
    private static string? HeredocDelimiter(string arguments, out bool stripTabs)
    {
        stripTabs = false;
        int at = arguments.IndexOf("<<", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        int i = at + 2;
        if (i < arguments.Length && arguments[i] == '-')
        {
            stripTabs = true;
            i++;
        }

        if (i < arguments.Length && (arguments[i] == '"' || arguments[i] == '\''))
        {
            i++;
        }

        int start = i;
        while (i < arguments.Length && (char.IsLetterOrDigit(arguments[i]) || arguments[i] == '_'))
        {
            i++;
        }

        return i > start && char.IsLetter(arguments[start]) ? arguments.Substring(start, i - start) : null;
    }
}
