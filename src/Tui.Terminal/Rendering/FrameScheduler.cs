using System.Reactive.Concurrency;

namespace Tui.Terminal.Rendering;

/// <summary>
/// Paces drawing: frames are drawn only when requested, and at most one per <see cref="MinFrameInterval"/>
/// (about 30 a second); any number of requests in between collapse into one frame. An idle screen
/// therefore draws nothing, and a flood of updates costs at most 30 frames a second.
/// Runs on an injected scheduler, so tests drive it with virtual time.
/// </summary>
public sealed class FrameScheduler : IDisposable
{
    /// <summary>30 frames a second: smooth for text, and half of what a 60 Hz display could show, to spare the CPU and the link.</summary>
    public static readonly TimeSpan DefaultMinFrameInterval = TimeSpan.FromSeconds(1.0 / 30);

    private readonly IScheduler _scheduler;
    private readonly Action _drawFrame;
    private readonly object _gate = new();
    private IDisposable? _pending;
    private DateTimeOffset _lastFrame;
    private bool _drawnBefore;
    private bool _disposed;

    public FrameScheduler(IScheduler scheduler, Action drawFrame, TimeSpan? minFrameInterval = null)
    {
        _scheduler = scheduler;
        _drawFrame = drawFrame;
        MinFrameInterval = minFrameInterval ?? DefaultMinFrameInterval;
    }

    public TimeSpan MinFrameInterval { get; }

    public int FramesDrawn { get; private set; }

    /// <summary>Asks for a frame: drawn now if the last one is old enough, else when it is; thread-safe.</summary>
    public void RequestFrame()
    {
        lock (_gate)
        {
            if (_pending is not null || _disposed) return;
            var now = _scheduler.Now;
            var due = _drawnBefore ? _lastFrame + MinFrameInterval - now : TimeSpan.Zero;
            _pending = _scheduler.Schedule(due < TimeSpan.Zero ? TimeSpan.Zero : due, Fire);
        }
    }

    private void Fire()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _pending = null;
            _lastFrame = _scheduler.Now;
            _drawnBefore = true;
            FramesDrawn++;
        }
        _drawFrame();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _pending?.Dispose();
            _pending = null;
        }
    }
}
