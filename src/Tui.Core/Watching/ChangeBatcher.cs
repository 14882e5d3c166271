using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace Tui.Core.Watching;

/// <summary>
/// Coalesces a burst of changes (a <c>git checkout</c>, an editor's write-rename-delete save) into one
/// <see cref="ChangeBatch"/>: the batch is flushed once no change has come for the quiet period, timed on the
/// injected scheduler. Thread-safe: watchers report from their own threads.
/// </summary>
public sealed class ChangeBatcher : IDisposable
{
    /// <summary>
    /// A batch is flushed at most this long after its first change even if changes keep coming, so that a file
    /// written without pause (a log inside a watched folder) delays a restart but cannot starve it.
    /// </summary>
    public static readonly TimeSpan MaxBatchSpan = TimeSpan.FromSeconds(5);

    private readonly TimeSpan _quiet;
    private readonly IScheduler _clock;
    private readonly Action<ChangeBatch> _flush;
    private readonly SerialDisposable _timer = new();
    private readonly Lock _gate = new();
    private string? _first;
    private int _count;
    private DateTimeOffset _startedAt;
    private long _generation;
    private bool _disposed;

    public ChangeBatcher(TimeSpan quiet, IScheduler clock, Action<ChangeBatch> flush)
    {
        _quiet = quiet;
        _clock = clock;
        _flush = flush;
    }

    public void Add(string path)
    {
        long generation;
        TimeSpan delay;
        lock (_gate)
        {
            if (_disposed) return;
            var now = _clock.Now;
            if (_first is null)
            {
                _first = path;
                _count = 0;
                _startedAt = now;
            }
            _count++;
            delay = Min(now + _quiet, _startedAt + MaxBatchSpan) - now;
            generation = ++_generation;
        }
        // Scheduled outside the lock: a clock that runs due timers under its own lock would otherwise deadlock with Flush.
        var timer = _clock.Schedule(delay, () => Flush(generation));
        lock (_gate)
        {
            if (generation == _generation && !_disposed)
            {
                _timer.Disposable = timer;
                return;
            }
        }
        timer.Dispose(); // a newer change has its own timer already
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _first = null;
        }
        _timer.Dispose();
    }

    private void Flush(long generation)
    {
        ChangeBatch batch;
        lock (_gate)
        {
            // A timer replaced by a later change may still fire if it was already running: only the newest flushes.
            if (_disposed || generation != _generation || _first is null) return;
            batch = new ChangeBatch(_first, _count);
            _first = null;
        }
        _flush(batch);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
