using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tui.Core.Protocol;

/// <summary>
/// Lines a child prints on stdout for programs that cannot open a socket. A marker starts a line with <c>::tui </c>:
/// <code>
/// ::tui heartbeat
/// ::tui status compiling 3/10
/// ::tui progress percent=42
/// ::tui epoch n=3 loss=0.25 note="warm start" done=false
/// ::tui {"type":"event","name":"epoch","data":{"n":3}}
/// </code>
/// After the prefix: <c>heartbeat</c>; <c>status</c> and the rest of the line; a JSON message; or an event name and
/// <c>key=value</c> pairs, where a value is a number, true, false, null, a "quoted string" (with \" and \\) or a bare word.
/// </summary>
public static class MarkerParser
{
    public const string Prefix = "::tui ";

    /// <summary>Whether a line is a marker at all (it then never reaches the log, even when it does not parse).</summary>
    public static bool IsMarker(string line) => line.StartsWith(Prefix, StringComparison.Ordinal);

    public static ParseResult Parse(string line)
    {
        if (!IsMarker(line)) return ParseResult.Bad("not a marker");
        if (Encoding.UTF8.GetByteCount(line) > ProtocolLimits.MaxLineBytes) return ParseResult.Bad("marker too long");
        var body = line.AsSpan(Prefix.Length).TrimEnd("\r\n").Trim();
        if (body.StartsWith("{")) return JsonMessageParser.Parse(Encoding.UTF8.GetBytes(body.ToString()));

        var space = body.IndexOfAny(' ', '\t');
        var word = (space < 0 ? body : body[..space]).ToString();
        var rest = space < 0 ? ReadOnlySpan<char>.Empty : body[(space + 1)..].Trim();
        switch (word)
        {
            case "heartbeat":
                return rest.IsEmpty ? ParseResult.Ok(ChildMessage.Heartbeat.Instance) : ParseResult.Bad("heartbeat takes nothing after it");
            case "status":
                return ParseResult.Ok(new ChildMessage.Status(MessageText.CleanStatus(rest.ToString())));
            case "":
                return ParseResult.Bad("a marker needs a message: heartbeat, status TEXT, or an event name");
        }
        if (!MessageText.EventName().IsMatch(word)) return ParseResult.Bad($"\"{word}\" is not an event name");
        return ReadPairs(rest, out var data, out var error)
            ? ParseResult.Ok(new ChildMessage.Event(word, data))
            : ParseResult.Bad(error!);
    }

    private static bool ReadPairs(ReadOnlySpan<char> text, out JsonElement data, out string? error)
    {
        data = default;
        error = null;
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var i = 0;
            while (true)
            {
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                if (i == text.Length) break;
                var equals = text[i..].IndexOf('=');
                if (equals <= 0)
                {
                    error = $"expected key=value at \"{Cut(text[i..])}\"";
                    return false;
                }
                var key = text.Slice(i, equals).ToString();
                if (key.Any(char.IsWhiteSpace))
                {
                    error = $"expected key=value at \"{Cut(text[i..])}\"";
                    return false;
                }
                if (!seen.Add(key))
                {
                    error = $"\"{key}\" is given twice";
                    return false;
                }
                i += equals + 1;
                writer.WritePropertyName(key);
                if (i < text.Length && text[i] == '"')
                {
                    if (!ReadQuoted(text, ref i, out var value))
                    {
                        error = $"the value of \"{key}\" has no closing quote";
                        return false;
                    }
                    writer.WriteStringValue(value);
                    continue;
                }
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
                WriteBare(writer, text[start..i]);
            }
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        data = document.RootElement.Clone();
        return true;
    }

    private static bool ReadQuoted(ReadOnlySpan<char> text, ref int i, out string value)
    {
        var result = new StringBuilder();
        i++; // the opening quote
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '"')
            {
                value = result.ToString();
                return true;
            }
            if (c == '\\' && i < text.Length && text[i] is '"' or '\\') c = text[i++];
            result.Append(c);
        }
        value = "";
        return false;
    }

    private static void WriteBare(Utf8JsonWriter writer, ReadOnlySpan<char> word)
    {
        switch (word)
        {
            case "true": writer.WriteBooleanValue(true); return;
            case "false": writer.WriteBooleanValue(false); return;
            case "null": writer.WriteNullValue(); return;
        }
        if (long.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            writer.WriteNumberValue(integer);
        else if (double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            writer.WriteNumberValue(number);
        else
            writer.WriteStringValue(word);
    }

    private static string Cut(ReadOnlySpan<char> text) => text.Length <= 20 ? text.ToString() : text[..19].ToString() + "…";
}
