using System.Diagnostics;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace Tui.App.Monitor;

/// <summary>
/// The monitor's UI scheduler: one dedicated thread runs every state change and every frame, in due order. Unlike
/// Rx's EventLoopScheduler it waits for timed work on its own thread instead of a thread-pool timer: when the pool is
/// busy (children's pipes, the engine, a loaded machine), pool timers fire hundreds of milliseconds late, frames
/// stall, and a log that follows 200 lines a second skips lines. Due times come from a monotonic clock.
/// </summary>
public sealed class UiThreadScheduler : IScheduler, IDisposable
{
    private readonly object _gate = new();
    private readonly PriorityQueue<WorkItem, (TimeSpan Due, long Order)> _queue = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Action<Exception> _onError;
    private readonly Thread _thread;
    private long _order;
    private bool _disposed;

    /// <param name="onError">Receives an exception thrown by scheduled work; the thread goes on with the next item.</param>
    public UiThreadScheduler(string name, Action<Exception> onError)
    {
        _onError = onError;
        _thread = new Thread(Run) { Name = name, IsBackground = true };
        _thread.Start();
    }

    public DateTimeOffset Now => DateTimeOffset.UtcNow;

    public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action) =>
        Enqueue(TimeSpan.Zero, state, action);

    public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action) =>
        Enqueue(Scheduler.Normalize(dueTime), state, action);

    public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action) =>
        Enqueue(Scheduler.Normalize(dueTime - Now), state, action);

    private IDisposable Enqueue<TState>(TimeSpan delay, TState state, Func<IScheduler, TState, IDisposable> action)
    {
        var item = new WorkItem(() => action(this, state));
        lock (_gate)
        {
            if (_disposed) return Disposable.Empty;
            _queue.Enqueue(item, (_clock.Elapsed + delay, _order++));
            System.Threading.Monitor.Pulse(_gate);
        }
        return item;
    }

    private void Run()
    {
        while (true)
        {
            WorkItem item;
            lock (_gate)
            {
                while (true)
                {
                    if (_disposed) return;
                    if (!_queue.TryPeek(out var next, out var key))
                    {
                        System.Threading.Monitor.Wait(_gate);
                        continue;
                    }
                    var wait = key.Due - _clock.Elapsed;
                    if (wait <= TimeSpan.Zero)
                    {
                        item = _queue.Dequeue();
                        break;
                    }
                    System.Threading.Monitor.Wait(_gate, wait);
                }
            }
            try
            {
                item.Run();
            }
            catch (Exception e)
            {
                _onError(e);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _queue.Clear();
            System.Threading.Monitor.Pulse(_gate);
        }
        if (Thread.CurrentThread != _thread) _thread.Join();
    }

    /// <summary>One scheduled action; disposing it before it runs cancels it, after it ran disposes what it returned.</summary>
    private sealed class WorkItem(Func<IDisposable> action) : IDisposable
    {
        private readonly SingleAssignmentDisposable _result = new();
        private int _cancelled;

        public void Run()
        {
            if (Volatile.Read(ref _cancelled) != 0) return;
            _result.Disposable = action();
        }

        public void Dispose()
        {
            Interlocked.Exchange(ref _cancelled, 1);
            _result.Dispose();
        }
    }
}
