using System.Reactive.Concurrency;

namespace Tui.Core.Protocol;

/// <summary>
/// A token bucket on the injected clock: <see cref="ProtocolLimits.MessageBurst"/> tokens, refilled at
/// <see cref="ProtocolLimits.MessagesPerSecond"/>. Thread-safe. On a virtual clock that does not move, only the burst passes.
/// </summary>
internal sealed class RateLimiter(IScheduler clock, int perSecond = ProtocolLimits.MessagesPerSecond, int burst = ProtocolLimits.MessageBurst)
{
    private readonly Lock _gate = new();
    private double _tokens = burst;
    private DateTimeOffset _last = clock.Now;

    public bool TryTake()
    {
        lock (_gate)
        {
            var now = clock.Now;
            if (now > _last)
            {
                _tokens = Math.Min(burst, _tokens + (now - _last).TotalSeconds * perSecond);
                _last = now;
            }
            if (_tokens < 1) return false;
            _tokens--;
            return true;
        }
    }
}
