using System.Collections.Immutable;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Tui.Core.Config;
using Tui.Core.Control.Wire;
using Tui.Core.Logs;
using Tui.Core.Stats;
using Tui.Core.Supervision;

namespace Tui.Core.Control.Client;

/// <summary>
/// An engine running in another process (a daemon, or another monitor), seen through its control socket as an
/// <see cref="ISupervisorClient"/>: the same streams and commands as the in-process supervisor, so the monitor
/// cannot tell the difference. Log rings and stats histories are kept here, seeded on connect and fed by pushes,
/// because the interface reads them synchronously.
/// </summary>
public sealed class RemoteSupervisor : ISupervisorClient, IAsyncDisposable
{
    /// <summary>Log lines kept per process when the caller does not say: the engine's default ring size.</summary>
    public const int DefaultLogCapacity = 10_000;

    /// <summary>Stats samples kept per process beyond what the engine had at connect: a few minutes at the default interval.</summary>
    private const int StatsCapacity = 600;

    private readonly ControlClient _client;
    private readonly IReadOnlyDictionary<string, ProcessConfig> _configs;
    private readonly int _logCapacity;
    private readonly Subject<SupervisorEvent> _events = new();
    private readonly BehaviorSubject<ImmutableArray<ProcessSnapshot>> _snapshots = new([]);
    private readonly Subject<LogLine> _logs = new();
    private readonly Subject<ProcessStats> _stats = new();
    private readonly Dictionary<string, List<LogLine>> _rings = [];
    private readonly Dictionary<string, List<ProcessStats>> _statsHistory = [];
    private readonly Lock _gate = new();
    private IDisposable? _pushes;

    private RemoteSupervisor(ControlClient client, ServerInfo server, IReadOnlyDictionary<string, ProcessConfig> configs, int logCapacity)
    {
        _client = client;
        Server = server;
        _configs = configs;
        _logCapacity = logCapacity;
    }

    public ServerInfo Server { get; }
    public string ConfigPath => Server.ConfigPath;
    public IObservable<SupervisorEvent> Events => _events.AsObservable();
    public IObservable<ImmutableArray<ProcessSnapshot>> Snapshots => _snapshots.AsObservable();
    public IObservable<LogLine> Logs => _logs.AsObservable();
    public IObservable<ProcessStats> Stats => _stats.AsObservable();
    public ImmutableArray<ProcessSnapshot> Current => _snapshots.Value;

    /// <summary>Completes with the reason when the instance goes away (down, killed) or the connection is closed.</summary>
    public Task<string> Disconnected => _client.Closed;

