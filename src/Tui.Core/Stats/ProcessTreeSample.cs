namespace Tui.Core.Stats;

/// <summary>One reading of a process tree (a root and all its live descendants) at one moment.</summary>
/// <param name="CpuTicks">
/// CPU time of the tree in clock ticks (<see cref="IStatsSource.ClockTicksPerSecond"/>): user and system time of every
/// member, plus the time of children the members have already reaped (cutime, cstime), so that the total does not drop
/// when a short-lived child (a compiler run by make) exits. Only differences between two samples mean anything.
/// </param>
/// <param name="RssBytes">Resident memory of all members.</param>
/// <param name="Threads">Threads of all members.</param>
/// <param name="OpenFds">Open file descriptors of all members.</param>
/// <param name="ProcessCount">Members, the root included.</param>
/// <param name="RootStartTicks">When the root started, in clock ticks since boot: a pid reused by another process has another value.</param>
/// <param name="RootUptime">How long the root has been running.</param>
public readonly record struct ProcessTreeSample(
    long CpuTicks,
    long RssBytes,
    int Threads,
    int OpenFds,
    int ProcessCount,
    long RootStartTicks,
    TimeSpan RootUptime);
