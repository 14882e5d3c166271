using Tui.Core.Control.Wire;
using Tui.Core.Stats;
using Tui.Core.Supervision;

namespace Tui.Http.Resources;

/// <summary>
/// A process as <c>GET /processes</c> shows it: the fields of <c>tui ps --json</c> (<see cref="ProcessInfo"/>, the same
/// names and values) plus the latest stats sample, so a dashboard needs one request per refresh.
/// </summary>
/// <param name="Cpu">Percent of one core over the last stats interval; null before the first sample or when not alive.</param>
/// <param name="MemoryBytes">Resident memory of the process tree; null as for <paramref name="Cpu"/>.</param>
public sealed record ProcessResource(
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
    string? Status,
    double? Cpu,
    long? MemoryBytes)
{
    /// <summary>The resource of <paramref name="snapshot"/>, with <paramref name="latest"/> when it belongs to the current run.</summary>
    public static ProcessResource From(ProcessSnapshot snapshot, ProcessStats? latest)
    {
        var p = ProcessInfo.From(snapshot);
        var live = latest is not null && snapshot.State.IsAlive() && snapshot.StartedAt is { } started && latest.At >= started;
        return new(p.Name, p.Group, p.Kind, p.Command, p.State, p.Pid, p.StartedAt, p.StateSince, p.Restarts, p.ExitCode,
            p.ExitSignal, p.Reason, p.NextRestartAt, p.Health, p.Progress, p.Status,
            live ? latest!.CpuPercent : null, live ? latest!.RssBytes : null)
        {
            NextRunAt = p.NextRunAt,
            QueuePosition = p.QueuePosition,
        };
    }

    /// <summary>A scheduled job's next due run, as in <see cref="ProcessInfo.NextRunAt"/>.</summary>
    public DateTimeOffset? NextRunAt { get; init; }

    /// <summary>A queued job's place in the pool's queue (1 = next), as in <see cref="ProcessInfo.QueuePosition"/>.</summary>
    public int? QueuePosition { get; init; }
}
