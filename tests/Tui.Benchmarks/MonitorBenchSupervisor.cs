using System.Collections.Immutable;
using System.Reactive.Linq;
using Tui.Core.Config;
using Tui.Core.Logs;
using Tui.Core.Processes;
using Tui.Core.Stats;
using Tui.Core.Supervision;

namespace Tui.Benchmarks;

/// <summary>
/// A still engine for the monitor benchmarks: 20 running processes in two groups, a full log ring (10,000 lines of
/// ~90 characters, some with colours) for each, and a minute of stats. Reads cost what a list copy costs, like the real rings.
/// </summary>
public sealed class MonitorBenchSupervisor : ISupervisorClient
{
    public const int Processes = 20, RingLines = 10_000, StatsSamples = 60;
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 14, 2, 11, TimeSpan.Zero);

    private readonly Dictionary<string, List<LogLine>> _rings = new();
    private readonly Dictionary<string, List<ProcessStats>> _stats = new();

    public MonitorBenchSupervisor()
    {
        var snapshots = ImmutableArray.CreateBuilder<ProcessSnapshot>();
        for (int p = 0; p < Processes; p++)
        {
            var name = $"svc{p:00}";
            var config = new ProcessConfig(name, name, null, new CommandSpec.Shell("run " + name), "/srv", ImmutableDictionary<string, string>.Empty,
                p < 10 ? "web" : "jobs", true, false, RestartPolicy.Always, null, TimeSpan.FromMinutes(1), BackoffConfig.Default,
                Signals.SIGTERM, TimeSpan.FromSeconds(10), [], ProcessKind.Service, false, null, name, new Tui.Toml.TomlPosition(1, 1));
            snapshots.Add(new ProcessSnapshot(config, ProcessState.Running, 1000 + p, Now.AddMinutes(-5), Now.AddMinutes(-5), 0, null, null, null));
            var ring = new List<LogLine>(RingLines);
            for (int i = 0; i < RingLines; i++)
            {
                var text = i % 7 == 0
                    ? $"\u001b[32minfo\u001b[0m {i:000000} {name} request handled path=/api/item/{i} status=200 ms={i % 97} user=alpha"
                    : $"{i:000000} {name} level=info msg=\"request handled\" path=/api/item/{i} status=200 ms={i % 97}";
                ring.Add(new LogLine(i, name, Now.AddMilliseconds(i * 5 + p), i % 13 == 0 ? LogStream.Stderr : LogStream.Stdout, text));
            }
            _rings[name] = ring;
            _stats[name] = Enumerable.Range(0, StatsSamples)
                .Select(i => new ProcessStats(name, Now.AddSeconds(i - StatsSamples), 5 + 4 * Math.Sin(i / 5.0), (100 + i) << 20, 4, 12, 1, TimeSpan.FromMinutes(5)))
                .ToList();
        }
        Current = snapshots.ToImmutable();
    }

    public string ConfigPath => "bench.toml";
    public IObservable<SupervisorEvent> Events => Observable.Never<SupervisorEvent>();
    public IObservable<ImmutableArray<ProcessSnapshot>> Snapshots => Observable.Return(Current);
    public IObservable<LogLine> Logs => Observable.Never<LogLine>();
    public IObservable<ProcessStats> Stats => Observable.Never<ProcessStats>();
    public ImmutableArray<ProcessSnapshot> Current { get; }

    public IReadOnlyList<LogLine> RecentLogs(string process, int max)
    {
        var ring = _rings[process];
        int count = Math.Min(max, ring.Count);
        return ring.GetRange(ring.Count - count, count);
    }

    public IReadOnlyList<ProcessStats> StatsHistory(string process) => _stats[process].ToList();

    public Task<CommandResult> StartAsync(ProcessTarget target) => Task.FromResult(new CommandResult(true, []));
    public Task<CommandResult> StopAsync(ProcessTarget target) => StartAsync(target);
    public Task<CommandResult> RestartAsync(ProcessTarget target) => StartAsync(target);
    public Task<CommandResult> PauseAsync(ProcessTarget target) => StartAsync(target);
    public Task<CommandResult> ResumeAsync(ProcessTarget target) => StartAsync(target);
}
