using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace Tui.Core.Health;

/// <summary>How long a child has been silent, in steps of heartbeat_timeout.</summary>
public enum WatchdogStage
{
    /// <summary>A heartbeat came within the timeout (or the run is younger than it).</summary>
    Fresh,
    /// <summary>Silent for one timeout: shown, nothing done yet (a long GC pause or a busy moment).</summary>
    Stale,
    /// <summary>Silent for two timeouts: not ready any more (dependants waiting for healthy see it).</summary>
    Unhealthy,
    /// <summary>Silent for three timeouts: the process is restarted by its policy.</summary>
    Expired,
}

/// <summary>
/// The heartbeat watchdog of one run: each missed <c>heartbeat_timeout</c> moves the stage on (stale, unhealthy,
/// expired); a heartbeat brings it back to fresh and starts the count again. The first timeout counts from the
/// run's start. Timers run on the injected scheduler; stage changes are reported through <c>onStage</c>.
/// Not thread-safe: <see cref="Beat"/> and the timers' callbacks must be serialised by the caller (the timer
/// callback only posts through <c>post</c>).
/// </summary>
internal sealed class HeartbeatWatchdog(TimeSpan timeout, IScheduler clock, Action<Action> post, Action<WatchdogStage> onStage) : IDisposable
{
    private readonly SerialDisposable _timer = new();
    private int _generation;
    private bool _disposed;

    public TimeSpan Timeout => timeout;
    public WatchdogStage Stage { get; private set; }

    /// <summary>How long the child has been silent at the current stage, for the reason shown.</summary>
    public TimeSpan Silence => Stage switch
    {
        WatchdogStage.Stale => timeout,
        WatchdogStage.Unhealthy => timeout * 2,
        WatchdogStage.Expired => timeout * 3,
        _ => TimeSpan.Zero,
    };

    public void Start() => Arm();

    public void Beat()
    {
        if (_disposed) return;
        Arm();
        if (Stage == WatchdogStage.Fresh) return;
        Stage = WatchdogStage.Fresh;
        onStage(Stage);
    }

    public void Dispose()
    {
        _disposed = true;
        _timer.Dispose();
    }

    private void Arm()
    {
        var generation = ++_generation;
        _timer.Disposable = clock.Schedule(timeout, () => post(() => OnMissed(generation)));
    }

    private void OnMissed(int generation)
    {
        // A heartbeat that came while this timer was on its way re-armed the watchdog: this miss is stale news.
        if (_disposed || generation != _generation || Stage == WatchdogStage.Expired) return;
        Stage++;
        onStage(Stage);
        if (Stage != WatchdogStage.Expired) Arm();
    }
}
