using Tui.Core.Config;
using Tui.Core.Logs;
using Tui.Core.Stats;

namespace Tui.Core.Supervision;

/// <summary>
/// Watches each run of a process besides its exit: health checks, the heartbeat watchdog, resource limits and what
/// the child tells Tui (events, status, progress, sd_notify). When <see cref="SupervisorOptions.Monitor"/> is set it
/// also decides readiness, in place of <see cref="SupervisorOptions.Readiness"/>.
/// </summary>
public interface IRunMonitor
{
    /// <summary>Variables to add to the child's environment (where to send messages); asked before every spawn.</summary>
    IReadOnlyDictionary<string, string> EnvironmentFor(ProcessConfig process);

    /// <summary>
    /// Watches one run from just after its spawn, before its output is read. The engine disposes the subscription when
    /// the run stops, pauses or ends, and subscribes again on resume. Reports may come on any thread.
    /// </summary>
    IObservable<RunReport> Watch(RunContext run);

    /// <summary>The process left the config: release what was kept for it (its sockets).</summary>
    void Forget(string process);

    /// <summary>
    /// The process is down for good (<see cref="ProcessStateExtensions.IsDownForGood"/>): its sockets close until its next spawn asks
    /// for them again, at the same paths. Without this, a Tui that ran a thousand jobs held a thousand listening sockets.
    /// </summary>
    void Rest(string process) { }
}

/// <summary>One run of a process, as a monitor sees it.</summary>
/// <param name="Run">The run's number (1 for the first spawn): a resume watches the same run again.</param>
/// <param name="StartedAt">When the run was spawned, on the engine's clock.</param>
/// <param name="Environment">The child's complete environment (exec probes run with it).</param>
/// <param name="Log">The process's log: a monitor may read lines of the run, and take marker lines out of it.</param>
/// <param name="Stats">This process's resource samples.</param>
public sealed record RunContext(
    ProcessConfig Process,
    int Pid,
    int Run,
    DateTimeOffset StartedAt,
    IReadOnlyDictionary<string, string> Environment,
    ProcessLog Log,
    IObservable<ProcessStats> Stats);
