using System.Reactive.Concurrency;
using Tui.Core.Config;
using Tui.Core.Health.Probes;
using Tui.Core.Supervision;

namespace Tui.Core.Health;

/// <summary>
/// The health of one run: its readiness check (a probe, or a line of output), its liveness check, its heartbeat
/// watchdog and, with notify = true, READY=1. Combines them into one <see cref="RunHealthReport"/> (sent when it
/// changes) and asks for a restart when liveness fails its retries or the watchdog expires (once per run).
/// Every member must run on the run's <see cref="SerialWork"/>; the probe loops and the watchdog post their results there.
/// </summary>
internal sealed class RunHealth : IDisposable
{
    private readonly ProcessConfig _process;
    private readonly SerialWork _work;
    private readonly Action<RunReport> _emit;
    private readonly Action<ProbeAttempt> _attempted;
    private readonly CheckTracker? _readiness;
    private readonly CheckTracker? _liveness;
    private readonly ProbeLoop? _readinessLoop;
    private readonly ProbeLoop? _livenessLoop;
    private readonly HeartbeatWatchdog? _watchdog;
    private readonly bool _waitsForOutput;
    private bool _outputSeen;
    private bool _notifyReady;
    private bool _restartAsked;
    private string? _lastFailure;
    private RunHealthReport? _last;
    private bool _disposed;

    /// <param name="probeFor">Makes the probe of a spec (null for an output probe).</param>
    /// <param name="attempted">Told of every probe attempt once it is recorded (its next attempt is already scheduled).</param>
    public RunHealth(ProcessConfig process, DateTimeOffset runStart, IScheduler clock, ProbeThrottle throttle, SerialWork work,
        Func<ProbeSpec, IProbe?> probeFor, Action<RunReport> emit, Action<ProbeAttempt> attempted)
    {
        _process = process;
        _work = work;
        _emit = emit;
        _attempted = attempted;
        if (process.Readiness is { } readiness)
        {
            _readiness = new CheckTracker(readiness, runStart);
            if (probeFor(readiness.Probe) is { } probe)
                _readinessLoop = new ProbeLoop(probe, readiness, clock, throttle, result => work.Post(() => OnResult(_readiness, "readiness", result, clock.Now)));
            else
                _waitsForOutput = true;
        }
        if (process.Liveness is { } liveness && probeFor(liveness.Probe) is { } livenessProbe)
        {
            _liveness = new CheckTracker(liveness, runStart);
            _livenessLoop = new ProbeLoop(livenessProbe, liveness, clock, throttle, result => work.Post(() => OnResult(_liveness, "liveness", result, clock.Now)));
        }
        if (process.HeartbeatTimeout is { } timeout)
            _watchdog = new HeartbeatWatchdog(timeout, clock, work.Post, OnWatchdog);
    }

    /// <summary>The output pattern that makes the run ready; null when readiness is not an output probe.</summary>
    public string? OutputPattern => _waitsForOutput ? ((ProbeSpec.Output)_process.Readiness!.Probe).Pattern : null;

    /// <summary>True when nothing reports health: the run is ready as soon as it runs and shows no health.</summary>
    private bool Silent => _readiness is null && _liveness is null && _watchdog is null && !_process.Notify;

    /// <summary>
    /// Starts the probes and the watchdog at once, on the caller's thread, so that their first timers are on the clock
    /// when the caller returns; the first report follows on the run's work queue. What the run already said before a
    /// pause (its output line, READY=1) is given here, so that a resumed run does not look like a new one.
    /// </summary>
    public void Start(bool outputSeen, bool notifyReady)
    {
        _outputSeen |= outputSeen;
        _notifyReady |= notifyReady;
        _readinessLoop?.Start();
        _livenessLoop?.Start();
        _watchdog?.Start();
        _work.Post(Publish);
    }

    /// <summary>A line matching the output pattern was printed.</summary>
    public void OnOutputMatched()
    {
        if (_outputSeen) return;
        _outputSeen = true;
        Publish();
    }

    /// <summary>A heartbeat (or WATCHDOG=1) came.</summary>
    public void OnHeartbeat() => _watchdog?.Beat();

    /// <summary>READY=1 came.</summary>
    public void OnNotifyReady()
    {
        if (_notifyReady) return;
        _notifyReady = true;
        Publish();
    }

    public void Dispose()
    {
        _disposed = true;
        _readinessLoop?.Dispose();
        _livenessLoop?.Dispose();
        _watchdog?.Dispose();
    }

    private void OnResult(CheckTracker tracker, string check, ProbeResult result, DateTimeOffset at)
    {
        if (_disposed) return;
        if (!result.Healthy) _lastFailure = result.Detail;
        if (tracker.Record(result, at))
        {
            if (tracker == _liveness && tracker.Verdict == false)
                AskRestart($"liveness failed {tracker.Failures} times in a row: {tracker.LastFailure}");
            Publish();
        }
        _attempted(new ProbeAttempt(_process.Name, check, result, at));
    }

    private void OnWatchdog(WatchdogStage stage)
    {
        if (_disposed) return;
        if (stage != WatchdogStage.Fresh) _lastFailure = $"no heartbeat for {DurationText.Format(_watchdog!.Silence)}";
        if (stage == WatchdogStage.Expired) AskRestart(_lastFailure!);
        Publish();
    }

    private void AskRestart(string reason)
    {
        if (_restartAsked) return;
        _restartAsked = true;
        _emit(new RunActionRequest(RunAction.Restart, reason));
    }

    private void Publish()
    {
        if (_disposed) return;
        var report = Compute();
        if (report == _last) return;
        _last = report;
        _emit(report);
    }

    private RunHealthReport Compute()
    {
        if (Silent) return new RunHealthReport(true, null, null, null);
        var (status, text) = Describe();
        var ready = ReadinessHolds && (!_process.Notify || _notifyReady) && status != HealthStatus.Unhealthy;
        return new RunHealthReport(ready, status, text, _lastFailure);
    }

    private bool ReadinessHolds => _readiness is null || (_waitsForOutput ? _outputSeen : _readiness.Verdict == true);

    private (HealthStatus, string) Describe()
    {
        var watchdog = _watchdog?.Stage ?? WatchdogStage.Fresh;
        if (watchdog >= WatchdogStage.Unhealthy) return (HealthStatus.Unhealthy, $"unhealthy: no heartbeat for {DurationText.Format(_watchdog!.Silence)}");
        if (_liveness is { Verdict: false }) return (HealthStatus.Unhealthy, $"unhealthy: {_liveness.LastFailure}");
        if (_readiness is { Verdict: false }) return (HealthStatus.Unhealthy, $"unhealthy: {_readiness.LastFailure}");
        if (watchdog == WatchdogStage.Stale) return (HealthStatus.Stale, $"stale: no heartbeat for {DurationText.Format(_watchdog!.Silence)}");
        if (!ReadinessHolds)
        {
            if (_waitsForOutput) return (HealthStatus.Starting, $"starting: waiting for /{OutputPattern}/");
            return (HealthStatus.Starting, _readiness!.LastFailure is { } failure ? $"starting: {failure}" : "starting");
        }
        if (_process.Notify && !_notifyReady) return (HealthStatus.Starting, "starting: waiting for READY=1");
        foreach (var tracker in new[] { _liveness, _readiness })
        {
            if (tracker is { Failures: > 0 })
                return (HealthStatus.Failing, $"failing {tracker.Failures}/{tracker.Check.Retries}: {tracker.LastFailure}");
        }
        return (HealthStatus.Healthy, "healthy");
    }
}
