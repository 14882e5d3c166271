namespace Tui.Jobs;

/// <summary>One process at one moment. Immutable: ask <see cref="ProcessManager.GetStatus"/> again for news.</summary>
/// <param name="Id">The process's name.</param>
/// <param name="State">Where it is in its life.</param>
/// <param name="Pid">The live child's pid; null when none runs.</param>
/// <param name="StartedAt">When the current (or last) run started; null before the first.</param>
/// <param name="Runtime">How long the current run has been going, or the last one went; null before the first.</param>
/// <param name="ExitCode">The last run's exit code; null while the first runs or when a signal ended it.</param>
/// <param name="Signal">The signal that ended the last run ("SIGKILL"); null otherwise.</param>
/// <param name="Restarts">Restarts so far.</param>
/// <param name="MemoryMb">The process tree's resident memory in MB at the last sample; null when none runs.</param>
/// <param name="CpuPercent">Its CPU use over the last sample's interval (100 = one core); null when none runs.</param>
/// <param name="Progress">The last progress the child reported, 0 to 1; null when none.</param>
/// <param name="Reason">Why it is in this state ("exit 3", "user stop: signal SIGTERM", "command not found: foo").</param>
public sealed record JobStatus(
    string Id,
    JobState State,
    int? Pid,
    DateTimeOffset? StartedAt,
    TimeSpan? Runtime,
    int? ExitCode,
    string? Signal,
    int Restarts,
    double? MemoryMb,
    double? CpuPercent,
    double? Progress,
    string? Reason)
{
    /// <summary>Whether it is in a state it leaves only when told (stopped, completed, errored, failed, disabled).</summary>
    public bool IsFinal => State is JobState.Stopped or JobState.Completed or JobState.Errored or JobState.Failed or JobState.Disabled;

    /// <summary>A scheduled job: when its next run is due; null otherwise.</summary>
    public DateTimeOffset? NextRunAt { get; init; }

    /// <summary>A job waiting for the pool: its place in the queue (1 = next); null when not queued.</summary>
    public int? QueuePosition { get; init; }
}
