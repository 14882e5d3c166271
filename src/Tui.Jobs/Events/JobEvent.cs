using System.Text.Json;

namespace Tui.Jobs;

/// <summary>
/// Something that happened to a process, as <see cref="ProcessManager.Events"/> tells it: a record per kind, so a
/// subscriber switches on the type (<c>case JobProgress p: ...</c>).
/// </summary>
/// <param name="Id">The process's name.</param>
/// <param name="At">When, on the manager's clock.</param>
public abstract record JobEvent(string Id, DateTimeOffset At);

/// <summary>A run started: a new child was spawned.</summary>
/// <param name="Id">The process's name.</param>
/// <param name="At">When, on the manager's clock.</param>
/// <param name="Pid">The child's pid (and process group).</param>
/// <param name="Run">1 for the first run, one more for each restart.</param>
public sealed record JobStarted(string Id, DateTimeOffset At, int Pid, int Run) : JobEvent(Id, At);

/// <summary>It is ready: its readiness check passed (<see cref="ProcessDefinition.WithReadinessSocket"/>), or it has none and runs.</summary>
/// <param name="Id">The process's name.</param>
/// <param name="At">When, on the manager's clock.</param>
public sealed record JobReady(string Id, DateTimeOffset At) : JobEvent(Id, At);

/// <summary>It was stopped on request (or by a runtime limit) and is down.</summary>
/// <param name="Id">The process's name.</param>
/// <param name="At">When, on the manager's clock.</param>
/// <param name="Reason">"user stop: signal SIGTERM", "user stop: signal SIGKILL after stop_timeout".</param>
public sealed record JobStopped(string Id, DateTimeOffset At, string Reason) : JobEvent(Id, At);

/// <summary>A job ended with exit code 0 (or a service exited 0 and is not restarted).</summary>
/// <param name="Id">The process's name.</param>
/// <param name="At">When, on the manager's clock.</param>
/// <param name="Runtime">How long the run went.</param>
public sealed record JobCompleted(string Id, DateTimeOffset At, TimeSpan Runtime) : JobEvent(Id, At);

/// <summary>It ended badly for good: a job's non-zero exit, a start that failed, or restarts used up.</summary>
/// <param name="Id">The process's name.</param>
/// <param name="At">When, on the manager's clock.</param>
/// <param name="State"><see cref="JobState.Errored"/> or <see cref="JobState.Failed"/>.</param>
/// <param name="Reason">"exit 3", "command not found: foo", "exit 1; gave up after 3 restarts".</param>
public sealed record JobFailed(string Id, DateTimeOffset At, JobState State, string Reason) : JobEvent(Id, At);

/// <summary>It ended and will be started again after <paramref name="Delay"/>.</summary>
/// <param name="Id">The process's name.</param>
/// <param name="At">When, on the manager's clock.</param>
/// <param name="Attempt">1 for the first restart of a streak of failures.</param>
/// <param name="Delay">How long until the restart.</param>
/// <param name="Cause">"crash: exit 3", "memory 530 MB > 512 MB".</param>
public sealed record JobRestarting(string Id, DateTimeOffset At, int Attempt, TimeSpan Delay, string Cause) : JobEvent(Id, At);

/// <summary>Its heartbeats stopped coming (see <see cref="ProcessDefinition.WithHeartbeatTimeout"/>).</summary>
/// <param name="Id">The process's name.</param>
/// <param name="At">When, on the manager's clock.</param>
/// <param name="Text">"stale: no heartbeat for 10s".</param>
public sealed record JobStale(string Id, DateTimeOffset At, string Text) : JobEvent(Id, At);

/// <summary>It exceeded a limit, and was acted on.</summary>
/// <param name="Id">The process's name.</param>
/// <param name="At">When, on the manager's clock.</param>
/// <param name="Limit">"memory", "cpu" or "runtime".</param>
/// <param name="Reason">"memory 530 MB > 512 MB".</param>
public sealed record JobLimitExceeded(string Id, DateTimeOffset At, string Limit, string Reason) : JobEvent(Id, At);

/// <summary>The child reported progress (<c>ProcessClient.ReportProgressAsync</c>, or a progress event).</summary>
/// <param name="Id">The process's name.</param>
/// <param name="At">When, on the manager's clock.</param>
/// <param name="Percent">0 to 100.</param>
/// <param name="Message">The message sent with it; null when none.</param>
public sealed record JobProgress(string Id, DateTimeOffset At, double Percent, string? Message) : JobEvent(Id, At);

/// <summary>The child sent an event its definition declares (<see cref="ProcessDefinition.WithEvent"/>), with matching data.</summary>
/// <param name="Id">The process's name.</param>
/// <param name="At">When, on the manager's clock.</param>
/// <param name="Name">The event's name.</param>
/// <param name="Data">Its data: a JSON object (detached, safe to keep).</param>
public sealed record JobCustomEvent(string Id, DateTimeOffset At, string Name, JsonElement Data) : JobEvent(Id, At)
{
    /// <summary>The data as your type, with its source-generated type info (safe for NativeAOT).</summary>
    public T? As<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) => Data.Deserialize(typeInfo);
}
