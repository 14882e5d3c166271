namespace Tui.Core.Stats;

/// <summary>One sample of a process tree (the child and all its descendants), from /proc.</summary>
/// <param name="CpuPercent">Over the interval since the previous sample; 100 = one core.</param>
/// <param name="ProcessCount">How many processes the tree has.</param>
public sealed record ProcessStats(
    string Process,
    DateTimeOffset At,
    double CpuPercent,
    long RssBytes,
    int Threads,
    int OpenFds,
    int ProcessCount,
    TimeSpan Uptime);
