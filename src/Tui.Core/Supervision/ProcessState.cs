namespace Tui.Core.Supervision;

/// <summary>The states a user sees. Transitions between them are a table (see the supervisor), not scattered flags.</summary>
public enum ProcessState
{
    /// <summary>Known, not started (autostart = false, or before the first start).</summary>
    Pending,
    /// <summary>Waiting for its dependencies' conditions.</summary>
    Waiting,
    /// <summary>A job whose start waits for the pool: a free slot (max_concurrent_jobs), enough memory, a low enough load.</summary>
    Queued,
    /// <summary>Spawned, not yet known to be running (or its readiness probe has not passed yet).</summary>
    Starting,
    /// <summary>Alive.</summary>
    Running,
    /// <summary>Alive and its readiness check passed (or it has none and counts as ready once running).</summary>
    Ready,
    /// <summary>SIGSTOPped by the user.</summary>
    Paused,
    /// <summary>Stop signal sent, waiting for the group to exit (SIGKILL after stop_timeout).</summary>
    Stopping,
    /// <summary>Stopped by the user, a reload or shutdown.</summary>
    Stopped,
    /// <summary>A job that exited 0, or a service that exited 0 under restart = "no" / "on-failure".</summary>
    Completed,
    /// <summary>A job that exited non-zero (final: jobs do not crash, they fail).</summary>
    Errored,
    /// <summary>Waiting out the backoff delay before a restart.</summary>
    Backoff,
    /// <summary>Gave up: could not start, max_restarts exceeded, or a dependency failed.</summary>
    Failed,
    /// <summary>disabled = true in the config.</summary>
    Disabled,
}

public static class ProcessStateExtensions
{
    /// <summary>A child process exists in these states.</summary>
    public static bool IsAlive(this ProcessState state) =>
        state is ProcessState.Starting or ProcessState.Running or ProcessState.Ready or ProcessState.Paused or ProcessState.Stopping;

    /// <summary>No child, but a start is on its way (dependencies, the pool's queue, a backoff delay): a stop just cancels it.</summary>
    public static bool IsAboutToStart(this ProcessState state) =>
        state is ProcessState.Waiting or ProcessState.Queued or ProcessState.Backoff;

    /// <summary>Down, and nothing will start it again unless asked (a restart waiting out its backoff is not down for good).</summary>
    public static bool IsDownForGood(this ProcessState state) =>
        state is ProcessState.Stopped or ProcessState.Completed or ProcessState.Errored or ProcessState.Failed or ProcessState.Disabled;
}
