using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reactive.Subjects;
using Tui.Core.Logs;
using Tui.Core.Stats;
using Tui.Core.Supervision;

namespace Tui.App.Tests.Fakes;

/// <summary>
/// A scripted engine for the shell's tests: the test sets snapshots, appends log lines and stats samples, and reads
/// back which commands the shell sent. Streams are subjects, so a test pushes exactly what it wants, when it wants.
/// </summary>
public sealed class FakeSupervisor : ISupervisorClient, IDisposable
{
    private readonly BehaviorSubject<ImmutableArray<ProcessSnapshot>> _snapshots;
    private readonly Subject<SupervisorEvent> _events = new();
    private readonly Subject<LogLine> _logs = new();
    private readonly Subject<ProcessStats> _stats = new();
    private readonly ConcurrentDictionary<string, List<LogLine>> _rings = new();
    private readonly ConcurrentDictionary<string, List<ProcessStats>> _history = new();
    private readonly ConcurrentQueue<string> _commands = new();
    private long _sequence;

    public FakeSupervisor(string configPath, params ProcessSnapshot[] processes)
    {
        ConfigPath = configPath;
        _snapshots = new BehaviorSubject<ImmutableArray<ProcessSnapshot>>([.. processes]);
    }

    /// <summary>Lines kept per process, like the engine's ring.</summary>
    public int RingCapacity { get; init; } = 10_000;

    public string ConfigPath { get; }
    public IObservable<SupervisorEvent> Events => _events;
    public IObservable<ImmutableArray<ProcessSnapshot>> Snapshots => _snapshots;
    public IObservable<LogLine> Logs => _logs;
    public IObservable<ProcessStats> Stats => _stats;
    public ImmutableArray<ProcessSnapshot> Current => _snapshots.Value;

    /// <summary>Commands received, as "Verb target" ("Stop api", "Restart @web").</summary>
    public IReadOnlyList<string> Commands => [.. _commands];

    public void SetSnapshots(params ProcessSnapshot[] processes) => _snapshots.OnNext([.. processes]);

    public void Publish(SupervisorEvent e) => _events.OnNext(e);

    public LogLine AddLog(string process, string text, LogStream stream = LogStream.Stdout, DateTimeOffset? at = null)
    {
        var ring = _rings.GetOrAdd(process, _ => new List<LogLine>());
        LogLine line;
        lock (ring)
        {
            line = new LogLine(Interlocked.Increment(ref _sequence), process, at ?? TestProcesses.Now, stream, text);
            ring.Add(line);
            if (ring.Count > RingCapacity) ring.RemoveAt(0);
        }
        _logs.OnNext(line);
        return line;
    }

    public void AddStats(ProcessStats sample, bool publish = true)
    {
        var history = _history.GetOrAdd(sample.Process, _ => new List<ProcessStats>());
        lock (history) history.Add(sample);
        if (publish) _stats.OnNext(sample);
    }

    public IReadOnlyList<LogLine> RecentLogs(string process, int max)
    {
        if (!_rings.TryGetValue(process, out var ring)) return [];
        lock (ring) return ring.Skip(Math.Max(0, ring.Count - max)).ToList();
    }

    public IReadOnlyList<ProcessStats> StatsHistory(string process)
    {
        if (!_history.TryGetValue(process, out var history)) return [];
        lock (history) return history.ToList();
    }

    public Task<CommandResult> StartAsync(ProcessTarget target) => Record("Start", target);
    public Task<CommandResult> StopAsync(ProcessTarget target) => Record("Stop", target);
    public Task<CommandResult> RestartAsync(ProcessTarget target) => Record("Restart", target);
    public Task<CommandResult> PauseAsync(ProcessTarget target) => Record("Pause", target);
    public Task<CommandResult> ResumeAsync(ProcessTarget target) => Record("Resume", target);

    /// <summary>What a reload answers; the engine's events about it are the test's to send.</summary>
    public CommandResult ReloadResult { get; set; } = new(true, []);

    public Task<CommandResult> ReloadAsync()
    {
        _commands.Enqueue("Reload");
        return Task.FromResult(ReloadResult);
    }

    private Task<CommandResult> Record(string verb, ProcessTarget target)
    {
        _commands.Enqueue($"{verb} {target}");
        var known = target switch
        {
            ProcessTarget.One o => Current.Any(p => p.Name == o.Name),
            ProcessTarget.Group g => Current.Any(p => p.Group == g.Name),
            _ => true,
        };
        return Task.FromResult(known ? new CommandResult(true, [target.ToString()]) : CommandResult.Fail($"no such process: {target}"));
    }

    public void Dispose()
    {
        _snapshots.Dispose();
        _events.Dispose();
        _logs.Dispose();
        _stats.Dispose();
    }
}
