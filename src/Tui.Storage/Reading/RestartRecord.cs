namespace Tui.Storage.Reading;

/// <summary>One scheduled restart and its cause ("crash: exit 3", "file changed: src/app.py").</summary>
public sealed record RestartRecord(string Process, DateTimeOffset At, int Attempt, TimeSpan Delay, string Cause);
