using Tui.Core.Processes;

namespace Tui.Storage.Reading;

/// <summary>One run of a process: from a start to its exit, as history recorded it.</summary>
/// <param name="Run">The engine's run number; null when history saw only the exit.</param>
/// <param name="ProcessStartTicks">/proc start time of the child (clock ticks since boot); null when it was gone before it could be read.</param>
/// <param name="Exit">How it ended; null while it runs, or when <paramref name="EndUnknown"/>.</param>
/// <param name="Reason">Why it ended ("user stop", "exit 3"), when the engine said.</param>
/// <param name="EndUnknown">Tui stopped (was killed, crashed) before it saw this run end.</param>
public sealed record RunRecord(
    long Id,
    string Process,
    int? Run,
    int Pid,
    long? ProcessStartTicks,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    ExitStatus? Exit,
    string? Reason,
    bool EndUnknown)
{
    public bool IsRunning => EndedAt is null && !EndUnknown;

    public TimeSpan? Duration => EndedAt - StartedAt;

    /// <summary>"exit 0", "signal SIGKILL", "running" or "unknown".</summary>
    public string Outcome => Exit?.ToString() ?? (EndUnknown ? "unknown" : "running");
}
