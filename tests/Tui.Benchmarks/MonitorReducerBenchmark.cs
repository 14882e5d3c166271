using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Tui.App.Keys;
using Tui.App.Shell;
using Tui.Core.Logs;

namespace Tui.Benchmarks;

/// <summary>
/// The reducer on the messages that come most often: a frame's worth of log lines (7 lines, what 200 lines/s give per
/// 33 ms), the same while scrolled back (the view is kept still), and a key press that moves the selection.
/// </summary>
[MemoryDiagnoser]
public class MonitorReducerBenchmark
{
    private readonly MonitorBenchSupervisor _engine = new();
    private AppState _following = null!, _scrolled = null!;
    private Msg _burst = null!;
    private readonly Msg _down = new Msg.Key(KeyChord.Of('j'));

    [GlobalSetup]
    public void Setup()
    {
        var state = new AppState
        {
            ConfigPath = _engine.ConfigPath,
            Keys = KeyMap.Default,
            Processes = _engine.Current,
            LogCounts = _engine.Current.ToImmutableDictionary(p => p.Name, _ => (long)MonitorBenchSupervisor.RingLines),
            Now = MonitorBenchSupervisor.Now,
            Width = 0,
            Height = 40,
        };
        _following = Reducer.Update(state, new Msg.Resize(120, 40)).State;
        _scrolled = Reducer.Update(_following, new Msg.Key(KeyChord.Of(KeyCode.PageUp))).State;
        var name = _engine.Current[1].Name;
        _burst = new Msg.Logs(Enumerable.Range(0, 7)
            .Select(i => new LogLine(20_000 + i, name, MonitorBenchSupervisor.Now, LogStream.Stdout, $"{i:000000} {name} level=info msg=\"request handled\""))
            .ToList());
    }

    [Benchmark(Baseline = true)]
    public AppState Lines_while_following() => Reducer.Update(_following, _burst).State;

    [Benchmark]
    public AppState Lines_while_scrolled_back() => Reducer.Update(_scrolled, _burst).State;

    [Benchmark]
    public AppState Key_moves_the_selection() => Reducer.Update(_following, _down).State;
}
