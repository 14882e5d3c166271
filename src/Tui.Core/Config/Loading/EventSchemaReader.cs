using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Tui.Toml;

namespace Tui.Core.Config.Loading;

/// <summary>Reads <c>[processes.NAME.events.E]</c> tables: field = "type" (or "type?" for an optional field).</summary>
internal static partial class EventSchemaReader
{
    /// <summary>Event names appear in stdout markers (<c>::tui NAME k=v</c>), so they are single words.</summary>
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]*$")]
    private static partial Regex ValidName();

    /// <summary>Marker words that are messages of their own, not events.</summary>
    public static readonly string[] ReservedNames = ["heartbeat", "status", "event"];

    private static readonly (string, EventFieldType)[] Types =
    [
        ("number", EventFieldType.Number), ("integer", EventFieldType.Integer), ("string", EventFieldType.String),
        ("boolean", EventFieldType.Boolean), ("object", EventFieldType.Object), ("array", EventFieldType.Array),
        ("any", EventFieldType.Any),
    ];

    public static ImmutableDictionary<string, EventSchema> Read(TableReader process)
    {
        var schemas = ImmutableDictionary.CreateBuilder<string, EventSchema>(StringComparer.Ordinal);
        if (process.Table("events") is not { } events) return schemas.ToImmutable();
        foreach (var (name, node) in events)
        {
            var at = events.KeyPosition(name);
            if (!ValidName().IsMatch(name))
            {
                process.Error(at, $"event name \"{name}\" must be a word of letters, digits, \"_\", \"-\" and \".\"");
                continue;
            }
            if (ReservedNames.Contains(name))
            {
                process.Error(at, $"\"{name}\" is a message of its own, not an event name; choose another name");
                continue;
            }
            if (node is not TomlTable table)
            {
                process.Error(node.Position, $"events.{name} must be a table of field = \"type\", not {TableReader.Describe(node)}");
                continue;
            }
            if (ReadSchema(name, table, process) is { } schema) schemas[name] = schema;
        }
        return schemas.ToImmutable();
    }

    private static EventSchema? ReadSchema(string name, TomlTable table, TableReader process)
    {
        var fields = ImmutableArray.CreateBuilder<EventField>();
        var ok = true;
        foreach (var (field, node) in table)
        {
            var text = node is TomlString s ? s.Value : null;
            var optional = text?.EndsWith('?') == true;
            var typeName = optional ? text![..^1] : text;
            var type = Types.FirstOrDefault(t => t.Item1 == typeName);
            if (typeName is null || type.Item1 is null)
            {
                var list = string.Join(", ", Types.Select(t => $"\"{t.Item1}\""));
                process.Error(node.Position, $"events.{name}.{field} must be one of {list} (with \"?\" when optional), not {TableReader.Describe(node)}");
                ok = false;
                continue;
            }
            fields.Add(new EventField(field, type.Item2, optional));
        }
        if (name == EventSchema.ProgressEvent
            && !fields.Any(f => f is { Name: EventSchema.PercentField, Type: EventFieldType.Number, Optional: false }))
        {
            process.Error(table.Position, $"events.{name} drives the progress shown on screen, so it needs {EventSchema.PercentField} = \"number\"");
            ok = false;
        }
        return ok ? new EventSchema(name, fields.ToImmutable()) : null;
    }
}
