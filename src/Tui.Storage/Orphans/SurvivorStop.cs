namespace Tui.Storage.Orphans;

/// <summary>What stopping one survivor came to.</summary>
public enum StopOutcome
{
    /// <summary>Its group ended after SIGTERM.</summary>
    Terminated,
    /// <summary>It outlived the timeout and its group was SIGKILLed.</summary>
    Killed,
    /// <summary>Even SIGKILL did not end its group in time (uninterruptible sleep, say).</summary>
    StillAlive,
    /// <summary>Before it could be signalled it exited, or its pid went to another process: nothing was sent.</summary>
    Vanished,
}

public sealed record SurvivorStop(LiveChild Child, StopOutcome Outcome);
