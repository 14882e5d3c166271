using System.Collections.Immutable;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Tui.Core.Config;
using Tui.Core.Logs;
using Tui.Core.Processes;

namespace Tui.Core.Supervision;

/// <summary>
/// One supervised process: its state machine, its current child, its restart policy and timers, its log.
/// Every member runs on the engine loop; callbacks from other threads (exit, timers, readiness) are posted back
/// to it and check that they still concern the current run, so a late callback of an old run changes nothing.
/// Decisions that involve other processes (dependencies, stop order) belong to the engine, not here.
/// </summary>
internal sealed partial class ProcessActor : IDisposable
{
    private readonly IActorHost _host;
    private readonly ProcessStateMachine _machine;
    private readonly SerialDisposable _timer = new();
    private readonly SerialDisposable _readiness = new();

    private IChildProcess? _child;
    private int _run;
    private DateTimeOffset _runStartedOnClock;
    private DateTimeOffset? _startedAt;
    private int _restarts;
    private ExitStatus? _lastExit;
    private DateTimeOffset? _nextRestartAt;
    private string? _health;
    private RestartHistory _history = RestartHistory.Empty;
    private bool _killedAfterStopTimeout;

    public ProcessActor(ProcessConfig config, IActorHost host)
    {
        _host = host;
        Config = config;
        _machine = new ProcessStateMachine(config.Name, config.Disabled ? ProcessState.Disabled : ProcessState.Pending, host.Clock);
        Log = host.CreateLog(config.Name);
    }

    public ProcessConfig Config { get; private set; }
    public string Name => Config.Name;
    public ProcessState State => _machine.State;
    public string? Reason => _machine.Reason;

    /// <summary>Kept across restarts: one log per process for the whole session.</summary>
    public ProcessLog Log { get; }

    /// <summary>A stop that waits until this process's dependants have stopped; null when none is pending.</summary>
    public string? PendingStop
    {
        get => _pendingStop;
        set
        {
            if (Counted && (value is null) != (_pendingStop is null)) _host.Attention.PendingStops += value is null ? -1 : 1;
            _pendingStop = value;
        }
    }

    /// <summary>Start again once the current stop has completed (restart command, changed config).</summary>
    public string? StartWhenStopped
    {
        get => _startWhenStopped;
        set
        {
            if (Counted && (value is null) != (_startWhenStopped is null)) _host.Attention.StartsWhenStopped += value is null ? -1 : 1;
            _startWhenStopped = value;
        }
    }

    private string? _pendingStop;
    private string? _startWhenStopped;

    /// <summary>True while the engine's <see cref="AttentionCounts"/> include this process (until it leaves the set).</summary>
    public bool Counted { get; set; } = true;

    /// <summary>Why a waiting process was asked to start, used when its dependencies are met.</summary>
    public (string Reason, bool CountsAsRestart) WaitingStart { get; set; }

    /// <summary>
    /// This process as a record. The last one is handed out again while nothing in it changed: the engine publishes
    /// every process's snapshot after each settle that changed some detail, and with a set of 1,000 jobs building them
    /// afresh was most of what the engine allocated (200 KB per job of a pool run).
    /// </summary>
    public ProcessSnapshot Snapshot()
    {
        var nextRunAt = State == ProcessState.Disabled ? null : NextRunAt;
        if (_lastSnapshot is { } last && IsCurrent(last, nextRunAt)) return last;
        return _lastSnapshot = new(
            Config, State, _child?.Pid, _startedAt, _machine.Since, _restarts, _lastExit, _machine.Reason, _nextRestartAt, _health, _progress, _statusText)
        {
            NextRunAt = nextRunAt,
            QueuePosition = QueuePosition,
        };
    }

    private ProcessSnapshot? _lastSnapshot;

    /// <summary>
    /// Where the engine last placed this actor in its list and in the published snapshot: a hint, checked before use
    /// (also by <see cref="SupervisorEngine.CurrentOf"/> on other threads, hence only ever a whole int).
    /// </summary>
    public int ListIndex { get; set; } = -1;

    /// <summary>Field by field, without building a record; the config by reference, as a reload replaces it and never mutates it.</summary>
    private bool IsCurrent(ProcessSnapshot last, DateTimeOffset? nextRunAt) =>
        ReferenceEquals(last.Config, Config) && last.State == State && last.Pid == _child?.Pid && last.StartedAt == _startedAt
        && last.StateSince == _machine.Since && last.Restarts == _restarts && last.LastExit == _lastExit
        && last.Reason == _machine.Reason && last.NextRestartAt == _nextRestartAt
        && last.Health == _health && last.Progress == _progress && last.StatusText == _statusText
        && last.NextRunAt == nextRunAt && last.QueuePosition == QueuePosition;

