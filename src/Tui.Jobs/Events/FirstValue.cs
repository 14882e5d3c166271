namespace Tui.Jobs;

/// <summary>
/// The first value of an engine stream as a task whose awaiters resume on the thread pool: the engine raises its
/// streams on its own loop, and a caller's code after <c>await manager.WaitAsync(..)</c> must never run there.
/// </summary>
internal static class FirstValue
{
    public static Task<T> Of<T>(IObservable<T> source, CancellationToken cancellationToken)
    {
        var first = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = new System.Reactive.Disposables.SingleAssignmentDisposable();
        var registration = cancellationToken.Register(() => first.TrySetCanceled(cancellationToken));
        subscription.Disposable = source.Subscribe(
            value => first.TrySetResult(value),
            error => first.TrySetException(error),
            () => first.TrySetException(new JobException("the manager was disposed")));
        first.Task.ContinueWith(_ =>
        {
            subscription.Dispose();
            registration.Dispose();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return first.Task;
    }
}
