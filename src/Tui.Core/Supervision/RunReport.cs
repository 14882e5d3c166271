namespace Tui.Core.Supervision;

/// <summary>
/// Something a run's monitor (<see cref="IRunMonitor"/>) tells the engine about the run it watches. Reports of a run
/// that has ended, or been paused, are ignored.
/// </summary>
public abstract record RunReport;

/// <summary>Whether the run is ready now (it gates the Ready state), and its health for the screen and the event stream.</summary>
/// <param name="Text">Null when the process has nothing that reports health.</param>
public sealed record RunHealthReport(bool Ready, HealthStatus? Status, string? Text, string? LastFailure) : RunReport;

/// <summary>The child reported its progress (0 to 1), or cleared it (null).</summary>
public sealed record RunProgressReport(double? Progress) : RunReport;

/// <summary>The child set its one-line status text, or cleared it (null).</summary>
public sealed record RunStatusReport(string? Text) : RunReport;

/// <summary>What the engine should do about a run that exceeded a limit or failed its liveness or watchdog.</summary>
public enum RunAction
{
    /// <summary>Stop the group; its exit then goes through the restart policy like a crash.</summary>
    Restart,
    /// <summary>Stop the process as a user stop would: it stays stopped.</summary>
    Stop,
}

/// <summary>The monitor asks the engine to act on the run; <paramref name="Reason"/> is recorded ("memory 530 MB > 512 MB").</summary>
public sealed record RunActionRequest(RunAction Action, string Reason) : RunReport;

/// <summary>An event to put on the engine's stream as it is (a child's event, a notice about a rejected message, a limit hit).</summary>
public sealed record RunEventReport(SupervisorEvent Event) : RunReport;
