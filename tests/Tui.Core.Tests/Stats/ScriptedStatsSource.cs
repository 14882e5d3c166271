using Tui.Core.Stats;

namespace Tui.Core.Tests.Stats;

/// <summary>A stats source whose trees are whatever the test says they are right now; it records each round.</summary>
internal sealed class ScriptedStatsSource(int clockTicksPerSecond = 100) : IStatsSource
{
    private readonly Dictionary<int, ProcessTreeSample> _trees = [];

    public int ClockTicksPerSecond { get; } = clockTicksPerSecond;

    /// <summary>The pids asked for, one entry per round.</summary>
    public List<int[]> Rounds { get; } = [];

    public void Set(int pid, long cpuTicks, TimeSpan? uptime = null, long startTicks = 1_000, long rss = 4096, int threads = 1,
        int fds = 3, int processes = 1) =>
        _trees[pid] = new ProcessTreeSample(cpuTicks, rss, threads, fds, processes, startTicks, uptime ?? TimeSpan.FromSeconds(10));

    public void Remove(int pid) => _trees.Remove(pid);

    public ProcessTreeSample? Sample(int rootPid) => _trees.TryGetValue(rootPid, out var sample) ? sample : null;

    public void SampleRound(ReadOnlySpan<int> rootPids, Span<ProcessTreeSample?> results)
    {
        Rounds.Add(rootPids.ToArray());
        for (var i = 0; i < rootPids.Length; i++) results[i] = Sample(rootPids[i]);
    }
}
