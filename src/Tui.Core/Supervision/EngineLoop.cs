using System.Collections.Concurrent;

namespace Tui.Core.Supervision;

/// <summary>
/// The one place where engine state changes: a lock-free queue of messages drained by one thread at a time.
/// Whoever posts into an idle loop drains it (the test thread advancing a virtual clock, a thread reporting a
/// child's exit, a caller's command); posts made while it drains, including posts made by the messages themselves
/// or by event subscribers, are queued behind. So handlers never run concurrently or re-entrantly, and with a
/// virtual clock and no real children everything happens synchronously and deterministically.
/// Callbacks registered with <see cref="AfterDrain"/> run once the queue is empty, outside the loop, so that a
/// command's caller resumes only after every consequence of the command has been handled.
/// </summary>
internal sealed class EngineLoop(Action<Exception> onHandlerError)
{
    private readonly ConcurrentQueue<Action> _messages = new();
    private readonly ConcurrentQueue<Action> _afterDrain = new();
    private int _pending;

    public void Post(Action message)
    {
        _messages.Enqueue(message);
        if (Interlocked.Increment(ref _pending) != 1) return;
        do
        {
            _messages.TryDequeue(out var next);
            try
            {
                next!();
            }
            catch (Exception error)
            {
                // A bug in one handler must not stop the engine; it is reported as an event instead.
                Report(error);
            }
        } while (Interlocked.Decrement(ref _pending) != 0);

        while (_afterDrain.TryDequeue(out var callback)) callback();
    }

    private void Report(Exception error)
    {
        try
        {
            onHandlerError(error);
        }
        catch (Exception)
        {
            // Reporting failed too (a subscriber threw): drop it rather than leave the loop marked busy forever.
        }
    }

    /// <summary>Runs <paramref name="callback"/> when the current drain ends. Call only from inside a message.</summary>
    public void AfterDrain(Action callback) => _afterDrain.Enqueue(callback);

    /// <summary>Runs <paramref name="handler"/> on the loop and completes with its result once the loop is idle again.</summary>
    public Task<T> Ask<T>(Func<T> handler)
    {
        var answer = new TaskCompletionSource<T>();
        Post(() =>
        {
            T result;
            try
            {
                result = handler();
            }
            catch (Exception error)
            {
                AfterDrain(() => answer.TrySetException(error));
                throw;
            }
            AfterDrain(() => answer.TrySetResult(result));
        });
        return answer.Task;
    }
}
