using Tui.Core.Config;
using Tui.Core.Processes;
using Tui.Core.Supervision;

namespace Tui.Core.Control.Wire;

/// <summary>
/// A process's snapshot on the wire (and in <c>tui ps --json</c>): <c>{"name":"api","group":"web","state":"ready","pid":4121,...}</c>.
/// The state is the lower-case name of <see cref="ProcessState"/>; times are ISO 8601 with offset. Not sealed: the HTTP
/// API's resource is this plus the latest stats, so the two cannot drift apart.
/// </summary>
public record ProcessInfo(
    string Name,
    string? Group,
    string Kind,
    string Command,
    string State,
    int? Pid,
    DateTimeOffset? StartedAt,
    DateTimeOffset StateSince,
    int Restarts,
    int? ExitCode,
    int? ExitSignal,
    string? Reason,
    DateTimeOffset? NextRestartAt,
    string? Health,
    double? Progress,
    string? Status)
{
    public static ProcessInfo From(ProcessSnapshot s) => new(
        s.Name, s.Group, s.Config.Kind.ToString().ToLowerInvariant(), s.Config.Command.Display, StateName(s.State), s.Pid,
        s.StartedAt, s.StateSince, s.Restarts, s.LastExit?.Code, s.LastExit?.Signal, s.Reason, s.NextRestartAt,
        s.Health, s.Progress, s.StatusText)
    {
        NextRunAt = s.NextRunAt,
        QueuePosition = s.QueuePosition,
    };

    /// <summary>A scheduled job: when its next run is due; absent otherwise.</summary>
    public DateTimeOffset? NextRunAt { get; init; }

    /// <summary>A job waiting for the pool: its place in the queue (1 = next); absent otherwise.</summary>
    public int? QueuePosition { get; init; }

    public static string StateName(ProcessState state) => state.ToString().ToLowerInvariant();

    /// <summary>The snapshot again, with <paramref name="config"/> (the client's own load of the same file) or a stand-in built from the wire fields.</summary>
    public ProcessSnapshot ToSnapshot(ProcessConfig? config) => new(
        config ?? StandIn(),
        Enum.TryParse<ProcessState>(State, ignoreCase: true, out var state) ? state : ProcessState.Pending,
        Pid, StartedAt, StateSince, Restarts,
        ExitCode is null && ExitSignal is null ? null : new ExitStatus(ExitCode, ExitSignal),
        Reason, NextRestartAt, Health, Progress, Status)
    {
        NextRunAt = NextRunAt,
        QueuePosition = QueuePosition,
    };

    /// <summary>For a process the client's config does not have (the file changed since the daemon loaded it).</summary>
    private ProcessConfig StandIn() => new(
        Name, Name, null, new CommandSpec.Shell(Command), "/", System.Collections.Immutable.ImmutableDictionary<string, string>.Empty,
        Group, Autostart: false, Disabled: false, RestartPolicy.No, null, TimeSpan.Zero, BackoffConfig.Default, Signals.SIGTERM,
        TimeSpan.Zero, [], Kind == "job" ? ProcessKind.Job : ProcessKind.Service, Tty: false, Watch: null, Definition: "",
        new Tui.Toml.TomlPosition(1, 1));
}
