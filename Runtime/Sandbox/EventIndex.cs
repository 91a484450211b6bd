using System.Buffers;

namespace Flowgate.Runtime.Sandbox;

/// <summary>
/// Where each top-level member of an event's JSON sits, so the sandbox parses (and deep-freezes) only
/// the members an Action reads: most read two or three of an event's fifteen, and parsing and freezing
/// the whole 2–3 kB event was half of a warm execution. The index is a string of UTF-16 code units,
/// four per member (key start, key end, value start, value end), which V8 reads with <c>charCodeAt</c>
/// without allocating. Anything unusual (an escaped key, an event of 64 K characters or more, text that
/// is not one JSON object) gets no index and the sandbox parses the whole event as before. The scan checks
/// structure, not literals: hosts validate events that come from people (test panel, CLI, API) before they
/// run, and the ones Flowgate builds are well-formed.
/// </summary>
internal static class EventIndex
{
    private static readonly SearchValues<char> Structural = SearchValues.Create("\"\\{}[],");

    /// <summary>The index of <paramref name="json"/>'s top-level members, or "" when the sandbox should parse it whole.</summary>
    public static string Of(string json)
    {
        if (json.Length >= char.MaxValue)
        {
            return "";
        }
        var offsets = new char[64];
        var count = 0;
        var position = SkipWhitespace(json, 0);
        if (position >= json.Length || json[position] != '{')
        {
            return "";
        }
        position = SkipWhitespace(json, position + 1);
        while (position < json.Length && json[position] == '"')
        {
            var keyEnd = json.AsSpan(position + 1).IndexOfAny('"', '\\') + position + 1;
            if (keyEnd <= position || json[keyEnd] != '"')
            {
                return "";
            }
            var colon = SkipWhitespace(json, keyEnd + 1);
            if (colon >= json.Length || json[colon] != ':')
            {
                return "";
            }
            var valueStart = SkipWhitespace(json, colon + 1);
            var valueEnd = EndOfValue(json, valueStart);
            if (valueEnd < 0 || valueEnd == valueStart)
            {
                return "";
            }
            if (count + 4 > offsets.Length)
            {
                Array.Resize(ref offsets, offsets.Length * 2);
            }
            offsets[count++] = (char)(position + 1);
            offsets[count++] = (char)keyEnd;
            offsets[count++] = (char)valueStart;
            offsets[count++] = (char)TrimEnd(json, valueStart, valueEnd);
            position = SkipWhitespace(json, valueEnd);
            if (position < json.Length && json[position] == ',')
            {
                position = SkipWhitespace(json, position + 1);
                continue;
            }
            if (position < json.Length && json[position] == '}' && SkipWhitespace(json, position + 1) == json.Length)
            {
                return new string(offsets, 0, count);
            }
            return "";
        }
        return "";
    }

    /// <summary>The position of the comma or brace that ends the value starting at <paramref name="start"/>; -1 when unbalanced.</summary>
    private static int EndOfValue(string json, int start)
    {
        var depth = 0;
        var position = start;
        while (true)
        {
            var next = json.AsSpan(position).IndexOfAny(Structural);
            if (next < 0)
            {
                return -1;
            }
            position += next;
            switch (json[position])
            {
                case '"':
                    position = EndOfString(json, position + 1);
                    if (position < 0)
                    {
                        return -1;
                    }
                    break;
                case '\\':
                    return -1;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']' when depth == 0:
                    return json[position] == '}' ? position : -1;
                case '}' or ']':
                    depth--;
                    break;
                case ',' when depth == 0:
                    return position;
            }
            position++;
        }
    }

    /// <summary>The position of the quote that closes a string whose content starts at <paramref name="position"/>.</summary>
    private static int EndOfString(string json, int position)
    {
        while (true)
        {
            var next = json.AsSpan(position).IndexOfAny('"', '\\');
            if (next < 0)
            {
                return -1;
            }
            position += next;
            if (json[position] == '"')
            {
                return position;
            }
            position += 2;
            if (position >= json.Length)
            {
                return -1;
            }
        }
    }

    private static int SkipWhitespace(string json, int position)
    {
        while (position < json.Length && json[position] is ' ' or '\t' or '\n' or '\r')
        {
            position++;
        }
        return position;
    }

    private static int TrimEnd(string json, int start, int end)
    {
        while (end > start && json[end - 1] is ' ' or '\t' or '\n' or '\r')
        {
            end--;
        }
        return end;
    }
}
