using System.Collections.Concurrent;

namespace Tui.Core.Health;

/// <summary>
/// Runs posted actions one at a time, in order, always on the thread pool and never on the poster's thread. Callers
/// include a log's reader thread (under the log's lock) and timer actions of a virtual clock (under the clock's lock);
/// running the work there could take locks in the opposite order elsewhere, so posting only queues.
/// A failing action is handed to <c>onError</c> and does not stop the queue.
/// </summary>
internal sealed class SerialWork(Action<Exception> onError)
{
    private readonly ConcurrentQueue<Action> _actions = new();
    private int _pending;

    public void Post(Action action)
    {
        _actions.Enqueue(action);
        if (Interlocked.Increment(ref _pending) == 1) ThreadPool.UnsafeQueueUserWorkItem(_ => Drain(), null);
    }

    private void Drain()
    {
        do
        {
            _actions.TryDequeue(out var next);
            try
            {
                next!();
            }
            catch (Exception error)
            {
                onError(error);
            }
        } while (Interlocked.Decrement(ref _pending) != 0);
    }
}
