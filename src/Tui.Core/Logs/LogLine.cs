namespace Tui.Core.Logs;

public enum LogStream : byte { Stdout, Stderr, /// <summary>Lines Tui itself writes into a process's log (started, exited, restarting).</summary>
    System }

/// <summary>
/// One line of a child's output. <paramref name="Text"/> keeps the child's ANSI sequences as written
/// (the screen sanitises them); it never contains the newline.
/// </summary>
/// <param name="Sequence">Per-process, strictly increasing; lets a reader of the ring know what it missed.</param>
/// <param name="Partial">True for a line flushed without its newline (a prompt), or cut at the length bound.</param>
public sealed record LogLine(long Sequence, string Process, DateTimeOffset Timestamp, LogStream Stream, string Text, bool Partial = false);
