namespace Tui.Core.Supervision;

/// <summary>
/// What can happen to a process. A trigger only names the event; where it leads from each state is decided by
/// <see cref="TransitionTable"/>, and a trigger that has no entry for the current state is refused.
/// </summary>
public enum Trigger
{
    /// <summary>A start was asked for, but a dependency's condition does not hold yet.</summary>
    AwaitDependencies,
    /// <summary>A dependency failed, errored or is disabled, so this process can never start.</summary>
    DependencyFailed,
    /// <summary>A job may start (its dependencies hold) but the pool has no room for it yet.</summary>
    Enqueue,
    /// <summary>A child was spawned.</summary>
    Spawned,
    /// <summary>The launcher could not start the command (not found, not executable, bad cwd).</summary>
    LaunchFailed,
    /// <summary>The spawned child is known to be alive.</summary>
    Alive,
    /// <summary>The readiness step passed (immediately for a process without checks).</summary>
    ReadinessPassed,
    /// <summary>A readiness check that had passed fails again (health issue).</summary>
    ReadinessLost,
    /// <summary>The user paused the process group (SIGSTOP).</summary>
    Pause,
    /// <summary>The user resumed the process group (SIGCONT).</summary>
    Resume,
    /// <summary>A stop was asked for (user, reload, shutdown); alive processes get their stop signal.</summary>
    StopRequested,
    /// <summary>The child exited after a stop was asked for: never a reason to restart.</summary>
    ExitAfterStop,
    /// <summary>The child exited and the restart policy schedules a restart.</summary>
    ExitRestart,
    /// <summary>The child exited 0 and the policy does not restart it.</summary>
    ExitCompleted,
    /// <summary>A job exited non-zero and its policy does not restart it.</summary>
    ExitErrored,
    /// <summary>The child exited and the policy gives up (restart = "no" for a crashed service, or max_restarts hit).</summary>
    ExitFailed,
    /// <summary>A reload set disabled = true.</summary>
    Disable,
    /// <summary>A reload set disabled = false.</summary>
    Enable,
}
