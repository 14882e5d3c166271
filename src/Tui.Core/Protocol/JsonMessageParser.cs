using System.Text.Json;

namespace Tui.Core.Protocol;

/// <summary>
/// Parses one line of the socket protocol (newline-delimited JSON):
/// <code>
/// {"type":"heartbeat"}
/// {"type":"status","text":"compiling 3/10"}
/// {"type":"event","name":"progress","data":{"percent":42}}
/// </code>
/// Anything else (not JSON, too deep, not an object, an unknown type, a missing field) is an error, never an exception.
/// </summary>
public static class JsonMessageParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = ProtocolLimits.MaxJsonDepth };

    public static ParseResult Parse(ReadOnlyMemory<byte> line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, Options);
        }
        catch (JsonException e)
        {
            return ParseResult.Bad($"not JSON: {e.Message}");
        }
        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static ParseResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return ParseResult.Bad("a message must be a JSON object");
        if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            return ParseResult.Bad("a message needs \"type\": \"heartbeat\", \"status\" or \"event\"");
        switch (type.GetString())
        {
            case "heartbeat":
                return ParseResult.Ok(ChildMessage.Heartbeat.Instance);
            case "status":
                if (!root.TryGetProperty("text", out var text)) return ParseResult.Ok(new ChildMessage.Status(null));
                return text.ValueKind switch
                {
                    JsonValueKind.String => ParseResult.Ok(new ChildMessage.Status(MessageText.CleanStatus(text.GetString()))),
                    JsonValueKind.Null => ParseResult.Ok(new ChildMessage.Status(null)),
                    _ => ParseResult.Bad("status \"text\" must be a string"),
                };
            case "event":
                if (!root.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
                    || !MessageText.EventName().IsMatch(name.GetString()!))
                    return ParseResult.Bad("an event needs \"name\": a word of letters, digits, \"_\", \"-\" and \".\"");
                if (!root.TryGetProperty("data", out var data)) return ParseResult.Ok(new ChildMessage.Event(name.GetString()!, EmptyObject));
                if (data.ValueKind != JsonValueKind.Object) return ParseResult.Bad("an event's \"data\" must be a JSON object");
                return ParseResult.Ok(new ChildMessage.Event(name.GetString()!, data.Clone()));
            default:
                return ParseResult.Bad($"unknown message type \"{type.GetString()}\" (expected heartbeat, status or event)");
        }
    }

    internal static JsonElement EmptyObject { get; } = JsonDocument.Parse("{}").RootElement.Clone();
}
