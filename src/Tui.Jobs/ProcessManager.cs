using System.Reactive.Concurrency;
using Tui.Core.Config;
using Tui.Core.Control.Server;
using Tui.Core.Health;
using Tui.Core.Logs;
using Tui.Core.Processes;
using Tui.Core.Stats;
using Tui.Core.Supervision;
using Tui.Storage.Recording;

namespace Tui.Jobs;

/// <summary>
/// Runs and watches processes from code with Tui's engine: spawn, list, status, output, follow, stop, restart, wait
/// and typed events. <see cref="Create"/> starts empty; <see cref="FromFile"/> runs a processes.toml; both are the
/// same engine, and processes spawned from code join the file's in one set. Thread-safe. Disposing it stops every
/// process (SIGKILL after <see cref="ProcessManagerOptions.ShutdownTimeout"/>) and waits until none is left.
/// Linux only.
/// </summary>
public sealed partial class ProcessManager : IAsyncDisposable
{
    private readonly Supervisor _supervisor;
    private readonly ProcessMonitor _monitor;
    private readonly EngineFeed _feed;
    private readonly EndWaiters _ends;
    private readonly HistoryRecorder? _history;
    private readonly ControlServer? _control;
    private int _disposed;

    private ProcessManager(TuiConfig config, ProcessManagerOptions options)
    {
        Clock = options.Scheduler ?? DefaultScheduler.Instance;
        _monitor = ProcessMonitor.For(config, Clock);
        _supervisor = new Supervisor(config, new SupervisorOptions(new PosixProcessLauncher(), Clock)
        {
            StatsSource = new ProcStatsSource(),
            Monitor = _monitor,
            Log = LogOptions.From(config.Settings, config.Settings.LogDirectory),
        });
        _feed = new EngineFeed(_supervisor);
        _ends = new EndWaiters(_supervisor, _feed);
        try
        {
            if (config.Settings.HistoryPath is { } history)
            {
                _history = new HistoryRecorder(history, Clock);
                _history.Attach(_supervisor);
            }
            if (options.ControlSocket) _control = ControlHost.Serve(config.SourcePath, _supervisor, () => StopAllAsync());
        }
        catch
        {
            _history?.Dispose();
            _ends.Dispose();
            _feed.Dispose();
            _monitor.Dispose();
            throw;
        }
    }

    /// <summary>The engine underneath, for tests of what reaches its configuration (not part of the public surface).</summary>
    internal Supervisor Engine => _supervisor;

    /// <summary>The manager's clock (the one given to <see cref="ProcessManagerOptions.WithScheduler"/>, or real time).</summary>
    public IScheduler Clock { get; }

    /// <summary>The path that names the manager: the config file, or for <see cref="Create"/> its name in its working directory (what <c>tui ps -c</c> takes).</summary>
    public string ConfigPath => _supervisor.ConfigPath;

    /// <summary>The control socket it serves (with <see cref="ProcessManagerOptions.WithControlSocket"/>); null when it serves none.</summary>
    public string? ControlSocketPath => _control?.SocketPath;

    /// <summary>
    /// Every process's events as records (started, ready, stopped, completed, failed, restarting, stale, limit exceeded,
    /// progress, custom). Hot: a subscriber sees what happens after it subscribed. Raised on the engine's thread: a
    /// handler must be quick and must not wait for the manager's calls.
    /// </summary>
    public IObservable<JobEvent> Events => _feed.Events;

    /// <summary>
    /// A manager with no processes yet; spawn them with <see cref="SpawnAsync"/>.
    /// <c>ProcessManager.Create(o => o.WithLogDirectory("logs").WithHistory("jobs.db").WithMaxConcurrent(8))</c>.
    /// </summary>
    /// <exception cref="JobException">The control socket was asked for and another manager of the same name serves it.</exception>
    public static ProcessManager Create(Func<ProcessManagerOptions, ProcessManagerOptions>? configure = null)
    {
        var options = Configure(configure);
        var settings = Settings.Default with
        {
            LogDirectory = options.LogDirectory,
            HistoryPath = options.HistoryPath,
            ShutdownTimeout = options.ShutdownTimeout,
            Pool = PoolSettings.Unlimited with { MaxConcurrentJobs = options.MaxConcurrentJobs },
        };
        var config = new TuiConfig(Path.Combine(options.WorkingDirectory, options.Name), settings, options.Environment, [],
            System.Collections.Immutable.ImmutableDictionary<string, string>.Empty, []);
        var manager = new ProcessManager(config, options);
        // The set is empty, so nothing starts; the engine is started all the same, which arms the schedules of jobs spawned later.
        _ = manager._supervisor.StartAsync();
        return manager;
    }

    /// <summary>
    /// A manager running the processes of a Tui config file: those with autostart start now, dependencies first.
    /// Options given here override the file's settings (log folder, history, pool) when set; the file names the
    /// manager (its path is what <c>tui -c</c> takes) and its processes' folder, so the name and working directory options do not apply.
    /// </summary>
    /// <exception cref="JobException">The file is missing or invalid (the message names file:line:col and what is wrong).</exception>
    public static ProcessManager FromFile(string path, Func<ProcessManagerOptions, ProcessManagerOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var options = Configure(configure);
        TuiConfig config;
        try
        {
            config = ConfigLoader.Load(path);
        }
        catch (ConfigException e)
        {
            throw new JobException(e.Message, e);
        }
        var settings = config.Settings;
        config = config with
        {
            Env = config.Env.SetItems(options.Environment),
            Settings = settings with
            {
                LogDirectory = options.LogDirectory ?? settings.LogDirectory,
                HistoryPath = options.HistoryPath ?? settings.HistoryPath,
                Pool = options.MaxConcurrentJobs is { } max ? settings.Pool with { MaxConcurrentJobs = max } : settings.Pool,
            },
        };
        var manager = new ProcessManager(config, options);
        _ = manager._supervisor.StartAsync(); // commands queue behind it on the engine loop
        return manager;
    }

    /// <summary>Stops every process (as <see cref="StopAllAsync"/> would, SIGKILL after the shutdown timeout), waits until none is left, and lets go of files and sockets.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        if (_control is not null) await _control.DisposeAsync().ConfigureAwait(false);
        await _supervisor.DisposeAsync().ConfigureAwait(false);
        _history?.Dispose();
        _ends.Dispose();
        _feed.Dispose();
        _monitor.Dispose();
    }

    private static ProcessManagerOptions Configure(Func<ProcessManagerOptions, ProcessManagerOptions>? configure) =>
        configure?.Invoke(ProcessManagerOptions.Default) ?? ProcessManagerOptions.Default;
}
