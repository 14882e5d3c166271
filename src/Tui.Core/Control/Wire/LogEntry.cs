using Tui.Core.Logs;

namespace Tui.Core.Control.Wire;

/// <summary>A log line on the wire: <c>{"seq":12,"process":"api","at":"...","stream":"stdout","text":"GET / 200"}</c>.</summary>
public sealed record LogEntry(long Seq, string Process, DateTimeOffset At, string Stream, string Text, bool Partial)
{
    public static LogEntry From(LogLine line) =>
        new(line.Sequence, line.Process, line.Timestamp, line.Stream.ToString().ToLowerInvariant(), line.Text, line.Partial);

    public LogLine ToLine() => new(Seq, Process, At,
        Enum.TryParse<LogStream>(Stream, ignoreCase: true, out var stream) ? stream : LogStream.System, Text, Partial);
}
