using System.Reactive.Linq;
using Tui.Core.Config;
using Tui.Core.Config.Loading;
using Tui.Core.Supervision;

namespace Tui.Jobs;

/// <summary>The commands: spawn, stop, restart, wait.</summary>
public sealed partial class ProcessManager
{
    /// <summary>
    /// Adds the process to the manager's set and starts it (or queues it, when the pool is full). Completes once the
    /// child is spawned, with its pid; its output and events are followed from its first line.
    /// </summary>
    /// <exception cref="JobException">
    /// The definition has no command, its name is taken or cannot name a process, or the program could not be started
    /// (not found, not executable: the process stays listed as failed). Nothing else is affected.
    /// </exception>
    public async Task<JobHandle> SpawnAsync(ProcessDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var state = definition.State;
        if (state.Argv.IsEmpty || string.IsNullOrWhiteSpace(state.Argv[0]))
            throw new JobException($"cannot spawn \"{state.Name}\": it has no command (give it one with WithCommand)");
        cancellationToken.ThrowIfCancellationRequested();
        var job = new AdHocJob(state.Name, state.Argv, state.WorkingDirectory, RestartOnFailure: false)
        {
            Env = state.Environment,
            MetadataJson = state.MetadataJson,
        };
        var result = await _supervisor.SpawnAsync(job, config => Refine(config, state), "spawned").ConfigureAwait(false);
        if (!result.Ok) throw new JobException($"cannot spawn \"{state.Name}\": {result.Error}");
        var snapshot = Snapshot(state.Name);
        if (snapshot.State == ProcessState.Failed) throw new JobException($"cannot spawn \"{state.Name}\": {snapshot.Reason} (it is listed as failed)");
        // The run's own pid, from its start event: the snapshot has none once a short job has already exited.
        var facts = _feed.Facts(state.Name);
        return new JobHandle(state.Name, snapshot.Pid ?? facts.LastPid, facts.LastStartedAt ?? Clock.Now);
    }

    /// <summary>
    /// Stops the process and completes when it is down. Graceful: SIGTERM to its process group, then SIGKILL of the
    /// whole group after its grace period. With <paramref name="force"/>: SIGKILL at once. A process that is already
    /// down is left as it is and its last result returned.
    /// </summary>
    /// <exception cref="JobException">No process has that id.</exception>
    public async Task<ExitResult> StopAsync(string id, bool force = false, CancellationToken cancellationToken = default)
    {
        Snapshot(id);
        var down = _ends.WaitAsync(id, cancellationToken);
        var target = new ProcessTarget.One(id);
        var result = await (force ? _supervisor.KillAsync(target) : _supervisor.StopAsync(target)).ConfigureAwait(false);
        if (!result.Ok && !StatusMapping.IsFinal(Snapshot(id))) throw new JobException($"cannot stop \"{id}\": {result.Error}");
        return await down.ConfigureAwait(false);
    }

    /// <summary>Stops every process (dependants first; see <see cref="StopAsync"/>) and completes when none is alive.</summary>
    public async Task StopAllAsync(bool force = false, CancellationToken cancellationToken = default)
    {
        var allDown = FirstValue.Of(_supervisor.Snapshots.Where(all => all.All(s => !s.State.IsAlive())), cancellationToken);
        var target = new ProcessTarget.All();
        await (force ? _supervisor.KillAsync(target) : _supervisor.StopAsync(target)).ConfigureAwait(false);
        await allDown.ConfigureAwait(false);
    }

    /// <summary>Stops the process (gracefully) and starts it again; for one that is down, starts it. Completes once the restart is under way.</summary>
    /// <exception cref="JobException">No process has that id, or it cannot be restarted now (disabled, the manager is shutting down).</exception>
    public async Task RestartAsync(string id, CancellationToken cancellationToken = default)
    {
        Snapshot(id);
        cancellationToken.ThrowIfCancellationRequested();
        var result = await _supervisor.RestartAsync(new ProcessTarget.One(id)).ConfigureAwait(false);
        if (!result.Ok) throw new JobException($"cannot restart \"{id}\": {result.Error}");
    }

    /// <summary>
    /// Completes when the process has ended for good (completed, errored, failed or stopped; a run that will be
    /// restarted is not the end), with how it ended. At once for one that is already down.
    /// </summary>
    /// <exception cref="JobException">No process has that id.</exception>
    public Task<ExitResult> WaitAsync(string id, CancellationToken cancellationToken = default)
    {
        Snapshot(id);
        return _ends.WaitAsync(id, cancellationToken);
    }

    /// <summary>The ad-hoc config, with what the definition adds (the engine writes its <see cref="ProcessConfig.Definition"/> after).</summary>
    private static ProcessConfig Refine(ProcessConfig config, DefinitionState state) => config with
    {
        Group = state.Group ?? config.Group,
        Kind = state.IsService ? ProcessKind.Service : ProcessKind.Job,
        Restart = state.Restart switch
        {
            Restart.Always => RestartPolicy.Always,
            Restart.OnFailure => RestartPolicy.OnFailure,
            _ => RestartPolicy.No,
        },
        MaxRestarts = state.MaxRestarts,
        // A fixed delay: the same wait before every restart.
        Backoff = state.RestartDelay is { } delay ? new BackoffConfig(delay, 1.0, delay, BackoffConfig.Default.ResetAfter) : config.Backoff,
        StopTimeout = state.GracePeriod,
        Limits = state.Limits,
        Events = state.Events,
        HeartbeatTimeout = state.HeartbeatTimeout,
        Readiness = state.Readiness,
        Schedule = state.Schedule,
        Priority = state.Priority,
    };
}
