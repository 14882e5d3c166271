using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;

namespace Tui.Core.Stats;

/// <summary>
/// Samples every tracked process tree once per interval (one round for all of them, on the injected scheduler),
/// turns CPU-tick deltas into CPU %, emits a <see cref="ProcessStats"/> per live tree on <see cref="Samples"/> and keeps
/// the last <see cref="HistoryCapacity"/> of them per process for sparklines.
/// </summary>
/// <remarks>
/// Samples are emitted on the scheduler's thread, after the round, outside any lock. A tracked pid that is gone yields
/// nothing (the supervisor untracks it when it sees the exit). History survives <see cref="Untrack"/>, so a stopped
/// process still shows its recent curve; <see cref="Forget"/> drops it.
/// </remarks>
public sealed class StatsCollector : IDisposable
{
    /// <summary>Samples kept per process: two minutes at the default 1 s interval, enough for a 60-column sparkline twice over.</summary>
    public const int HistoryCapacity = 120;

    private readonly IStatsSource _source;
    private readonly IScheduler _scheduler;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Tracked> _tracked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<ProcessStats>> _history = new(StringComparer.Ordinal);
    private readonly Subject<ProcessStats> _samples = new();
    private readonly IDisposable _timer;
    private Tracked[] _round = [];
    private int[] _roundPids = [];
    private ProcessTreeSample?[] _roundResults = [];
    private bool _disposed;

    public StatsCollector(IStatsSource source, IScheduler scheduler, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _source = source;
        _scheduler = scheduler;
        Interval = interval;
        _timer = scheduler.Schedule(interval, next =>
        {
            SampleRound();
            next(interval);
        });
    }

    public TimeSpan Interval { get; }

    /// <summary>One sample per live tracked process per interval (hot).</summary>
    public IObservable<ProcessStats> Samples => _samples.AsObservable();

    /// <summary>Samples <paramref name="pid"/>'s tree as <paramref name="process"/> from the next round on; a new pid replaces the old one.</summary>
    public void Track(string process, int pid)
    {
        lock (_gate)
        {
            if (_tracked.TryGetValue(process, out var current) && current.Pid == pid) return;
            _tracked[process] = new Tracked(process, pid);
        }
    }

    /// <summary>Stops sampling <paramref name="process"/>; its history is kept.</summary>
    public void Untrack(string process)
    {
        lock (_gate) _tracked.Remove(process);
    }

    /// <summary>Stops sampling <paramref name="process"/> and drops its history (it left the config).</summary>
    public void Forget(string process)
    {
        lock (_gate)
        {
            _tracked.Remove(process);
            _history.Remove(process);
        }
    }

    /// <summary>The last samples of <paramref name="process"/>, oldest first (empty when none).</summary>
    public IReadOnlyList<ProcessStats> History(string process)
    {
        lock (_gate) return _history.TryGetValue(process, out var history) ? history.ToArray() : [];
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        _timer.Dispose();
        _samples.OnCompleted();
    }

    private void SampleRound()
    {
        int count;
        lock (_gate)
        {
            if (_disposed || _tracked.Count == 0) return;
            count = _tracked.Count;
            if (_round.Length < count)
            {
                _round = new Tracked[count];
                _roundPids = new int[count];
                _roundResults = new ProcessTreeSample?[count];
            }
            var i = 0;
            foreach (var tracked in _tracked.Values)
            {
                _round[i] = tracked;
                _roundPids[i++] = tracked.Pid;
            }
        }

        // Reading /proc takes a while; Track and Untrack are not held up by it.
        _source.SampleRound(_roundPids.AsSpan(0, count), _roundResults.AsSpan(0, count));
        var now = _scheduler.Now;

        var emitted = new List<ProcessStats>(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                var tracked = _round[i];
                if (_roundResults[i] is not { } sample) continue;
                if (!_tracked.TryGetValue(tracked.Process, out var current) || !ReferenceEquals(current, tracked)) continue;
                var stats = tracked.Next(sample, now, _source.ClockTicksPerSecond);
                Remember(stats);
                emitted.Add(stats);
            }
            Array.Clear(_round, 0, count);
        }
        foreach (var stats in emitted) _samples.OnNext(stats);
    }

    private void Remember(ProcessStats stats)
    {
        if (!_history.TryGetValue(stats.Process, out var history))
        {
            history = new Queue<ProcessStats>(HistoryCapacity);
            _history[stats.Process] = history;
        }
        if (history.Count == HistoryCapacity) history.Dequeue();
        history.Enqueue(stats);
    }

    /// <summary>A tracked tree and its previous sample, from which the next CPU % is computed.</summary>
    private sealed class Tracked(string process, int pid)
    {
        private ProcessTreeSample? _previous;
        private DateTimeOffset _previousAt;

        public string Process { get; } = process;
        public int Pid { get; } = pid;

        public ProcessStats Next(ProcessTreeSample sample, DateTimeOffset now, int ticksPerSecond)
        {
            var cpuPercent = _previous is { } previous && previous.RootStartTicks == sample.RootStartTicks && now > _previousAt
                ? CpuPercent(sample.CpuTicks - previous.CpuTicks, ticksPerSecond, now - _previousAt)
                // First sample of this run (or the pid now belongs to another process): the average since it started.
                : CpuPercent(sample.CpuTicks, ticksPerSecond, sample.RootUptime);
            _previous = sample;
            _previousAt = now;
            return new ProcessStats(Process, now, cpuPercent, sample.RssBytes, sample.Threads, sample.OpenFds,
                sample.ProcessCount, sample.RootUptime);
        }

        /// <summary>100 = one core busy for the whole span. A negative delta (a member left the tree) counts as idle.</summary>
        private static double CpuPercent(long ticks, int ticksPerSecond, TimeSpan span) =>
            span <= TimeSpan.Zero ? 0 : Math.Max(0, ticks) * 100.0 / ticksPerSecond / span.TotalSeconds;
    }
}
