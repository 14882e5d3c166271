using System.Collections.Immutable;
using System.Text.Json;
using Tui.Core.Config;

namespace Tui.Core.Protocol;

/// <summary>
/// Checks a child's event against the schemas of its config: the name must be declared (progress always is), the data
/// must have every required field with its type, and no field the schema does not name.
/// </summary>
public static class EventValidator
{
    /// <returns>Null when the event is valid; otherwise what is wrong, for a person.</returns>
    public static string? Validate(string name, JsonElement data, ImmutableDictionary<string, EventSchema> schemas)
    {
        var schema = schemas.GetValueOrDefault(name) ?? (name == EventSchema.ProgressEvent ? EventSchema.DefaultProgress : null);
        if (schema is null)
        {
            var declared = schemas.Keys.Append(EventSchema.ProgressEvent).Distinct().Order(StringComparer.Ordinal);
            return $"event \"{name}\" is not declared (declared: {string.Join(", ", declared)})";
        }
        if (data.ValueKind != JsonValueKind.Object) return $"event \"{name}\" needs an object of data";

        foreach (var property in data.EnumerateObject())
        {
            var field = schema.Fields.FirstOrDefault(f => f.Name == property.Name);
            if (field is null) return $"event \"{name}\" has no field \"{property.Name}\"";
            if (property.Value.ValueKind == JsonValueKind.Null && field.Optional) continue;
            if (!Matches(field.Type, property.Value))
                return $"event \"{name}\": {property.Name} must be {Describe(field.Type)}, not {Describe(property.Value)}";
        }
        foreach (var field in schema.Fields.Where(f => !f.Optional))
        {
            if (!data.TryGetProperty(field.Name, out _)) return $"event \"{name}\" is missing {field.Name} ({Describe(field.Type)})";
        }
        if (name == EventSchema.ProgressEvent)
        {
            var valid = data.GetProperty(EventSchema.PercentField).TryGetDouble(out var percent) && double.IsFinite(percent);
            if (!valid || percent is < 0 or > 100) return $"event \"{name}\": percent must be between 0 and 100, not {percent}";
        }
        return null;
    }

    private static bool Matches(EventFieldType type, JsonElement value) => type switch
    {
        EventFieldType.Number => value.ValueKind == JsonValueKind.Number,
        EventFieldType.Integer => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        EventFieldType.String => value.ValueKind == JsonValueKind.String,
        EventFieldType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        EventFieldType.Object => value.ValueKind == JsonValueKind.Object,
        EventFieldType.Array => value.ValueKind == JsonValueKind.Array,
        _ => true,
    };

    private static string Describe(EventFieldType type) => type switch
    {
        EventFieldType.Integer => "an integer",
        EventFieldType.Array => "an array",
        EventFieldType.Object => "an object",
        EventFieldType.Any => "anything",
        _ => "a " + type.ToString().ToLowerInvariant(),
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "an integer" : "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "null",
    };
}
