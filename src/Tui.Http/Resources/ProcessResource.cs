using Tui.Core.Control.Wire;
using Tui.Core.Stats;
using Tui.Core.Supervision;

namespace Tui.Http.Resources;

/// <summary>
/// A process as <c>GET /processes</c> shows it: the fields of <c>tui ps --json</c> (<see cref="ProcessInfo"/>, the same
/// names and values) plus the latest stats sample, so a dashboard needs one request per refresh.
/// </summary>
public sealed record ProcessResource : ProcessInfo
{
    private ProcessResource(ProcessInfo info) : base(info)
    {
    }

    /// <summary>Percent of one core over the last stats interval; null before the first sample or when not alive.</summary>
    public double? Cpu { get; init; }

    /// <summary>Resident memory of the process tree; null as for <see cref="Cpu"/>.</summary>
    public long? MemoryBytes { get; init; }

    /// <summary>The resource of <paramref name="snapshot"/>, with <paramref name="latest"/> when it belongs to the current run.</summary>
    public static ProcessResource From(ProcessSnapshot snapshot, ProcessStats? latest)
    {
        var live = latest is not null && snapshot.State.IsAlive() && snapshot.StartedAt is { } started && latest.At >= started;
        return new ProcessResource(ProcessInfo.From(snapshot))
        {
            Cpu = live ? latest!.CpuPercent : null,
            MemoryBytes = live ? latest!.RssBytes : null,
        };
    }
}
