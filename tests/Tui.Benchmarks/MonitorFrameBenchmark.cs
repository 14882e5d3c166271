using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Tui.App.Keys;
using Tui.App.Shell;
using Tui.App.Views;
using Tui.Terminal.Drawing;

namespace Tui.Benchmarks;

/// <summary>
/// One monitor frame at 120x40 drawn from state and the engine's rings (what the UI loop does up to 30 times a
/// second): following one process, all processes merged, and with a log filter that has to look back through the ring.
/// A frame must stay well under 33 ms on a loaded machine for the loop never to fall behind.
/// </summary>
[MemoryDiagnoser]
public class MonitorFrameBenchmark
{
    private readonly MonitorBenchSupervisor _engine = new();
    private readonly CellBuffer _frame = new(120, 40);
    private AppState _follow = null!, _merged = null!, _filtered = null!;

    [GlobalSetup]
    public void Setup()
    {
        var state = new AppState
        {
            ConfigPath = _engine.ConfigPath,
            Keys = KeyMap.Default,
            Processes = _engine.Current,
            Stats = _engine.Current.ToImmutableDictionary(p => p.Name, p => _engine.StatsHistory(p.Name)[^1]),
            LogCounts = _engine.Current.ToImmutableDictionary(p => p.Name, _ => (long)MonitorBenchSupervisor.RingLines),
            Now = MonitorBenchSupervisor.Now,
            Width = 0,
            Height = 40,
        };
        _follow = Reducer.Update(state, new Msg.Resize(120, 40)).State; // lays out and selects the first process
        _merged = _follow with { Log = _follow.Log with { Merged = true, Timestamps = true } };
        _filtered = _follow with { Log = _follow.Log with { Filter = "item/99", Search = "status" } };
    }

    [Benchmark(Baseline = true)]
    public CellBuffer Follow_one_process()
    {
        ShellView.Render(_follow, _engine, _frame);
        return _frame;
    }

    [Benchmark]
    public CellBuffer All_processes_merged()
    {
        ShellView.Render(_merged, _engine, _frame);
        return _frame;
    }

    [Benchmark]
    public CellBuffer Filtered_and_searched()
    {
        ShellView.Render(_filtered, _engine, _frame);
        return _frame;
    }
}
