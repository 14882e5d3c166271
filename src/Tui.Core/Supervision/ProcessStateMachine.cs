using System.Reactive.Concurrency;

namespace Tui.Core.Supervision;

/// <summary>
/// One process's state, changed only through <see cref="TransitionTable"/>. It is owned by the engine loop, so it
/// needs no lock; a refused trigger leaves the state as it was and yields no event.
/// </summary>
internal sealed class ProcessStateMachine(string process, ProcessState initial, IScheduler clock)
{
    public ProcessState State { get; private set; } = initial;

    /// <summary>When the current state was entered, on the engine's clock.</summary>
    public DateTimeOffset Since { get; private set; } = clock.Now;

    /// <summary>Why the process is in its current state.</summary>
    public string? Reason { get; private set; }

    /// <summary>Applies <paramref name="trigger"/>; returns the change, or null when the table refuses it.</summary>
    public StateChanged? Fire(Trigger trigger, string reason, int? pid)
    {
        if (!TransitionTable.TryNext(State, trigger, out var to)) return null;
        var change = new StateChanged(clock.Now, process, State, to, reason, pid);
        State = to;
        Since = change.At;
        Reason = reason;
        return change;
    }

    /// <summary>Replaces the reason without a state change (a waiting process now waits for something else).</summary>
    public void Explain(string reason) => Reason = reason;
}
