namespace Tui.Core.Supervision;

/// <summary>
/// A scheduled run came due while the previous run was still going, and was skipped (overlap = "skip", or a run
/// already waited behind it with overlap = "queue"). A <see cref="Notice"/> says the same for people and history.
/// </summary>
/// <param name="DueAt">When the skipped run was due.</param>
/// <param name="Reason">Why it was skipped.</param>
public sealed record ScheduledRunSkipped(DateTimeOffset At, string Process, DateTimeOffset DueAt, string Reason) : SupervisorEvent(At);
