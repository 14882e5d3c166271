using System.Collections.Immutable;

namespace Tui.Core.Config;

/// <summary>The JSON type a field of a child's event must have.</summary>
public enum EventFieldType { Number, Integer, String, Boolean, Object, Array, Any }

/// <summary>One field of an event's data: its name, its type, and whether it may be left out ("string?").</summary>
public sealed record EventField(string Name, EventFieldType Type, bool Optional);

/// <summary>
/// An event a child may send (<c>[processes.NAME.events.E]</c>): its data is a JSON object with exactly these fields.
/// An event that does not match its schema (or that is not declared) is reported and not applied.
/// </summary>
public sealed record EventSchema(string Name, ImmutableArray<EventField> Fields)
{
    /// <summary>The event that drives the progress shown on screen; every process may send it without declaring it.</summary>
    public const string ProgressEvent = "progress";

    /// <summary>The field of <see cref="ProgressEvent"/> that holds the percentage (0 to 100).</summary>
    public const string PercentField = "percent";

    /// <summary>progress with a percent, and an optional message: what a process gets when it declares no progress event.</summary>
    public static EventSchema DefaultProgress { get; } = new(ProgressEvent,
        [new EventField(PercentField, EventFieldType.Number, false), new EventField("message", EventFieldType.String, true)]);
}
