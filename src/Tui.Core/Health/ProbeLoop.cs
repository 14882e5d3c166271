using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Tui.Core.Config;
using Tui.Core.Health.Probes;
using Tui.Core.Supervision;

namespace Tui.Core.Health;

/// <summary>
/// Runs one check's probe for one run: the first attempt one interval after the start, each next attempt one interval
/// after the previous one ended, so attempts of a check never overlap. Every wait is on the injected scheduler: the
/// interval, and the timeout that cuts an attempt (reported as a failure, "timed out after 2s"). A probe that ignores
/// the cancellation is abandoned at its timeout; its throttle slot stays taken until it really ends.
/// </summary>
internal sealed class ProbeLoop : IDisposable
{
    private readonly IProbe _probe;
    private readonly HealthCheckConfig _check;
    private readonly IScheduler _clock;
    private readonly ProbeThrottle _throttle;
    private readonly Action<ProbeResult> _report;
    private readonly CancellationTokenSource _stopped = new();
    private readonly SerialDisposable _timer = new();

    public ProbeLoop(IProbe probe, HealthCheckConfig check, IScheduler clock, ProbeThrottle throttle, Action<ProbeResult> report)
    {
        _probe = probe;
        _check = check;
        _clock = clock;
        _throttle = throttle;
        _report = report;
    }

    public void Start() => ScheduleNext();

    public void Dispose()
    {
        _timer.Dispose();
        try
        {
            _stopped.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>A task that completes after <paramref name="delay"/> on the injected clock (or when the loop stops).</summary>
    private Task Elapsed(TimeSpan delay)
    {
        var elapsed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var timer = _clock.Schedule(delay, () => elapsed.TrySetResult());
        _stopped.Token.Register(() => elapsed.TrySetResult());
        elapsed.Task.ContinueWith(_ => timer.Dispose(), TaskScheduler.Default);
        return elapsed.Task;
    }

    private void ScheduleNext()
    {
        if (_stopped.IsCancellationRequested) return;
        _timer.Disposable = _clock.Schedule(_check.Interval, () => _ = AttemptAsync());
    }

    private async Task AttemptAsync()
    {
        try
        {
            await _throttle.WaitAsync(_stopped.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        ProbeResult result;
        using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(_stopped.Token))
        {
            var timedOut = false;
            var timeout = _clock.Schedule(_check.Timeout, () =>
            {
                timedOut = true;
                try
                {
                    attempt.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The attempt ended as the timeout fired.
                }
            });
            Task<ProbeResult> probe;
            try
            {
                probe = _probe.RunAsync(attempt.Token);
            }
            catch (Exception e)
            {
                probe = Task.FromException<ProbeResult>(e);
            }
            _throttle.ReleaseWhenDone(probe);
            try
            {
                result = await probe.WaitAsync(attempt.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timedOut && !_stopped.IsCancellationRequested)
            {
                // The probe was told to stop: let it clean up (an exec probe kills and reaps its group) before the
                // result is told, but give a probe that ignores the cancellation no more than one more timeout.
                await Task.WhenAny(probe, Elapsed(_check.Timeout)).ConfigureAwait(false);
                result = ProbeResult.Fail($"timed out after {DurationText.Format(_check.Timeout)}");
            }
            catch (OperationCanceledException)
            {
                timeout.Dispose();
                return; // the run ended: nobody wants the answer
            }
            catch (Exception e)
            {
                // A probe's own bug is a failed attempt, not the end of the check.
                result = ProbeResult.Fail(e.Message);
            }
            timeout.Dispose();
        }

        if (_stopped.IsCancellationRequested) return;
        // Scheduled before the result is told, so that whoever sees a consequence of this attempt can count on the next one.
        ScheduleNext();
        _report(result);
    }
}