    /// <summary>Fires a trigger; false (and nothing changes) when the table refuses it in the current state.</summary>
    public bool Fire(Trigger trigger, string reason) => Fire(trigger, reason, _child?.Pid);

    /// <summary>A waiting process now waits for something else: the reason changes, the state does not.</summary>
    public void Explain(string reason)
    {
        if (reason == _machine.Reason) return;
        _machine.Explain(reason);
        _host.OnDetailChanged(this);
    }

    /// <summary>Replaces the config (a reload changed something that needs no new run, or the process is down).</summary>
    public void Reconfigure(ProcessConfig config)
    {
        Config = config;
        _host.OnDetailChanged(this);
    }

    /// <summary>
    /// Starts a new run now. A command that cannot start moves the process to Failed with the launcher's reason.
    /// A launcher whose start blocks (a real spawn) runs off the loop: the process is Starting, without a pid, until
    /// <see cref="OnLaunched"/>; a stop or kill meanwhile reaches the child as soon as it exists.
    /// </summary>
    public void Spawn(string reason, bool countsAsRestart)
    {
        CancelTimer();
        var launch = new Launch(BuildLaunchSpec(), reason, countsAsRestart);
        if (!_host.Launcher.StartBlocks)
        {
            OnLaunched(launch, TryStart(launch.Spec));
            return;
        }
        _launch = launch;
        Fire(Trigger.Spawned, reason);
        _host.LaunchOffLoop(() =>
        {
            var started = TryStart(launch.Spec);
            return () => OnLaunched(launch, started);
        }, launch.Done.Task);
    }

    private (IChildProcess? Child, string? Error) TryStart(LaunchSpec spec)
    {
        try
        {
            return (_host.Launcher.Start(spec), null);
        }
        catch (LaunchException error)
        {
            return (null, error.Message);
        }
        catch (Exception error)
        {
            // A launcher must throw only LaunchException; one that does not fails this start, and off the loop it
            // would otherwise end the whole process.
            return (null, $"the launcher failed: {error.Message}");
        }
    }

