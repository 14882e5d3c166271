namespace Tui.Storage.Orphans;

/// <summary>One process across time: its pid and its start time (a later process that reuses the pid starts later).</summary>
public readonly record struct ProcessIdentity(int Pid, long StartTicks)
{
    /// <summary>This process (the running Tui).</summary>
    public static ProcessIdentity Current() =>
        Of(Environment.ProcessId) ?? throw new InvalidOperationException("cannot read /proc/self/stat");

    /// <summary>The identity of a live process, or null when there is none with that pid.</summary>
    public static ProcessIdentity? Of(int pid) => ProcStatFile.TryReadStartTicks(pid) is { } start ? new(pid, start) : null;

    /// <summary>This very process still runs: the pid exists, is not a zombie, and started when it did.</summary>
    public bool IsAlive => ProcStatFile.TryRead(Pid) is { IsLive: true } stat && stat.StartTicks == StartTicks;
}
