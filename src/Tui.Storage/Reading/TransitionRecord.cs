namespace Tui.Storage.Reading;

/// <summary>One state change. States are the names history stored (ProcessState names), so a newer Tui's states still read.</summary>
public sealed record TransitionRecord(string Process, DateTimeOffset At, string From, string To, string Reason, int? Pid);
