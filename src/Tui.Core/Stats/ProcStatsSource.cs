using System.Buffers.Text;
using Tui.Core.Stats.Native;

namespace Tui.Core.Stats;

/// <summary>
/// Process-tree figures from Linux /proc. For each member of a tree it reads /proc/&lt;pid&gt;/stat (CPU times, threads,
/// RSS, start time: one small file gives all of them) and counts its open fds. Members are found through the children
/// files of each thread where the kernel has them (cost grows with the sampled trees only), otherwise with one scan of
/// all of /proc per round shared by all roots.
/// Thread-safe (rounds are serialised); cheap enough to sample a hundred trees every second.
/// </summary>
public sealed class ProcStatsSource : IStatsSource
{
    /// <summary>/proc/uptime is two decimal numbers; 64 bytes is plenty.</summary>
    private const int UptimeBufferBytes = 64;

    private readonly Lock _gate = new();
    private readonly IProcessTreeFinder _finder;
    private readonly byte[] _uptimeBuffer = new byte[UptimeBufferBytes];
    private readonly long _pageSize = Environment.SystemPageSize;

    public ProcStatsSource() : this(ChildrenFileWalker.IsSupported) { }

    /// <summary>Chooses how members are found; tests and benchmarks exercise both.</summary>
    internal ProcStatsSource(bool useChildrenFiles) =>
        _finder = useChildrenFiles ? new ChildrenFileWalker() : new ProcessTable();

    public int ClockTicksPerSecond { get; } = ProcFs.ClockTicksPerSecond();

    public ProcessTreeSample? Sample(int rootPid)
    {
        Span<ProcessTreeSample?> result = [null];
        SampleRound([rootPid], result);
        return result[0];
    }

    public void SampleRound(ReadOnlySpan<int> rootPids, Span<ProcessTreeSample?> results)
    {
        if (results.Length < rootPids.Length) throw new ArgumentException("one result per root is needed", nameof(results));
        lock (_gate)
        {
            _finder.BeginRound();
            var uptimeSeconds = ReadUptimeSeconds();
            for (var i = 0; i < rootPids.Length; i++) results[i] = SampleTree(rootPids[i], uptimeSeconds);
        }
    }

    private ProcessTreeSample? SampleTree(int rootPid, double uptimeSeconds)
    {
        var totals = new TreeTotals();
        if (!_finder.VisitTree(rootPid, ref totals)) return null;
        var startTicks = totals.RootStartTicks;
        var rootUptime = Math.Max(0, uptimeSeconds - (double)startTicks / ClockTicksPerSecond);
        return new ProcessTreeSample(
            CpuTicks: totals.CpuTicks,
            RssBytes: totals.RssPages * _pageSize,
            Threads: totals.Threads,
            OpenFds: totals.OpenFds,
            ProcessCount: totals.Processes,
            RootStartTicks: startTicks,
            RootUptime: TimeSpan.FromSeconds(rootUptime));
    }

    /// <summary>Seconds since boot, from /proc/uptime ("12345.67 23456.78").</summary>
    private double ReadUptimeSeconds()
    {
        var length = ProcFs.ReadFile("/proc/uptime\0"u8, _uptimeBuffer);
        if (length <= 0) return 0;
        return Utf8Parser.TryParse(_uptimeBuffer.AsSpan(0, length), out double seconds, out _) ? seconds : 0;
    }

    /// <summary>Sums a tree's members. A zombie member still counts its CPU time (its parent has not reaped it yet) but has no fds.</summary>
    private struct TreeTotals : ITreeVisitor
    {
        public long CpuTicks;
        public long RssPages;
        public int Threads;
        public int OpenFds;
        public int Processes;
        public long RootStartTicks;

        public void Visit(in ProcStatFields process)
        {
            if (Processes == 0) RootStartTicks = process.StartTicks; // the root comes first
            CpuTicks += process.CpuTicks;
            RssPages += process.RssPages;
            Threads += process.Threads;
            Processes++;
            if (!process.IsDead) OpenFds += ProcFs.CountFds(process.Pid);
        }
    }
}
