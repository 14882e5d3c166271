using Tui.Core.Processes;
using Tui.Core.Supervision;

namespace Tui.Core.Control.Wire;

/// <summary>
/// A <see cref="SupervisorEvent"/> on the wire, flattened: <see cref="Type"/> says which, and only its fields are set.
/// Types: "state" (process, from, to, reason, pid), "started" (process, pid, run), "exited" (process, pid, exit_code |
/// exit_signal, uptime_ms), "restart" (process, attempt, delay_ms, cause), "config_error" (message), "config_reloaded"
/// (added, removed, changed), "notice" (process?, level, message).
/// </summary>
public sealed record EventInfo
{
    public required string Type { get; init; }
    public required DateTimeOffset At { get; init; }
    public string? Process { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Reason { get; init; }
    public int? Pid { get; init; }
    public int? Run { get; init; }
    public int? ExitCode { get; init; }
    public int? ExitSignal { get; init; }
    public long? UptimeMs { get; init; }
    public int? Attempt { get; init; }
    public long? DelayMs { get; init; }
    public string? Cause { get; init; }
    public string? Message { get; init; }
    public string? Level { get; init; }
    public IReadOnlyList<string>? Added { get; init; }
    public IReadOnlyList<string>? Removed { get; init; }
    public IReadOnlyList<string>? Changed { get; init; }

    public static EventInfo Of(SupervisorEvent e) => e switch
    {
        StateChanged c => new() { Type = "state", At = c.At, Process = c.Process, From = ProcessInfo.StateName(c.From), To = ProcessInfo.StateName(c.To), Reason = c.Reason, Pid = c.Pid },
        ProcessStarted s => new() { Type = "started", At = s.At, Process = s.Process, Pid = s.Pid, Run = s.Run },
        ProcessExited x => new() { Type = "exited", At = x.At, Process = x.Process, Pid = x.Pid, ExitCode = x.Status.Code, ExitSignal = x.Status.Signal, UptimeMs = (long)x.Uptime.TotalMilliseconds },
        RestartScheduled r => new() { Type = "restart", At = r.At, Process = r.Process, Attempt = r.Attempt, DelayMs = (long)r.Delay.TotalMilliseconds, Cause = r.Cause },
        ConfigError c => new() { Type = "config_error", At = c.At, Message = c.Message },
        ConfigReloaded r => new() { Type = "config_reloaded", At = r.At, Added = r.Added, Removed = r.Removed, Changed = r.Changed },
        Notice n => new() { Type = "notice", At = n.At, Process = n.Process, Level = n.Level.ToString().ToLowerInvariant(), Message = n.Message },
        _ => new() { Type = "notice", At = e.At, Level = "info", Message = e.ToString() },
    };

    /// <summary>The event again; null for a type this client does not know (a newer server).</summary>
    public SupervisorEvent? ToEvent() => Type switch
    {
        "state" => new StateChanged(At, Process ?? "", ParseState(From), ParseState(To), Reason ?? "", Pid),
        "started" => new ProcessStarted(At, Process ?? "", Pid ?? 0, Run ?? 0),
        "exited" => new ProcessExited(At, Process ?? "", Pid ?? 0, new ExitStatus(ExitCode, ExitSignal), TimeSpan.FromMilliseconds(UptimeMs ?? 0)),
        "restart" => new RestartScheduled(At, Process ?? "", Attempt ?? 0, TimeSpan.FromMilliseconds(DelayMs ?? 0), Cause ?? ""),
        "config_error" => new ConfigError(At, Message ?? ""),
        "config_reloaded" => new ConfigReloaded(At, Added ?? [], Removed ?? [], Changed ?? []),
        "notice" => new Notice(At, Process, Enum.TryParse<NoticeLevel>(Level, ignoreCase: true, out var level) ? level : NoticeLevel.Info, Message ?? ""),
        _ => null,
    };

    private static ProcessState ParseState(string? text) =>
        Enum.TryParse<ProcessState>(text, ignoreCase: true, out var state) ? state : ProcessState.Pending;
}
