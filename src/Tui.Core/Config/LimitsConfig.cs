namespace Tui.Core.Config;

/// <summary>What Tui does when a process exceeds one of its limits.</summary>
public enum LimitAction
{
    /// <summary>Stop the process group and let the restart policy bring it back (as after a crash).</summary>
    Restart,
    /// <summary>Stop the process for good (as a user stop would).</summary>
    Stop,
    /// <summary>Only tell: a notice on the event stream and a line in the process's log.</summary>
    Warn,
}

/// <summary>
/// Resource limits of one process, measured on its whole process tree. Memory and CPU are averaged over
/// <paramref name="Window"/> of stats samples, so a short spike does not count; the runtime is measured from the
/// run's start.
/// </summary>
/// <param name="MaxCpuPercent">100 = one core busy.</param>
public sealed record LimitsConfig(
    long? MaxMemoryBytes,
    double? MaxCpuPercent,
    TimeSpan? MaxRuntime,
    LimitAction OnMemory,
    LimitAction OnCpu,
    LimitAction OnRuntime,
    TimeSpan Window)
{
    /// <summary>Three samples at the default one-second stats interval: long enough to ignore a spike, short enough to act quickly.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(3);

    /// <summary>A process over its memory is likely leaking: a fresh run is the usual cure.</summary>
    public const LimitAction DefaultOnMemory = LimitAction.Restart;

    /// <summary>A process spinning a core is usually stuck in a loop: a fresh run is the usual cure.</summary>
    public const LimitAction DefaultOnCpu = LimitAction.Restart;

    /// <summary>A run that took too long would only take as long again if restarted.</summary>
    public const LimitAction DefaultOnRuntime = LimitAction.Stop;
}
