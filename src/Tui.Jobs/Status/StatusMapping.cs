using Tui.Core.Processes;
using Tui.Core.Supervision;
using CoreLogLine = Tui.Core.Logs.LogLine;

namespace Tui.Jobs;

/// <summary>Engine snapshots and lines in the facade's terms.</summary>
internal static class StatusMapping
{
    /// <summary>Decimal megabytes, as Tui writes sizes everywhere ("memory 530 MB > 512 MB").</summary>
    private const double BytesPerMb = 1_000_000;

    public static JobState State(ProcessSnapshot snapshot) => snapshot.QueuePosition is not null ? JobState.Queued : snapshot.State switch
    {
        ProcessState.Pending => JobState.Pending,
        ProcessState.Waiting => JobState.Waiting,
        ProcessState.Starting => JobState.Starting,
        ProcessState.Running => JobState.Running,
        ProcessState.Ready => JobState.Ready,
        ProcessState.Paused => JobState.Paused,
        ProcessState.Stopping => JobState.Stopping,
        ProcessState.Stopped => JobState.Stopped,
        ProcessState.Completed => JobState.Completed,
        ProcessState.Errored => JobState.Errored,
        ProcessState.Backoff => JobState.Restarting,
        ProcessState.Failed => JobState.Failed,
        _ => JobState.Disabled,
    };

    public static bool IsFinal(ProcessSnapshot snapshot) => IsFinal(snapshot.State);

    public static bool IsFinal(ProcessState state) => state.IsDownForGood();

    public static JobStatus Status(ProcessSnapshot snapshot, RunFacts facts, DateTimeOffset now)
    {
        // Times come from the run facts, which are on the manager's clock (the snapshot's start is the kernel's).
        var alive = snapshot.Pid is not null;
        var sample = alive && facts.Sample is { } s && s.At >= facts.LastStartedAt ? s : null;
        return new JobStatus(
            snapshot.Name,
            State(snapshot),
            snapshot.Pid,
            facts.LastStartedAt,
            alive && facts.LastStartedAt is { } started ? now - started : facts.LastRuntime,
            snapshot.LastExit?.Code,
            SignalName(snapshot.LastExit),
            snapshot.Restarts,
            sample is null ? null : sample.RssBytes / BytesPerMb,
            sample?.CpuPercent,
            snapshot.Progress,
            snapshot.Reason)
        {
            NextRunAt = snapshot.NextRunAt,
            QueuePosition = snapshot.QueuePosition,
        };
    }

    public static ExitResult Exit(ProcessSnapshot snapshot, RunFacts facts) => new(
        snapshot.Name, State(snapshot), snapshot.LastExit?.Code, SignalName(snapshot.LastExit),
        facts.LastRuntime ?? TimeSpan.Zero, snapshot.Restarts, snapshot.Reason);

    public static LogLine Line(CoreLogLine line) => new(line.Process, line.Sequence, line.Timestamp, line.Stream switch
    {
        Core.Logs.LogStream.Stdout => OutputStream.Stdout,
        Core.Logs.LogStream.Stderr => OutputStream.Stderr,
        _ => OutputStream.System,
    }, line.Text);

    private static string? SignalName(ExitStatus? exit) => exit?.Signal is { } signal ? Signals.Name(signal) : null;
}
