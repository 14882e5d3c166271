namespace Tui.Http.Resources;

/// <summary>An SSE "health" or "progress" event: what a process's snapshot now says (health, or a job's progress and status).</summary>
public sealed record ProcessChange(string Process, DateTimeOffset At, string? Health, double? Progress, string? Status);
