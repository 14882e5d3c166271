using System.Reactive.Concurrency;
using Tui.Core.Logs;
using Tui.Core.Processes;
using Tui.Core.Stats;

namespace Tui.Core.Supervision;

/// <summary>What a <see cref="ProcessActor"/> needs from the engine that owns it.</summary>
internal interface IActorHost
{
    IScheduler Clock { get; }
    IProcessLauncher Launcher { get; }
    IReadinessCheck Readiness { get; }

    /// <summary>How long an exit waits for the run's output to be read (<see cref="SupervisorOptions.OutputGrace"/>).</summary>
    TimeSpan OutputGrace { get; }

    /// <summary>Watches runs (health, limits, the child protocol) and then decides readiness; null leaves readiness to <see cref="Readiness"/>.</summary>
    IRunMonitor? Monitor { get; }

    /// <summary>Every process's resource samples (limits are measured on them).</summary>
    IObservable<ProcessStats> Stats { get; }

    /// <summary>The environment every child inherits before its own config env is applied.</summary>
    IReadOnlyDictionary<string, string> BaseEnvironment { get; }

    /// <summary>True once shutdown began: exits then never lead to restarts.</summary>
    bool ShuttingDown { get; }

    /// <summary>Queues work onto the engine loop (for callbacks arriving on other threads or from timers).</summary>
    void Post(Action message);

    /// <summary>
    /// Runs <paramref name="launch"/> (a blocking spawn) on a pool thread and posts what it returns (its outcome) to the
    /// loop, outcomes in the order the launches began. <paramref name="launched"/> completes once that outcome is
    /// handled: a command whose step began launches answers only then, so that its caller sees the pid, or the failure.
    /// </summary>
    void LaunchOffLoop(Func<Action> launch, Task launched);

    /// <summary>Runs <paramref name="callback"/> once the current step and its settling are done (outside the loop).</summary>
    void AfterSettle(Action callback);

    /// <summary>Called after every state change the actor makes.</summary>
    void OnStateChanged(ProcessActor actor, StateChanged change);

    /// <summary>Called when something shown in <paramref name="actor"/>'s snapshot changed without a state change.</summary>
    void OnDetailChanged(ProcessActor actor);

    /// <summary>How many processes each of the engine's settle rules may concern; actors keep it as they change.</summary>
    AttentionCounts Attention { get; }

    void Publish(SupervisorEvent @event);

    /// <summary>A backoff delay ran out: the engine decides whether the restart can spawn now or must wait.</summary>
    void OnRestartDue(ProcessActor actor);

    /// <summary>A scheduled run of <paramref name="actor"/> came due (the timer of the next one is armed already).</summary>
    void OnRunDue(ProcessActor actor, DateTimeOffset due);

    /// <summary>A new run's pid, for stats; and its end.</summary>
    void TrackRun(string process, int pid);
    void UntrackRun(string process);

    ProcessLog CreateLog(string process);
}
