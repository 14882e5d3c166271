using System.Reactive.Concurrency;
using Tui.Core.Stats;

namespace Tui.Core.Tests.Stats;

/// <summary>StatsCollector in virtual time with a scripted source.</summary>
public class StatsCollectorTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly HistoricalScheduler _scheduler = new(Start);
    private readonly ScriptedStatsSource _source = new(clockTicksPerSecond: 100);
    private readonly StatsCollector _collector;
    private readonly List<ProcessStats> _samples = [];

    public StatsCollectorTests()
    {
        _collector = new StatsCollector(_source, _scheduler, Second);
        _collector.Samples.Subscribe(_samples.Add);
    }

    public void Dispose() => _collector.Dispose();

    private ProcessStats Tick(TimeSpan? by = null)
    {
        var before = _samples.Count;
        _scheduler.AdvanceBy(by ?? Second);
        Assert.Equal(before + 1, _samples.Count);
        return _samples[^1];
    }

    [Fact]
    public void Cpu_percent_is_the_tick_delta_over_the_elapsed_time()
    {
        _collector.Track("api", 10);
        _source.Set(10, cpuTicks: 1_000, uptime: TimeSpan.FromSeconds(20));
        Assert.Equal(50, Tick().CpuPercent, precision: 6);      // first sample: 10 s of CPU over 20 s of life

        _source.Set(10, cpuTicks: 1_150);
        Assert.Equal(150, Tick().CpuPercent, precision: 6);     // 1.5 cores for one second

        Assert.Equal(0, Tick().CpuPercent, precision: 6);       // idle
    }

    [Fact]
    public void Cpu_percent_uses_the_real_elapsed_time_of_the_interval()
    {
        using var slow = new StatsCollector(_source, _scheduler, TimeSpan.FromSeconds(5));
        var seen = new List<ProcessStats>();
        slow.Samples.Subscribe(seen.Add);
        slow.Track("api", 10);
        _source.Set(10, cpuTicks: 0);
        _scheduler.AdvanceBy(TimeSpan.FromSeconds(5));
        _source.Set(10, cpuTicks: 250);
        _scheduler.AdvanceBy(TimeSpan.FromSeconds(5));

        Assert.Equal(2, seen.Count);
        Assert.Equal(50, seen[1].CpuPercent, precision: 6);     // 2.5 s of CPU over 5 s
    }

    [Fact]
    public void Other_clock_tick_rates_are_honoured()
    {
        var source = new ScriptedStatsSource(clockTicksPerSecond: 250);
        using var collector = new StatsCollector(source, _scheduler, Second);
        var seen = new List<ProcessStats>();
        collector.Samples.Subscribe(seen.Add);
        collector.Track("api", 10);
        source.Set(10, cpuTicks: 0);
        _scheduler.AdvanceBy(Second);
        source.Set(10, cpuTicks: 125);
        _scheduler.AdvanceBy(Second);

        Assert.Equal(50, seen[1].CpuPercent, precision: 6);
    }

    [Fact]
    public void Sample_carries_the_tree_figures_and_the_scheduler_time()
    {
        _collector.Track("api", 10);
        _source.Set(10, cpuTicks: 0, uptime: TimeSpan.FromSeconds(42), rss: 8 << 20, threads: 7, fds: 12, processes: 3);

        var stats = Tick();

        Assert.Equal(new ProcessStats("api", Start + Second, 0, 8 << 20, 7, 12, 3, TimeSpan.FromSeconds(42)), stats);
    }

    [Fact]
    public void Falling_tick_count_counts_as_idle_not_negative()
    {
        _collector.Track("api", 10);
        _source.Set(10, cpuTicks: 500);
        Tick();
        _source.Set(10, cpuTicks: 300); // a busy child left the tree without being reaped inside it

        Assert.Equal(0, Tick().CpuPercent);
    }

    [Fact]
    public void Reused_pid_starts_a_new_baseline()
    {
        _collector.Track("api", 10);
        _source.Set(10, cpuTicks: 10_000, startTicks: 1_000);
        Tick();
        _source.Set(10, cpuTicks: 20, startTicks: 9_000, uptime: TimeSpan.FromSeconds(2));

        Assert.Equal(10, Tick().CpuPercent, precision: 6);     // 0.2 s over its 2 s of life, not a delta against the old process
    }

    [Fact]
    public void Tracking_a_new_pid_for_a_process_replaces_the_old_one()
    {
        _collector.Track("api", 10);
        _source.Set(10, cpuTicks: 5_000);
        _source.Set(11, cpuTicks: 50, uptime: TimeSpan.FromSeconds(1));
        Tick();

        _collector.Track("api", 11);
        var stats = Tick();

        Assert.Equal(50, stats.CpuPercent, precision: 6);
        Assert.Equal([10], _source.Rounds[0]);
        Assert.Equal([11], _source.Rounds[1]);
    }

    [Fact]
    public void One_round_per_interval_samples_every_tracked_process_together()
    {
        _collector.Track("api", 10);
        _collector.Track("db", 20);
        _collector.Track("worker", 30);
        foreach (var pid in new[] { 10, 20, 30 }) _source.Set(pid, cpuTicks: 0);

        _scheduler.AdvanceBy(Second * 3);

        Assert.Equal(3, _source.Rounds.Count);
        Assert.All(_source.Rounds, round => Assert.Equal([10, 20, 30], round.Order()));
        Assert.Equal(9, _samples.Count);
    }

    [Fact]
    public void Nothing_is_sampled_while_nothing_is_tracked()
    {
        _scheduler.AdvanceBy(Second * 10);

        Assert.Empty(_source.Rounds);
        Assert.Empty(_samples);
    }

    [Fact]
    public void Gone_process_yields_no_sample()
    {
        _collector.Track("api", 10);
        _collector.Track("db", 20);
        _source.Set(10, cpuTicks: 0);

        _scheduler.AdvanceBy(Second);

        Assert.Equal(["api"], _samples.Select(s => s.Process));
        Assert.Empty(_collector.History("db"));
    }

    [Fact]
    public void History_keeps_the_newest_samples_up_to_its_capacity_oldest_first()
    {
        _collector.Track("api", 10);
        for (var i = 1; i <= StatsCollector.HistoryCapacity + 30; i++)
        {
            _source.Set(10, cpuTicks: 0, uptime: TimeSpan.FromSeconds(i));
            Tick();
        }

        var history = _collector.History("api");
        Assert.Equal(StatsCollector.HistoryCapacity, history.Count);
        Assert.Equal(TimeSpan.FromSeconds(31), history[0].Uptime);
        Assert.Equal(TimeSpan.FromSeconds(StatsCollector.HistoryCapacity + 30), history[^1].Uptime);
        Assert.Equal(history.OrderBy(s => s.At), history);
    }

    [Fact]
    public void Untrack_stops_sampling_but_keeps_history_and_forget_drops_it()
    {
        _collector.Track("api", 10);
        _source.Set(10, cpuTicks: 0);
        Tick();
        Tick();

        _collector.Untrack("api");
        _scheduler.AdvanceBy(Second * 5);
        Assert.Equal(2, _samples.Count);
        Assert.Equal(2, _collector.History("api").Count);

        _collector.Forget("api");
        Assert.Empty(_collector.History("api"));
    }

    [Fact]
    public void Dispose_stops_sampling_and_completes_the_stream()
    {
        var completed = false;
        _collector.Samples.Subscribe(_ => { }, () => completed = true);
        _collector.Track("api", 10);
        _source.Set(10, cpuTicks: 0);
        Tick();

        _collector.Dispose();
        _scheduler.AdvanceBy(Second * 5);

        Assert.True(completed);
        Assert.Single(_samples);
        Assert.Single(_source.Rounds);
    }
}
