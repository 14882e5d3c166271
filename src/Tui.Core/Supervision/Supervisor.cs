using System.Collections.Immutable;
using System.Reactive.Subjects;
using Tui.Core.Config;
using Tui.Core.Logs;
using Tui.Core.Reload;
using Tui.Core.Stats;
using Tui.Core.Watching;

namespace Tui.Core.Supervision;

/// <summary>
/// The in-process engine: supervises the processes of one <see cref="TuiConfig"/> and shows them as Rx streams and
/// immutable snapshots. Commands are messages to a single engine loop and complete once every consequence has been
/// handled (a stop completes when the stop signal is sent, not when the child is gone; watch <see cref="Events"/> for that).
/// Events are raised on the engine loop: a subscriber must not block, and must not wait synchronously for a command.
/// </summary>
public sealed partial class Supervisor : ISupervisorClient, IAsyncDisposable
{
    private readonly SupervisorEngine _engine;
    private readonly ConfigReloader _reloader;
    private readonly BehaviorSubject<TuiConfig> _configs;
    private readonly ProcessWatchers? _processWatchers;
    private readonly ConfigFileWatch? _configWatch;
    private int _disposed;

    public Supervisor(TuiConfig config, SupervisorOptions options)
    {
        _engine = new SupervisorEngine(config, options);
        _configs = new BehaviorSubject<TuiConfig>(config);
        _reloader = new ConfigReloader(_engine, ConfigLoader.Load);
        _reloader.Reloaded += OnReloaded;
        if (options.FileWatcher is not { } watcher) return;
        _processWatchers = new ProcessWatchers(watcher, options.Scheduler, _engine);
        _processWatchers.Apply(config);
        if (options.WatchConfig) _configWatch = new ConfigFileWatch(config, watcher, options.Scheduler, _reloader);
    }

    public string ConfigPath => _engine.Config.SourcePath;
    public TuiConfig Config => _engine.Config;
    public IObservable<SupervisorEvent> Events => _engine.Events;
    public IObservable<ImmutableArray<ProcessSnapshot>> Snapshots => _engine.Snapshots;
    public IObservable<LogLine> Logs => _engine.Logs;
    public IObservable<ProcessStats> Stats => _engine.Stats;
    public ImmutableArray<ProcessSnapshot> Current => _engine.Current;

    /// <summary>The named process's entry in <see cref="Current"/>, or null; O(1) however large the set.</summary>
    public ProcessSnapshot? CurrentOf(string name) => _engine.CurrentOf(name);

    /// <summary>The running configuration: the current one at once, then each one a reload applies (groups, theme, keys).</summary>
    public IObservable<TuiConfig> Configs => _configs;

    public IReadOnlyList<LogLine> RecentLogs(string process, int max) => _engine.RecentLogs(process, max);
    public IReadOnlyList<ProcessStats> StatsHistory(string process) => _engine.StatsHistory(process);

    /// <summary>Starts every process with autostart = true (and what they depend on), dependencies first.</summary>
    public Task<CommandResult> StartAsync() => _engine.StartAutostart();

    public Task<CommandResult> StartAsync(ProcessTarget target) => _engine.Start(target);
    public Task<CommandResult> StopAsync(ProcessTarget target) => _engine.Stop(target);
    public Task<CommandResult> RestartAsync(ProcessTarget target) => _engine.Restart(target);
    public Task<CommandResult> PauseAsync(ProcessTarget target) => _engine.Pause(target);
    public Task<CommandResult> ResumeAsync(ProcessTarget target) => _engine.Resume(target);

    /// <summary>
    /// Reads the config file again and applies it: added processes start (by autostart), removed ones stop, changed
    /// ones restart, unchanged ones keep their run. An invalid file changes nothing and is reported as a
    /// <see cref="ConfigError"/> (file:line:col). Affected lists the added, removed and changed processes.
    /// </summary>
    public async Task<CommandResult> ReloadAsync()
    {
        var result = await _reloader.ReloadAsync().ConfigureAwait(false);
        return result.Diff is { } diff
            ? new CommandResult(true, [.. diff.Added, .. diff.Removed, .. diff.Changed])
            : CommandResult.Fail(result.Error!);
    }

    /// <summary>
    /// tui run: adds a job to the running set and starts it (argv executed directly, in <paramref name="cwd"/> or the
    /// config's folder, with the global env, restart "no" or "on-failure", group "adhoc"). A later reload keeps it.
    /// A name already in the set is refused.
    /// </summary>
    public Task<CommandResult> RunAdHocAsync(AdHocJob job) => _engine.RunAdHoc(job);

    /// <summary>
    /// tui send, the monitor's input mode: writes <paramref name="text"/> (UTF-8, nothing added, at most
    /// <see cref="Processes.ChildInput.MaxWriteBytes"/> bytes) to the process's stdin pipe (stdin = true) or pty (tty = true).
    /// Fails with a reason for an unknown or stopped process, one without stdin, and one that does not read its input.
    /// </summary>
    public Task<CommandResult> SendInputAsync(string process, string text) => _engine.SendInput(process, text);

    /// <summary>
    /// Stops every child in reverse dependency order, SIGKILLs what is left after settings.shutdown_timeout,
    /// and completes when no child of any run is alive. Nothing restarts afterwards.
    /// </summary>
    public Task ShutdownAsync() => _engine.Shutdown();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        // No restart or reload may begin while everything stops.
        _configWatch?.Dispose();
        _processWatchers?.Dispose();
        await _engine.Shutdown().ConfigureAwait(false);
        _engine.Dispose();
        _configs.OnCompleted();
    }

    private void OnReloaded(TuiConfig config)
    {
        _processWatchers?.Apply(config);
        _configs.OnNext(config);
    }
}
