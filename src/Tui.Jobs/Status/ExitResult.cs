namespace Tui.Jobs;

/// <summary>How a process ended for good: what <see cref="ProcessManager.WaitAsync"/> and <see cref="ProcessManager.StopAsync"/> return.</summary>
/// <param name="Id">The process's name.</param>
/// <param name="State">The final state: completed, errored, failed or stopped.</param>
/// <param name="ExitCode">The last run's exit code; null when a signal ended it or it never ran.</param>
/// <param name="Signal">The signal that ended the last run ("SIGKILL"); null otherwise.</param>
/// <param name="Runtime">How long the last run went; zero when it never ran.</param>
/// <param name="Restarts">Restarts before it ended.</param>
/// <param name="Reason">Why it ended ("exit 3", "user stop: signal SIGTERM", "exit 1; gave up after 3 restarts").</param>
public sealed record ExitResult(string Id, JobState State, int? ExitCode, string? Signal, TimeSpan Runtime, int Restarts, string? Reason)
{
    /// <summary>Whether it completed with exit code 0.</summary>
    public bool Succeeded => State == JobState.Completed && ExitCode == 0;

    /// <inheritdoc />
    public override string ToString() => $"{Id} {State.ToString().ToLowerInvariant()}: {Reason}";
}
