using System.Collections.Frozen;
using static Tui.Core.Supervision.ProcessState;

namespace Tui.Core.Supervision;

/// <summary>
/// Every legal state change, as data: (from, trigger) → to. A pair that is not here is refused, which is how
/// "a user stop never triggers a restart" is enforced (Stopping has no ExitRestart entry) rather than by flags.
/// </summary>
public static class TransitionTable
{
    /// <summary>States from which a start may be attempted (a process that is not alive, waiting or disabled).</summary>
    private static readonly ProcessState[] Startable = [Pending, Stopped, Completed, Errored, Failed, Backoff];

    /// <summary>States with a live child that has not been asked to stop.</summary>
    private static readonly ProcessState[] Live = [Starting, Running, Ready, Paused];

    public static FrozenDictionary<(ProcessState From, Trigger Trigger), ProcessState> Transitions { get; } = Build();

    public static bool TryNext(ProcessState from, Trigger trigger, out ProcessState to) =>
        Transitions.TryGetValue((from, trigger), out to);

    public static bool IsLegal(ProcessState from, Trigger trigger) => Transitions.ContainsKey((from, trigger));

    private static FrozenDictionary<(ProcessState, Trigger), ProcessState> Build()
    {
        var table = new Dictionary<(ProcessState, Trigger), ProcessState>();
        void Add(IEnumerable<ProcessState> froms, Trigger trigger, ProcessState to)
        {
            foreach (var from in froms) table.Add((from, trigger), to);
        }

        // Queued: admitted by the pool, the job's dependencies are checked again, and they may no longer hold.
        Add([.. Startable, Queued], Trigger.AwaitDependencies, Waiting);
        Add([.. Startable, Waiting], Trigger.Enqueue, Queued);
        Add([.. Startable, Waiting, Queued], Trigger.DependencyFailed, Failed);
        Add([.. Startable, Waiting, Queued], Trigger.Spawned, Starting);
        // From Starting: a spawn that runs off the engine's loop fails after the process became Starting.
        Add([.. Startable, Waiting, Queued, Starting], Trigger.LaunchFailed, Failed);
        Add([Starting], Trigger.Alive, Running);
        Add([Running], Trigger.ReadinessPassed, Ready);
        Add([Ready], Trigger.ReadinessLost, Running);
        Add([Starting, Running, Ready], Trigger.Pause, Paused);
        Add([Paused], Trigger.Resume, Running);
        Add(Live, Trigger.StopRequested, Stopping);
        // Nothing to signal: a stop simply cancels the wait, the place in the pool's queue or the pending restart.
        Add([Waiting, Queued, Backoff], Trigger.StopRequested, Stopped);
        Add([Stopping], Trigger.ExitAfterStop, Stopped);
        Add(Live, Trigger.ExitRestart, Backoff);
        Add(Live, Trigger.ExitCompleted, Completed);
        Add(Live, Trigger.ExitErrored, Errored);
        Add(Live, Trigger.ExitFailed, Failed);
        Add([Pending, Stopped, Completed, Errored, Failed], Trigger.Disable, Disabled);
        Add([Disabled], Trigger.Enable, Pending);
        return table.ToFrozenDictionary();
    }
}
