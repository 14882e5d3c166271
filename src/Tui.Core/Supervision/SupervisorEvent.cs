using Tui.Core.Processes;

namespace Tui.Core.Supervision;

/// <summary>Everything that happens, as one hot stream. Every event has a time (from the engine's scheduler).</summary>
public abstract record SupervisorEvent(DateTimeOffset At);

/// <summary>A process moved from one state to another, and why.</summary>
public sealed record StateChanged(DateTimeOffset At, string Process, ProcessState From, ProcessState To, string Reason, int? Pid)
    : SupervisorEvent(At);

/// <summary>A new child was spawned for a process.</summary>
public sealed record ProcessStarted(DateTimeOffset At, string Process, int Pid, int Run) : SupervisorEvent(At);

/// <summary>A child exited (for whatever reason).</summary>
public sealed record ProcessExited(DateTimeOffset At, string Process, int Pid, ExitStatus Status, TimeSpan Uptime) : SupervisorEvent(At);

/// <summary>A restart was scheduled or performed, with its cause ("crash: exit 3", "file changed: src/app.py", "config changed").</summary>
public sealed record RestartScheduled(DateTimeOffset At, string Process, int Attempt, TimeSpan Delay, string Cause) : SupervisorEvent(At);

/// <summary>The configuration (on load or reload) is invalid: file:line:col and the reason. The running config is kept.</summary>
public sealed record ConfigError(DateTimeOffset At, string Message) : SupervisorEvent(At);

/// <summary>A new configuration was applied: which processes were added, removed and changed.</summary>
public sealed record ConfigReloaded(DateTimeOffset At, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed)
    : SupervisorEvent(At);

/// <summary>Something worth telling a person that is not a state change (a probe failure, a limit hit, a watch limit).</summary>
public sealed record Notice(DateTimeOffset At, string? Process, NoticeLevel Level, string Message) : SupervisorEvent(At);

public enum NoticeLevel { Info, Warning, Error }
