using System.Reactive.Concurrency;

namespace Tui.App.Monitor;

/// <summary>
/// Gathers items arriving on any thread and hands them over as one batch on the UI scheduler, at most once per
/// interval. Nothing is scheduled while nothing arrives, so an idle monitor runs no timer for it; a burst of
/// thousands of log lines a second becomes about thirty messages.
/// </summary>
public sealed class Coalescer<T>(IScheduler scheduler, TimeSpan interval, Action<IReadOnlyList<T>> deliver) : IDisposable
{
    private readonly object _gate = new();
    private List<T> _items = [];
    private IDisposable? _pending;
    private bool _disposed;

    public void Add(T item)
    {
        lock (_gate)
        {
            if (_disposed) return;
            _items.Add(item);
            _pending ??= scheduler.Schedule(interval, Flush);
        }
    }

    private void Flush()
    {
        List<T> batch;
        lock (_gate)
        {
            if (_disposed) return;
            batch = _items;
            _items = [];
            _pending = null;
        }
        if (batch.Count > 0) deliver(batch);
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
