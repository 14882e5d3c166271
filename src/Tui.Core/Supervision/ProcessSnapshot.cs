using Tui.Core.Config;
using Tui.Core.Processes;

namespace Tui.Core.Supervision;

/// <summary>An immutable picture of one process at one moment: what the screen, the CLI and history read.</summary>
/// <param name="Reason">Why it is in this state ("exit 3", "signal SIGKILL", "user stop", "command not found: foo").</param>
/// <param name="Restarts">Restarts since Tui started (not reset by backoff reset).</param>
/// <param name="NextRestartAt">In backoff: when the restart is due.</param>
/// <param name="Health">Health text from probes (health issue); null when the process has no checks.</param>
/// <param name="Progress">0..1 when a job reports progress; null otherwise.</param>
/// <param name="StatusText">A one-line status the child reported; null when none.</param>
public sealed record ProcessSnapshot(
    ProcessConfig Config,
    ProcessState State,
    int? Pid,
    DateTimeOffset? StartedAt,
    DateTimeOffset StateSince,
    int Restarts,
    ExitStatus? LastExit,
    string? Reason,
    DateTimeOffset? NextRestartAt,
    string? Health = null,
    double? Progress = null,
    string? StatusText = null)
{
    /// <summary>A scheduled job: when its next run is due; null otherwise.</summary>
    public DateTimeOffset? NextRunAt { get; init; }

    /// <summary>A job waiting for the pool: its place in the queue (1 = next); null when not queued.</summary>
    public int? QueuePosition { get; init; }

    public string Name => Config.Name;
    public string? Group => Config.Group;
}
