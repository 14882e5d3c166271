using System.Collections.Immutable;
using System.Reactive.Concurrency;
using BenchmarkDotNet.Attributes;
using Tui.Core.Config;
using Tui.Core.Supervision;

namespace Tui.Benchmarks;

/// <summary>
/// The supervisor's own cost per operation, with children that are not processes (so fork/exec is not measured):
/// restarting a whole stack (reverse-order stop, dependency-ordered start, every transition, event and snapshot),
/// and one crash of every process going through backoff and back. Each run still starts a log reader for its
/// output, as a real child's run does. Per process, divide Mean by <see cref="Processes"/>.
/// </summary>
[MemoryDiagnoser]
public class SupervisorEngineBenchmark
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private HistoricalScheduler _clock = null!;
    private EngineBenchLauncher _launcher = null!;
    private Supervisor _supervisor = null!;

    /// <summary>A small stack and a large one; every process after the first depends on the first (a database).</summary>
    [Params(10, 100)]
    public int Processes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _clock = new HistoricalScheduler(T0);
        _launcher = new EngineBenchLauncher();
        var processes = Enumerable.Range(0, Processes).Select(i => Process($"p{i}", i == 0 ? [] : [new Dependency("p0", DependencyCondition.Started)]));
        var config = new TuiConfig("bench.toml", Settings.Default with { LogRingLines = 100 }, ImmutableDictionary<string, string>.Empty,
            [.. processes], ImmutableDictionary<string, string>.Empty, []);
        _supervisor = new Supervisor(config, new SupervisorOptions(_launcher, _clock) { BaseEnvironment = new Dictionary<string, string>(), OutputGrace = TimeSpan.Zero });
        _supervisor.StartAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _supervisor.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public CommandResult RestartAll() => _supervisor.RestartAsync(new ProcessTarget.All()).GetAwaiter().GetResult();

    [Benchmark]
    public int CrashEveryProcessAndRestartAfterBackoff()
    {
        foreach (var child in _launcher.Live.ToArray()) child.Crash();
        // The backoff grows with each crash streak; a minute is past its maximum, and past reset_after for the next round.
        _clock.AdvanceBy(TimeSpan.FromMinutes(1));
        return _launcher.Live.Count;
    }

    private static ProcessConfig Process(string name, ImmutableArray<Dependency> dependsOn) => new(
        name, name, null, new CommandSpec.Exec(["bench", name]), "/", ImmutableDictionary<string, string>.Empty, null,
        Autostart: true, Disabled: false, RestartPolicy.Always, MaxRestarts: null, TimeSpan.FromMinutes(1),
        new BackoffConfig(TimeSpan.FromMilliseconds(100), 2.0, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)),
        Tui.Core.Processes.Signals.SIGTERM, TimeSpan.FromSeconds(5), dependsOn, ProcessKind.Service, Tty: false, Watch: null,
        Definition: name, new Tui.Toml.TomlPosition(1, 1));
}
