using System.Reactive.Linq;
using Tui.Core.Supervision;

namespace Tui.Core.Tests.Supervision;

/// <summary>Records a supervisor's events from the moment it is created, and lets a test wait for one.</summary>
internal sealed class EventLog : IDisposable
{
    /// <summary>Long enough for a loaded 2-core machine to start a shell, short enough that a broken test ends.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    private readonly List<SupervisorEvent> _events = [];
    private readonly List<(Func<SupervisorEvent, bool> Match, TaskCompletionSource<SupervisorEvent> Done)> _waiters = [];
    private readonly IDisposable _subscription;

    public EventLog(ISupervisorClient supervisor) => _subscription = supervisor.Events.Subscribe(Add);

    public IReadOnlyList<SupervisorEvent> All
    {
        get { lock (_events) return [.. _events]; }
    }

    public IReadOnlyList<StateChanged> Changes(string process) =>
        [.. All.OfType<StateChanged>().Where(c => c.Process == process)];

    /// <summary>The states a process went through, as "from->to" strings: easy to compare and to read in a failure.</summary>
    public IReadOnlyList<string> Path(string process) => [.. Changes(process).Select(c => $"{c.From}->{c.To}")];

    /// <summary>Waits (bounded by <see cref="WaitLimit"/>) for an event, including one that already happened.</summary>
    public async Task<T> WaitFor<T>(Func<T, bool> match) where T : SupervisorEvent
    {
        TaskCompletionSource<SupervisorEvent> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_events)
        {
            if (_events.OfType<T>().FirstOrDefault(match) is { } seen) return seen;
            _waiters.Add((e => e is T t && match(t), done));
        }
        var finished = await Task.WhenAny(done.Task, Task.Delay(WaitLimit));
        if (finished != done.Task)
        {
            throw new TimeoutException($"no matching {typeof(T).Name} within {WaitLimit}; events:\n" + string.Join("\n", All));
        }
        return (T)await done.Task;
    }

    /// <summary>Waits for the <paramref name="occurrence"/>-th time <paramref name="process"/> entered <paramref name="state"/>.</summary>
    public Task<StateChanged> WaitForState(string process, ProcessState state, int occurrence = 1)
    {
        // The match sees every event exactly once, in order (first the past ones, then each new one), so it can count.
        var seen = 0;
        return WaitFor<StateChanged>(c => c.Process == process && c.To == state && ++seen == occurrence);
    }

    public void Dispose() => _subscription.Dispose();

    private void Add(SupervisorEvent @event)
    {
        List<TaskCompletionSource<SupervisorEvent>> matched = [];
        lock (_events)
        {
            _events.Add(@event);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (!_waiters[i].Match(@event)) continue;
                matched.Add(_waiters[i].Done);
                _waiters.RemoveAt(i);
            }
        }
        foreach (var done in matched) done.TrySetResult(@event);
    }
}
