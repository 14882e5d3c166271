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
            if (NameProblem(name) is { } problem)
            {
                process.Error(at, problem);
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
            if (Field(field, node is TomlString s ? s.Value : null) is not { } parsed)
            {
                process.Error(node.Position, $"events.{name}.{field} must be one of {TypeList} (with \"?\" when optional), not {TableReader.Describe(node)}");
                ok = false;
                continue;
            }
            fields.Add(parsed);
        }
        if (ProgressProblem(name, fields) is { } progress)
        {
            process.Error(table.Position, progress);
            ok = false;
        }
        return ok ? new EventSchema(name, fields.ToImmutable()) : null;
    }

    /// <summary>The type words a field may have, for messages.</summary>
    public static string TypeList => string.Join(", ", Types.Select(t => $"\"{t.Item1}\""));

    /// <summary>A field from its type text ("number", "string?"); null when the text names no type.</summary>
    public static EventField? Field(string field, string? text)
    {
        var optional = text?.EndsWith('?') == true;
        var typeName = optional ? text![..^1] : text;
        var type = Types.FirstOrDefault(t => t.Item1 == typeName);
        return typeName is null || type.Item1 is null ? null : new EventField(field, type.Item2, optional);
    }

    /// <summary>Why <paramref name="name"/> cannot name an event, or null when it can.</summary>
    public static string? NameProblem(string name) =>
        !ValidName().IsMatch(name) ? $"event name \"{name}\" must be a word of letters, digits, \"_\", \"-\" and \".\""
        : ReservedNames.Contains(name) ? $"\"{name}\" is a message of its own, not an event name; choose another name"
        : null;

    /// <summary>A declared progress event must keep the percent the screen shows; null when the fields do.</summary>
    public static string? ProgressProblem(string name, IEnumerable<EventField> fields) =>
        name == EventSchema.ProgressEvent
        && !fields.Any(f => f is { Name: EventSchema.PercentField, Type: EventFieldType.Number, Optional: false })
            ? $"events.{name} drives the progress shown on screen, so it needs {EventSchema.PercentField} = \"number\""
            : null;
}
