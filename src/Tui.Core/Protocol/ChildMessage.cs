using System.Text.Json;

namespace Tui.Core.Protocol;

/// <summary>
/// One thing a child told Tui, whichever way it came: a JSON line on its socket, a <c>::tui</c> line on its stdout, or an
/// sd_notify datagram.
/// </summary>
public abstract record ChildMessage
{
    /// <summary>The child is alive (a heartbeat, or sd_notify's WATCHDOG=1).</summary>
    public sealed record Heartbeat : ChildMessage
    {
        public static Heartbeat Instance { get; } = new();
    }

    /// <summary>A one-line status to show beside the process; null or empty clears it.</summary>
    public sealed record Status(string? Text) : ChildMessage;

    /// <summary>A named event with a JSON object of data (detached: safe to keep).</summary>
    public sealed record Event(string Name, JsonElement Data) : ChildMessage;

    /// <summary>sd_notify READY=1: start-up is complete.</summary>
    public sealed record Ready : ChildMessage
    {
        public static Ready Instance { get; } = new();
    }

    /// <summary>sd_notify STOPPING=1: the child is shutting down on its own.</summary>
    public sealed record Stopping : ChildMessage
    {
        public static Stopping Instance { get; } = new();
    }
}
