namespace Tui.Core.Supervision;

/// <summary>
/// How many processes are waiting for their dependencies, have a stop pending, are to start once stopped, or have a
/// scheduled run waiting for the previous one. The engine settles after every message by looking for such processes;
/// with a thousand jobs in the set, scanning all of them for each rule, when almost always none matched, was a large
/// part of a message's cost. A rule whose count is 0 is skipped. Only the engine loop touches these.
/// </summary>
internal sealed class AttentionCounts
{
    public int Waiting { get; set; }
    public int PendingStops { get; set; }
    public int StartsWhenStopped { get; set; }
    public int OverlapRunsWaiting { get; set; }

    /// <summary>Takes a process's part out, when it leaves the set.</summary>
    public void Forget(ProcessActor actor)
    {
        if (!actor.Counted) return;
        actor.Counted = false; // a late callback of a removed process changes nothing here
        if (actor.State == ProcessState.Waiting) Waiting--;
        if (actor.PendingStop is not null) PendingStops--;
        if (actor.StartWhenStopped is not null) StartsWhenStopped--;
        if (actor.OverlapRunWaiting) OverlapRunsWaiting--;
    }

    /// <summary>The counts recomputed from the set; they must equal these (checked in debug builds, so by the tests).</summary>
    public bool Agree(IEnumerable<ProcessActor> actors)
    {
        int waiting = 0, stops = 0, starts = 0, overlaps = 0;
        foreach (var actor in actors)
        {
            if (!actor.Counted) continue;
            if (actor.State == ProcessState.Waiting) waiting++;
            if (actor.PendingStop is not null) stops++;
            if (actor.StartWhenStopped is not null) starts++;
            if (actor.OverlapRunWaiting) overlaps++;
        }
        return (waiting, stops, starts, overlaps) == (Waiting, PendingStops, StartsWhenStopped, OverlapRunsWaiting);
    }
}
