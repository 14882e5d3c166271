using System.Globalization;

namespace Tui.Storage.Orphans;

/// <summary>The fields of /proc/&lt;pid&gt;/stat that identify a process across time.</summary>
/// <param name="State">R, S, D, T, Z (zombie: exited, not yet reaped), X...</param>
/// <param name="ProcessGroup">Field 5, pgrp.</param>
/// <param name="Session">Field 6.</param>
/// <param name="StartTicks">Field 22: when it started, in clock ticks since boot. With the pid it names one process: a reused pid gets a later start time.</param>
public readonly record struct ProcStatFields(int Pid, char State, int ProcessGroup, int Session, long StartTicks)
{
    /// <summary>Still running (or stopped): not a zombie waiting to be reaped, not dead.</summary>
    public bool IsLive => State is not ('Z' or 'X' or 'x');
}

/// <summary>
/// Reads /proc/&lt;pid&gt;/stat with the start time, which orphan recovery needs to tell a process from a later one
/// that reuses its pid (Tui.Core's ProcStat reads the other fields the process layer needs).
/// </summary>
public static class ProcStatFile
{
    // 1-based field numbers from proc(5); the fields after the command name start at field 3.
    private const int FirstFieldAfterName = 3, StateField = 3, ProcessGroupField = 5, SessionField = 6, StartTimeField = 22;

    /// <summary>The process's identity fields, or null when there is no such process (or it vanished while we read).</summary>
    public static ProcStatFields? TryRead(int pid)
    {
        if (pid <= 0) return null;
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        return Parse(pid, text);
    }

    /// <summary>The start time (field 22) of a live process, or null.</summary>
    public static long? TryReadStartTicks(int pid) => TryRead(pid) is { IsLive: true } info ? info.StartTicks : null;

    /// <summary>Parses a stat line. The command name is in parentheses and may itself hold spaces and ')', so fields are counted after the last ')'.</summary>
    public static ProcStatFields? Parse(int pid, string text)
    {
        var close = text.LastIndexOf(')');
        if (close < 0) return null;
        var fields = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string Field(int number) => fields[number - FirstFieldAfterName];
        if (fields.Length <= StartTimeField - FirstFieldAfterName || Field(StateField).Length != 1) return null;
        if (!int.TryParse(Field(ProcessGroupField), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pgrp)
            || !int.TryParse(Field(SessionField), NumberStyles.Integer, CultureInfo.InvariantCulture, out var session)
            || !long.TryParse(Field(StartTimeField), NumberStyles.Integer, CultureInfo.InvariantCulture, out var start))
            return null;
        return new ProcStatFields(pid, Field(StateField)[0], pgrp, session, start);
    }
}
