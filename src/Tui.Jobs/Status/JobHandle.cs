namespace Tui.Jobs;

/// <summary>What <see cref="ProcessManager.SpawnAsync"/> returns: which process it started, and when.</summary>
/// <param name="Id">What the manager's other calls take to name it: the process's unique name, as <c>tui ps</c> shows it.</param>
/// <param name="Pid">The child's process id (also its process group); null when it did not start (see <see cref="ProcessManager.GetStatus"/>) or waits in the pool's queue.</param>
/// <param name="StartedAt">When it was spawned (or queued), on the manager's clock.</param>
public sealed record JobHandle(string Id, int? Pid, DateTimeOffset StartedAt)
{
    /// <summary>The name given to <see cref="Process.Define"/> (the same as <see cref="Id"/>: names are unique).</summary>
    public string Name => Id;
}