    private void OnLaunched(Launch launch, (IChildProcess? Child, string? Error) started)
    {
        var offLoop = ReferenceEquals(_launch, launch);
        if (offLoop)
        {
            _launch = null;
            _host.AfterSettle(() => launch.Done.TrySetResult());
        }
        if (_disposed)
        {
            started.Child?.Dispose(); // the process left the set meanwhile: its run must not outlive it (Dispose SIGKILLs the group)
            return;
        }
        if (started.Child is not { } child)
        {
            Log.WriteSystem($"could not start: {started.Error}");
            if (State == ProcessState.Stopping) Fire(Trigger.ExitAfterStop, $"{_machine.Reason}: it could not start");
            else Fire(Trigger.LaunchFailed, started.Error!);
            return;
        }

        _child = child;
        _runEnvironment = launch.Spec.Environment;
        _run++;
        if (launch.CountsAsRestart) _restarts++;
        _runStartedOnClock = _host.Clock.Now;
        _startedAt = child.StartedAt;
        _health = null;
        _killedAfterStopTimeout = false;
        if (!offLoop) Fire(Trigger.Spawned, launch.Reason);
        _host.Publish(new ProcessStarted(_host.Clock.Now, Name, child.Pid, _run));
        Log.WriteSystem($"started: pid {child.Pid}, run {_run} ({launch.Reason}): {Config.Command.Display}");
        _host.TrackRun(Name, child.Pid);

        // A stop asked for while the child was being started is sent now; the run is never watched for readiness.
        var stopAsked = State == ProcessState.Stopping;
        if (!stopAsked)
        {
            Fire(Trigger.Alive, $"pid {child.Pid}");
            // Watched before the output is read, so that a watcher of the output (an output probe, stdout markers) sees the first line.
            WatchReadiness(child);
        }

        var reading = Log.Attach(child.Stdout, child.Stderr);
        // Posting is cheap and never blocks, so it may run on whatever thread completes the exit.
        child.Exited.ContinueWith(
            exited => ReportExitOnceRead(child, exited.IsCompletedSuccessfully ? exited.Result : UnknownExit, reading),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        // The pipes may stay open after the leader exits (until the group is killed): dispose only when both are done.
        Task.WhenAll(child.Exited, reading).ContinueWith(_ => child.Dispose(), TaskScheduler.Default);

        if (!stopAsked) return;
        SendStop(child, wasPaused: false, _machine.Reason ?? "stop");
        if (launch.KillReason is { } why) Kill(why);
    }

    /// <summary>A start whose child is being spawned off the loop, with what its run needs once the child exists.</summary>
    private sealed class Launch(LaunchSpec spec, string reason, bool countsAsRestart)
    {
        public LaunchSpec Spec { get; } = spec;
        public string Reason { get; } = reason;
        public bool CountsAsRestart { get; } = countsAsRestart;

        /// <summary>Why a kill came while the child was being spawned (it gets SIGKILL as soon as it exists), or null.</summary>
        public string? KillReason { get; set; }

        /// <summary>Completes once the launch has been handled on the loop (and the engine has settled).</summary>
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The start under way off the loop, or null.</summary>
    private Launch? _launch;

    private bool _disposed;

    /// <summary>
    /// The exit reaches the loop only once the run's output is read to its end, so that whoever sees a process down
    /// (a wait, a client reading the log next) finds every line it wrote before the exit line.
    /// The leader is reaped on another thread than its pipes are read on, so without this the exit often came first.
    /// </summary>
    private void ReportExitOnceRead(IChildProcess child, ExitStatus status, Task reading)
    {
        if (reading.IsCompleted || _host.OutputGrace == TimeSpan.Zero)
        {
            _host.Post(() => OnExited(child, status));
            return;
        }
        // What the leader left in its group holds the pipes open: it goes now, as OnExited would send it anyway.
        child.SignalGroup(Signals.SIGKILL);
        _host.Post(() => AwaitOutput(child, status, reading));
    }

    /// <summary>
    /// On the loop: the exit is reported when the output ends, or once the output grace has run out on the engine's
    /// clock (a descendant that left the group may hold the pipes for ever), whichever comes first.
    /// </summary>
    private void AwaitOutput(IChildProcess child, ExitStatus status, Task reading)
    {
        if (child != _child) return;
        var reported = 0;
        void Report()
        {
            if (Interlocked.Exchange(ref reported, 1) == 0) _host.Post(() => OnExited(child, status));
        }
        var grace = _host.Clock.Schedule(_host.OutputGrace, Report);
        reading.ContinueWith(_ =>
        {
            grace.Dispose();
            Report();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The environment the latest run was started with, which its monitor is given (built once per run).</summary>
    private IReadOnlyDictionary<string, string> _runEnvironment = ImmutableDictionary<string, string>.Empty;

    public bool Pause()
    {
        if (_child is not { } child || !Fire(Trigger.Pause, "user pause")) return false;
        _readiness.Disposable = null;
        child.SignalGroup(Signals.SIGSTOP);
        Log.WriteSystem("paused (SIGSTOP)");
        return true;
    }

    public bool Resume()
    {
        if (_child is not { } child || !Fire(Trigger.Resume, "user resume")) return false;
        child.SignalGroup(Signals.SIGCONT);
        Log.WriteSystem("resumed (SIGCONT)");
        WatchReadiness(child); // readiness is asked again: a long pause may have broken connections
        return true;
    }

    /// <summary>
    /// Stops now: a waiting or backing-off process just becomes Stopped; a live one gets its stop signal and, after
    /// stop_timeout, SIGKILL on its whole group.
    /// </summary>
    public bool Stop(string reason)
    {
        if (State.IsAboutToStart())
        {
            CancelTimer();
            return Fire(Trigger.StopRequested, reason);
        }
        // A child on its way gets its stop signal as soon as it exists (OnLaunched).
        if (_launch is not null) return Fire(Trigger.StopRequested, reason);
        if (_child is not { } child) return false;
        var wasPaused = State == ProcessState.Paused;
        if (!Fire(Trigger.StopRequested, reason)) return false;
        SendStop(child, wasPaused, reason);
        return true;
    }

    private void SendStop(IChildProcess child, bool wasPaused, string reason)
    {
        _readiness.Disposable = null;
        child.SignalGroup(Config.StopSignal);
        // A stopped group cannot act on its stop signal until it is continued; the signal stays pending until then.
        if (wasPaused) child.SignalGroup(Signals.SIGCONT);
        Log.WriteSystem($"stopping ({reason}): {Signals.Name(Config.StopSignal)}");
        _timer.Disposable = _host.Clock.Schedule(Config.StopTimeout, () => _host.Post(() => OnStopTimeout(child)));
    }

    /// <summary>SIGKILLs the current run's whole group (shutdown deadline, or a forced stop); the exit arrives as usual.</summary>
    public void Kill(string why = "shutdown deadline")
    {
        if (_launch is { } launch)
        {
            launch.KillReason = why;
            return;
        }
        if (_child is not { } child) return;
        Log.WriteSystem($"{why}: SIGKILL");
        child.SignalGroup(Signals.SIGKILL);
    }

    public void CancelTimer()
    {
        _timer.Disposable = null;
        if (_nextRestartAt is null) return;
        _nextRestartAt = null;
        _host.OnDetailChanged(this);
    }

    public void Dispose()
    {
        _disposed = true;
        _timer.Dispose();
        _scheduleTimer.Dispose();
        _readiness.Dispose();
        _host.Monitor?.Forget(Name);
        Log.Dispose();
    }

    private bool Fire(Trigger trigger, string reason, int? pid)
    {
        var change = _machine.Fire(trigger, reason, pid);
        if (change is null) return false;
        if (change.To.IsDownForGood()) _host.Monitor?.Rest(Name);
        _host.OnStateChanged(this, change);
        return true;
    }

    private void WatchReadiness(IChildProcess child)
    {
        if (_host.Monitor is { } monitor)
        {
            WatchRun(child, monitor);
            return;
        }
        _readiness.Disposable = _host.Readiness.Watch(Config, child.Pid).Subscribe(
            report => _host.Post(() => OnReadiness(child, report)),
            error => _host.Post(() => _host.Publish(new Notice(_host.Clock.Now, Name, NoticeLevel.Error, $"readiness check failed: {error.Message}"))));
    }

    private void OnReadiness(IChildProcess child, ReadinessReport report)
    {
        if (child != _child) return;
        if (report.Health != _health)
        {
            _health = report.Health;
            _host.OnDetailChanged(this);
        }
        if (report.Ready) Fire(Trigger.ReadinessPassed, report.Health ?? "ready");
        else Fire(Trigger.ReadinessLost, report.Health ?? "not ready");
    }

    private void OnStopTimeout(IChildProcess child)
    {
        if (child != _child || State != ProcessState.Stopping) return;
        _killedAfterStopTimeout = true;
        var message = $"still running {DurationText.Format(Config.StopTimeout)} after {Signals.Name(Config.StopSignal)}: SIGKILL";
        Log.WriteSystem(message);
        _host.Publish(new Notice(_host.Clock.Now, Name, NoticeLevel.Warning, message));
        child.SignalGroup(Signals.SIGKILL);
    }

    private void OnExited(IChildProcess child, ExitStatus status)
    {
        if (child != _child) return;
        // The leader is gone; whatever it left in its group goes too, so nothing outlives its run.
        child.SignalGroup(Signals.SIGKILL);
        _child = null;
        _startedAt = null;
        _timer.Disposable = null;
        _readiness.Disposable = null;
        _host.UntrackRun(Name);

        var now = _host.Clock.Now;
        var uptime = now - _runStartedOnClock;
        _lastExit = status;
        _host.Publish(new ProcessExited(now, Name, child.Pid, status, uptime));
        Log.WriteSystem($"exited: {status} after {DurationText.Format(uptime)}");

        if (State == ProcessState.Stopping)
        {
            var how = _killedAfterStopTimeout ? $"{status} after stop_timeout" : status.ToString();
            Fire(Trigger.ExitAfterStop, $"{_machine.Reason}: {how}", child.Pid);
            return;
        }

        // An exit while a stop waits for dependants, or during shutdown, is final: restarting it would fight the stop.
        var restartAllowed = PendingStop is null && !_host.ShuttingDown;
        var decision = RestartPolicyEvaluator.Decide(Config, status, uptime, _history, now, restartAllowed);
        _history = decision.History;
        decision = ExplainRecycle(decision);
        if (decision.Trigger != Trigger.ExitRestart)
        {
            Fire(decision.Trigger, decision.Reason, child.Pid);
            return;
        }

        _nextRestartAt = now + decision.Delay;
        var delayText = DurationText.Format(decision.Delay);
        // The timer first, then the news: whoever sees Backoff (a test moving a virtual clock, a client) may count on the
        // restart being due already. Its action only posts to this loop, so it cannot run before this method ends.
        var run = _run;
        _timer.Disposable = _host.Clock.Schedule(decision.Delay, () => _host.Post(() => OnBackoffElapsed(run)));
        Fire(Trigger.ExitRestart, $"{decision.Reason}; restart {decision.Attempt} in {delayText}", child.Pid);
        _host.Publish(new RestartScheduled(now, Name, decision.Attempt, decision.Delay, RestartCause(status)));
        Log.WriteSystem($"restarting in {delayText} (attempt {decision.Attempt})");
    }

    private void OnBackoffElapsed(int run)
    {
        if (State != ProcessState.Backoff || run != _run) return;
        _nextRestartAt = null;
        _host.OnRestartDue(this);
    }

    private LaunchSpec BuildLaunchSpec()
    {
        var environment = new Dictionary<string, string>(_host.BaseEnvironment);
        foreach (var (key, value) in Config.Env) environment[key] = value;
        foreach (var (key, value) in _host.Monitor?.EnvironmentFor(Config) ?? ImmutableDictionary<string, string>.Empty) environment[key] = value;
        return new LaunchSpec(Config.Command.Argv, Config.Cwd, environment, Config.Tty) { KeepStdinOpen = Config.Stdin };
    }

    /// <summary>Reported when a launcher's exit task faults: the run is over, but how it ended is unknown.</summary>
    private static readonly ExitStatus UnknownExit = new(null, null);
}