    /// <summary>
    /// Connects, subscribes, and seeds the log rings and stats histories. <paramref name="loadConfig"/> reads the
    /// instance's config file for the processes' full settings (the monitor shows commands, kinds, groups); when it
    /// returns null, stand-ins are built from what the socket says.
    /// </summary>
    public static async Task<RemoteSupervisor> ConnectAsync(string socketPath, Func<string, TuiConfig?> loadConfig,
        int logCapacity = DefaultLogCapacity, CancellationToken cancellation = default)
    {
        var client = await ControlClient.ConnectAsync(socketPath, cancellation).ConfigureAwait(false);
        try
        {
            var hello = await client.RequestAsync(new ControlRequest(0, ControlOps.Hello), cancellation).ConfigureAwait(false);
            if (!hello.Ok || hello.Server is not { } server) throw new ControlException(hello.Error ?? "the instance did not say who it is");
            var config = loadConfig(server.ConfigPath);
            var configs = config?.Processes.ToDictionary(p => p.Name) ?? [];
            var remote = new RemoteSupervisor(client, server, configs, logCapacity);
            await remote.SubscribeAsync(cancellation).ConfigureAwait(false);
            return remote;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task SubscribeAsync(CancellationToken cancellation)
    {
        _pushes = _client.Pushes.Subscribe(OnPush, _ => { }, () => { _events.OnCompleted(); _logs.OnCompleted(); _stats.OnCompleted(); });
        var subscribed = await _client.RequestAsync(new ControlRequest(0, ControlOps.Subscribe), cancellation).ConfigureAwait(false);
        if (!subscribed.Ok) throw new ControlException(subscribed.Error ?? "subscribe refused");
        var ps = await _client.RequestAsync(new ControlRequest(0, ControlOps.Ps), cancellation).ConfigureAwait(false);
        foreach (var process in ps.Processes ?? [])
        {
            var logs = await _client.RequestAsync(new ControlRequest(0, ControlOps.Logs, Process: process.Name, Tail: _logCapacity), cancellation).ConfigureAwait(false);
            var stats = await _client.RequestAsync(new ControlRequest(0, ControlOps.Stats, Process: process.Name), cancellation).ConfigureAwait(false);
            lock (_gate)
            {
                // Pushes may already have added newer lines; merge by sequence so nothing shows twice.
                var ring = RingOf(process.Name);
                var seen = ring.Select(l => l.Sequence).ToHashSet();
                ring.AddRange((logs.Logs ?? []).Select(e => e.ToLine()).Where(l => !seen.Contains(l.Sequence)));
                ring.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
                Trim(ring, _logCapacity);
                var history = HistoryOf(process.Name);
                var newest = history.Count > 0 ? history[0].At : DateTimeOffset.MaxValue;
                history.InsertRange(0, (stats.Stats ?? []).Select(s => s.ToStats()).Where(s => s.At < newest));
            }
        }
    }

    private void OnPush(ControlReply push)
    {
        switch (push.Push)
        {
            case "snapshot":
                _snapshots.OnNext([.. (push.Processes ?? []).Select(p => p.ToSnapshot(_configs.GetValueOrDefault(p.Name)))]);
                break;
            case "event" when push.Event?.ToEvent() is { } e:
                _events.OnNext(e);
                break;
            case "log":
                foreach (var line in (push.Logs ?? []).Select(e => e.ToLine()))
                {
                    lock (_gate)
                    {
                        var ring = RingOf(line.Process);
                        ring.Add(line);
                        Trim(ring, _logCapacity);
                    }
                    _logs.OnNext(line);
                }
                break;
            case "stats":
                foreach (var sample in (push.Stats ?? []).Select(e => e.ToStats()))
                {
                    lock (_gate)
                    {
                        var history = HistoryOf(sample.Process);
                        history.Add(sample);
                        Trim(history, StatsCapacity);
                    }
                    _stats.OnNext(sample);
                }
                break;
        }
    }

    public IReadOnlyList<LogLine> RecentLogs(string process, int max)
    {
        lock (_gate)
        {
            if (!_rings.TryGetValue(process, out var ring)) return [];
            var take = Math.Clamp(max, 0, ring.Count);
            return ring.GetRange(ring.Count - take, take);
        }
    }

    public IReadOnlyList<ProcessStats> StatsHistory(string process)
    {
        lock (_gate) return _statsHistory.TryGetValue(process, out var history) ? [.. history] : [];
    }

    public Task<CommandResult> StartAsync(ProcessTarget target) => CommandAsync(ControlOps.Start, target);
    public Task<CommandResult> StopAsync(ProcessTarget target) => CommandAsync(ControlOps.Stop, target);
    public Task<CommandResult> RestartAsync(ProcessTarget target) => CommandAsync(ControlOps.Restart, target);
    public Task<CommandResult> PauseAsync(ProcessTarget target) => CommandAsync(ControlOps.Pause, target);
    public Task<CommandResult> ResumeAsync(ProcessTarget target) => CommandAsync(ControlOps.Resume, target);

    /// <summary>The instance re-reads its config file and applies what changed.</summary>
    public async Task<CommandResult> ReloadAsync()
    {
        try
        {
            var reply = await _client.RequestAsync(new ControlRequest(0, ControlOps.Reload)).ConfigureAwait(false);
            return new CommandResult(reply.Ok, reply.Affected ?? [], reply.Error);
        }
        catch (ControlException e)
        {
            return CommandResult.Fail(e.Message);
        }
    }

    /// <summary>tui run: the instance adds the job and starts it.</summary>
    public async Task<CommandResult> RunAdHocAsync(AdHocJob job)
    {
        try
        {
            var reply = await _client.RequestAsync(ControlRequest.Run(job)).ConfigureAwait(false);
            return new CommandResult(reply.Ok, reply.Affected ?? [], reply.Error);
        }
        catch (ControlException e)
        {
            return CommandResult.Fail(e.Message);
        }
    }

    /// <summary>tui send, input mode over the socket: the instance writes <paramref name="text"/> to the process's input.</summary>
    public async Task<CommandResult> SendInputAsync(string process, string text)
    {
        try
        {
            var reply = await _client.RequestAsync(ControlRequest.Send(process, text)).ConfigureAwait(false);
            return new CommandResult(reply.Ok, reply.Affected ?? [], reply.Error);
        }
        catch (ControlException e)
        {
            return CommandResult.Fail(e.Message);
        }
    }

    /// <summary>tui down: the instance stops every process and exits.</summary>
    public async Task<CommandResult> ShutdownInstanceAsync()
    {
        try
        {
            var reply = await _client.RequestAsync(new ControlRequest(0, ControlOps.Down)).ConfigureAwait(false);
            return new CommandResult(reply.Ok, [], reply.Error);
        }
        catch (ControlException e)
        {
            return CommandResult.Fail(e.Message);
        }
    }

    private async Task<CommandResult> CommandAsync(string op, ProcessTarget target)
    {
        try
        {
            var reply = await _client.RequestAsync(new ControlRequest(0, op, Target: target.ToString())).ConfigureAwait(false);
            return new CommandResult(reply.Ok, reply.Affected ?? [], reply.Error);
        }
        catch (ControlException e)
        {
            // The interface promises results, not exceptions: a lost instance is a failed command with a reason.
            return CommandResult.Fail(e.Message);
        }
    }

    private List<LogLine> RingOf(string process) =>
        _rings.TryGetValue(process, out var ring) ? ring : _rings[process] = [];

    private List<ProcessStats> HistoryOf(string process) =>
        _statsHistory.TryGetValue(process, out var history) ? history : _statsHistory[process] = [];

    private static void Trim<T>(List<T> list, int capacity)
    {
        if (list.Count > capacity) list.RemoveRange(0, list.Count - capacity);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync().ConfigureAwait(false);
        _pushes?.Dispose();
    }
}
