using System.Collections.Concurrent;
using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Tui.Core.Config;
using Tui.Core.Processes;
using Tui.Core.Processes.OneShot;
using Tui.Core.Protocol;
using Tui.Core.Supervision;

namespace Tui.Core.Health;

/// <summary>
/// Tui's <see cref="IRunMonitor"/>: health checks, the heartbeat watchdog, resource limits and the child protocol.
/// Each process gets a <see cref="ChildChannel"/> (its socket, and with notify = true its sd_notify socket) when it
/// is first spawned, kept until it leaves the config; each watched run gets a <see cref="RunWatch"/>.
/// </summary>
public sealed class ProcessMonitor(MonitorOptions options) : IRunMonitor, IDisposable
{
    private readonly ConcurrentDictionary<string, ChildChannel> _channels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _channelErrors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RunMemory> _memory = new(StringComparer.Ordinal);

    private readonly ISubject<ProbeAttempt> _attempts = Subject.Synchronize(new Subject<ProbeAttempt>());

    public MonitorOptions Options => options;

    /// <summary>
    /// The monitor of a config that Tui runs itself: exec probes run by the real command runner (CliWrap), sockets in the config's
    /// private directory (the same after a restart of Tui, so clients reconnect), timers on the engine's clock.
    /// </summary>
    public static ProcessMonitor For(TuiConfig config, IScheduler clock) =>
        new(new MonitorOptions(new OneShotRunner(), clock, ProtocolDirectory.For(config.SourcePath)));

    /// <summary>Whether a config needs resource samples for its limits (memory or CPU); runtime limits need none.</summary>
    public static bool NeedsStats(TuiConfig config) =>
        config.Processes.Any(p => p.Limits is { MaxMemoryBytes: not null } or { MaxCpuPercent: not null });

    /// <summary>Every probe attempt of every process, once recorded (hot; on a pool thread). For diagnostics and tests.</summary>
    public IObservable<ProbeAttempt> Attempts => _attempts.AsObservable();

    public IReadOnlyDictionary<string, string> EnvironmentFor(ProcessConfig process)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Channel(process) is not { } channel) return environment;
        environment[ProtocolEnvironment.Socket] = channel.SocketPath;
        if (process.HeartbeatTimeout is { } timeout)
        {
            var every = (long)(timeout.TotalMilliseconds / ProtocolEnvironment.HeartbeatsPerTimeout);
            environment[ProtocolEnvironment.HeartbeatMilliseconds] = Math.Max(1, every).ToString(CultureInfo.InvariantCulture);
        }
        if (process.Notify && channel.NotifyPath is { } notify)
        {
            environment[ProtocolEnvironment.NotifySocket] = notify;
            if (process.HeartbeatTimeout is { } watchdog)
                environment[ProtocolEnvironment.WatchdogMicroseconds] = ((long)(watchdog.Ticks / TimeSpan.TicksPerMicrosecond)).ToString(CultureInfo.InvariantCulture);
        }
        return environment;
    }

    public IObservable<RunReport> Watch(RunContext run) => Observable.Create<RunReport>(observer =>
    {
        var memory = _memory.AddOrUpdate(run.Process.Name, _ => new RunMemory(run.Run, false, false),
            (_, known) => known.Run == run.Run ? known : new RunMemory(run.Run, false, false));
        var watch = new RunWatch(run, options, _channels.GetValueOrDefault(run.Process.Name), memory, Remember, _attempts.OnNext, observer);
        if (_channelErrors.TryGetValue(run.Process.Name, out var error))
            observer.OnNext(new RunEventReport(new Notice(options.Clock.Now, run.Process.Name, NoticeLevel.Warning, error)));
        watch.Start();
        return watch;
    });

    public void Forget(string process)
    {
        _memory.TryRemove(process, out _);
        _channelErrors.TryRemove(process, out _);
        Rest(process);
        if (_channels.IsEmpty) options.Sockets.RemoveIfEmpty();
    }

    public void Rest(string process)
    {
        if (_channels.TryRemove(process, out var channel)) channel.Dispose();
    }

    /// <summary>How many messages of <paramref name="process"/> were dropped, by reason (null before its first spawn).</summary>
    public DropCounts? Drops(string process) => _channels.GetValueOrDefault(process)?.Drops;

    public void Dispose()
    {
        foreach (var name in _channels.Keys) Forget(name);
    }

    private void Remember(string process, RunMemory memory) =>
        _memory.AddOrUpdate(process, memory, (_, known) => known.Run <= memory.Run ? memory : known);

    /// <summary>The process's channel, opened on first use; null (and the reason kept for the run's watch) when it cannot be.</summary>
    private ChildChannel? Channel(ProcessConfig process)
    {
        try
        {
            options.Sockets.Ensure();
            var channel = _channels.GetOrAdd(process.Name,
                name => new ChildChannel(name, options.Sockets.SocketPathFor(name, "sock"), options.Clock));
            channel.Open();
            if (process.Notify) channel.EnableNotify(options.Sockets.SocketPathFor(process.Name, "notify"));
            _channelErrors.TryRemove(process.Name, out _);
            return channel;
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException or UnauthorizedAccessException)
        {
            _channelErrors[process.Name] = $"no child protocol socket ({e.Message}); heartbeats, events and status cannot reach Tui";
            if (_channels.TryRemove(process.Name, out var broken)) broken.Dispose();
            return null;
        }
    }
}
