namespace Tui.App.Shell;

/// <summary>One restart of a process, for the detail pane's history.</summary>
public sealed record RestartRecord(DateTimeOffset At, int Attempt, TimeSpan Delay, string Cause);
