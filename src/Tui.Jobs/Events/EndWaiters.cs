using System.Reactive.Linq;
using Tui.Core.Supervision;

namespace Tui.Jobs;

/// <summary>
/// The waits for processes to end for good (<see cref="ProcessManager.WaitAsync"/>), kept by name: a state change
/// wakes only the waiters of its own process. Each wait filtering every snapshot was O(waiters × processes) per
/// change, which for a thousand jobs waited on at once was most of the pool scenario's time.
/// </summary>
/// <remarks>
/// Subscribe it after <see cref="EngineFeed"/>: the engine raises a run's exit before its state change, and the
/// result of a wait reads the run's length from the feed's facts.
/// </remarks>
internal sealed class EndWaiters : IDisposable
{
    private readonly Supervisor _supervisor;
    private readonly EngineFeed _feed;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<TaskCompletionSource<ExitResult>>> _waiting = new(StringComparer.Ordinal);
    private readonly IDisposable _stateChanges;
    private readonly IDisposable _removals;
    private int _lastCount;
    private bool _closed;

    public EndWaiters(Supervisor supervisor, EngineFeed feed)
    {
        _supervisor = supervisor;
        _feed = feed;
        _stateChanges = supervisor.Events.OfType<StateChanged>().Subscribe(OnStateChanged, _ => Close(), Close);
        // A reload may drop a process that never ran (it leaves without a state change): only a shrinking set is looked at.
        _removals = supervisor.Snapshots.Subscribe(OnSnapshots);
    }

    /// <summary>Completes with how the process ended, once it is down for good (at once when it already is).</summary>
    public Task<ExitResult> WaitAsync(string id, CancellationToken cancellationToken)
    {
        var ended = new TaskCompletionSource<ExitResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_closed) return Task.FromException<ExitResult>(Disposed());
            if (!_waiting.TryGetValue(id, out var waiters)) _waiting[id] = waiters = [];
            waiters.Add(ended);
        }
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() =>
            {
                Forget(id, ended);
                ended.TrySetCanceled(cancellationToken);
            });
            ended.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        Check(id); // it may have ended before the wait was registered
        return ended.Task;
    }

    public void Dispose()
    {
        _stateChanges.Dispose();
        _removals.Dispose();
        Close();
    }

    private void OnStateChanged(StateChanged change)
    {
        if (!StatusMapping.IsFinal(change.To)) return;
        lock (_gate)
        {
            if (!_waiting.ContainsKey(change.Process)) return;
        }
        Check(change.Process);
    }

    private void OnSnapshots(System.Collections.Immutable.ImmutableArray<ProcessSnapshot> all)
    {
        var shrank = all.Length < _lastCount;
        _lastCount = all.Length;
        if (!shrank) return;
        string[] names;
        lock (_gate) names = [.. _waiting.Keys];
        foreach (var name in names) Check(name);
    }

    /// <summary>Completes the waiters of <paramref name="id"/> when its current snapshot shows it ended, or fails them when it is gone.</summary>
    private void Check(string id)
    {
        var snapshot = _supervisor.CurrentOf(id);
        if (snapshot is not null && !StatusMapping.IsFinal(snapshot)) return;
        List<TaskCompletionSource<ExitResult>>? waiters;
        lock (_gate)
        {
            if (!_waiting.Remove(id, out waiters)) return;
        }
        if (snapshot is null)
        {
            var removed = new JobException($"\"{id}\" was removed (its config file no longer has it)");
            foreach (var waiter in waiters) waiter.TrySetException(removed);
            return;
        }
        var exit = StatusMapping.Exit(snapshot, _feed.Facts(id));
        foreach (var waiter in waiters) waiter.TrySetResult(exit);
    }

    private void Forget(string id, TaskCompletionSource<ExitResult> waiter)
    {
        lock (_gate)
        {
            if (_waiting.TryGetValue(id, out var waiters) && waiters.Remove(waiter) && waiters.Count == 0) _waiting.Remove(id);
        }
    }

    private void Close()
    {
        List<TaskCompletionSource<ExitResult>> waiters;
        lock (_gate)
        {
            if (_closed) return;
            _closed = true;
            waiters = [.. _waiting.Values.SelectMany(w => w)];
            _waiting.Clear();
        }
        foreach (var waiter in waiters) waiter.TrySetException(Disposed());
    }

    private static JobException Disposed() => new("the manager was disposed");
}
