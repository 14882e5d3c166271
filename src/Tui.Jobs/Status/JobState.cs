namespace Tui.Jobs;

/// <summary>Where a process is in its life, as <c>tui ps</c> shows it.</summary>
public enum JobState
{
    /// <summary>Known, not started yet.</summary>
    Pending,
    /// <summary>Waiting for its dependencies.</summary>
    Waiting,
    /// <summary>Waiting for a place in the concurrency pool.</summary>
    Queued,
    /// <summary>Spawned; its readiness check has not passed yet.</summary>
    Starting,
    /// <summary>Alive.</summary>
    Running,
    /// <summary>Alive, and its readiness check passed (or it has none).</summary>
    Ready,
    /// <summary>Suspended (SIGSTOP).</summary>
    Paused,
    /// <summary>Told to stop; it is given its grace period before SIGKILL.</summary>
    Stopping,
    /// <summary>Stopped on request; final until started again.</summary>
    Stopped,
    /// <summary>Ended with exit code 0; final.</summary>
    Completed,
    /// <summary>A job that ended with a non-zero exit or a signal; final.</summary>
    Errored,
    /// <summary>Waiting out its restart delay.</summary>
    Restarting,
    /// <summary>Gave up: could not start, or exceeded its restarts; final.</summary>
    Failed,
    /// <summary>Disabled in the configuration file.</summary>
    Disabled,
}
