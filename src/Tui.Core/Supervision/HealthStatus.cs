namespace Tui.Core.Supervision;

/// <summary>What Tui's checks think of a live process (only for processes that have a check, a watchdog or sd_notify).</summary>
public enum HealthStatus
{
    /// <summary>No verdict yet: the readiness check has not passed (or READY=1 has not come).</summary>
    Starting,
    /// <summary>Every check passes.</summary>
    Healthy,
    /// <summary>A check that passed is failing, fewer times in a row than its retries.</summary>
    Failing,
    /// <summary>No heartbeat for longer than heartbeat_timeout.</summary>
    Stale,
    /// <summary>A check failed its retries in a row, or no heartbeat for twice heartbeat_timeout.</summary>
    Unhealthy,
}
