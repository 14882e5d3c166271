using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Tui.App.Keys;
using Tui.App.Palette;
using Tui.App.Shell;
using Tui.App.Views;
using Tui.Core.Config;
using Tui.Core.Processes;
using Tui.Core.Supervision;
using Tui.Terminal.Drawing;

namespace Tui.Benchmarks;

/// <summary>
/// What one keystroke in the command palette costs with ~500 entries (468 processes in 12 groups and the 32 actions):
/// ranking every entry against the query as typed so far (a letter, a word's worth, a long miss), and the whole
/// palette frame (entries built, ranked, drawn into a 120x40 buffer), which is what the monitor does per keystroke.
/// </summary>
[MemoryDiagnoser]
public class PaletteBenchmark
{
    private const int Processes = 468;
    private AppState _state = null!;
    private ImmutableArray<PaletteEntry> _entries;
    private readonly CellBuffer _buffer = new(120, 40);

    [Params("w", "wrk", "api-gw-17", "zzzzzz")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        string[] kinds = ["api-gw", "worker", "billing", "search-indexer", "mailer", "frontend"];
        var snapshots = Enumerable.Range(0, Processes).Select(i =>
        {
            var name = $"{kinds[i % kinds.Length]}-{i}";
            var config = new ProcessConfig(name, name, null, new CommandSpec.Shell("sleep 600"), "/srv", ImmutableDictionary<string, string>.Empty,
                $"group{i % 12}", true, false, RestartPolicy.Always, null, TimeSpan.FromMinutes(1), BackoffConfig.Default,
                Signals.SIGTERM, TimeSpan.FromSeconds(10), [], ProcessKind.Service, false, null, name, new Tui.Toml.TomlPosition(1, 1));
            return new ProcessSnapshot(config, ProcessState.Running, 1000 + i, MonitorBenchSupervisor.Now, MonitorBenchSupervisor.Now, 0, null, null, null);
        }).ToImmutableArray();
        _state = Reducer.Update(new AppState { ConfigPath = "bench.toml", Keys = KeyMap.Default, Processes = snapshots, Now = MonitorBenchSupervisor.Now }, new Msg.Resize(120, 40)).State;
        _entries = PaletteSearch.Entries(_state);
        _state = Reducer.Update(_state, new Msg.Key(KeyChord.Of(':'))).State;
        foreach (var c in Query) _state = Reducer.Update(_state, new Msg.Key(KeyChord.Of(c))).State;
    }

    [Benchmark(Baseline = true)]
    public int Rank_every_entry() => PaletteSearch.Rank(_entries, Query).Length;

    [Benchmark]
    public CellBuffer Palette_frame()
    {
        PaletteOverlay.Render(_state, (Overlay.Palette)_state.Overlay!, _buffer.Area, _buffer);
        return _buffer;
    }
}
