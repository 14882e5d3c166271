using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Tui.Core.Processes;

namespace Tui.Core.Supervision;

/// <summary>
/// The actor's side of <see cref="IRunMonitor"/>: applying what a run's monitor reports (readiness and health,
/// progress, status, events) and acting on what it asks (a restart through the restart policy, or a stop).
/// </summary>
internal sealed partial class ProcessActor
{
    private double? _progress;
    private string? _statusText;
    private HealthStatus? _healthStatus;
    private int _watchedRun;

    /// <summary>Why Tui is stopping the current run so that its policy restarts it (a limit, liveness, the watchdog); null when it is not.</summary>
    private string? _recycleReason;

    private void WatchRun(IChildProcess child, IRunMonitor monitor)
    {
        if (_watchedRun != _run)
        {
            // A new run starts with a clean slate; a resumed one keeps what it reported.
            _watchedRun = _run;
            _progress = null;
            _statusText = null;
            _healthStatus = null;
            _recycleReason = null;
        }
        var name = Name;
        var context = new RunContext(Config, child.Pid, _run, _runStartedOnClock, _runEnvironment, Log,
            _host.Stats.Where(s => s.Process == name));
        _readiness.Disposable = monitor.Watch(context).Subscribe(
            report => _host.Post(() => OnRunReport(child, report)),
            error => _host.Post(() => _host.Publish(new Notice(_host.Clock.Now, Name, NoticeLevel.Error, $"monitor failed: {error.Message}"))));
    }

    private void OnRunReport(IChildProcess child, RunReport report)
    {
        if (child != _child) return;
        switch (report)
        {
            case RunHealthReport health:
                ApplyHealth(health);
                break;
            case RunProgressReport progress when progress.Progress != _progress:
                _progress = progress.Progress;
                _host.OnDetailChanged(this);
                break;
            case RunStatusReport status when status.Text != _statusText:
                _statusText = status.Text;
                _host.OnDetailChanged(this);
                break;
            case RunActionRequest request:
                Act(child, request);
                break;
            case RunEventReport { Event: var @event }:
                if (@event is Notice notice) Log.WriteSystem(notice.Message);
                _host.Publish(@event);
                break;
        }
    }

    private void ApplyHealth(RunHealthReport report)
    {
        if (report.Text != _health || report.Status != _healthStatus)
        {
            _health = report.Text;
            _healthStatus = report.Status;
            _host.OnDetailChanged(this);
            if (report is { Status: { } status, Text: { } text })
                _host.Publish(new HealthChanged(_host.Clock.Now, Name, status, text, report.LastFailure));
        }
        if (report.Ready) Fire(Trigger.ReadinessPassed, report.Text ?? "ready");
        else Fire(Trigger.ReadinessLost, report.Text ?? "not ready");
    }

    private void Act(IChildProcess child, RunActionRequest request)
    {
        if (State is not (ProcessState.Starting or ProcessState.Running or ProcessState.Ready) || PendingStop is not null) return;
        switch (request.Action)
        {
            case RunAction.Stop:
                Log.WriteSystem($"stopping: {request.Reason}");
                StartWhenStopped = null;
                PendingStop = request.Reason; // the engine sends it once no dependant is on its way down
                break;
            case RunAction.Restart when _recycleReason is null:
                _recycleReason = request.Reason;
                Log.WriteSystem($"restarting: {request.Reason}: {Signals.Name(Config.StopSignal)}");
                child.SignalGroup(Config.StopSignal);
                _timer.Disposable = _host.Clock.Schedule(Config.StopTimeout, () => _host.Post(() => OnRecycleTimeout(child)));
                break;
        }
    }

    private void OnRecycleTimeout(IChildProcess child)
    {
        if (child != _child || _recycleReason is null || !State.IsAlive() || State == ProcessState.Stopping) return;
        Log.WriteSystem($"still running {DurationText.Format(Config.StopTimeout)} after {Signals.Name(Config.StopSignal)}: SIGKILL");
        child.SignalGroup(Signals.SIGKILL);
    }

    /// <summary>An exit Tui caused to restart the run reads as its cause ("restarted: memory 530 MB > 512 MB"), not as a crash.</summary>
    private ExitDecision ExplainRecycle(ExitDecision decision) => _recycleReason is not { } why
        ? decision
        : decision with { Reason = decision.Trigger == Trigger.ExitRestart ? $"restarted: {why}" : $"{why}: {decision.Reason}" };

    private string RestartCause(ExitStatus status) => _recycleReason ?? $"crash: {status}";
}
