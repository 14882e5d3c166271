using Tui.Core.Config;

namespace Tui.Core.Supervision;

/// <summary>
/// Jobs added to the running set from code (tui run, the embedding API): an ad-hoc job's config, refined by its
/// caller (restart, limits, events, schedule...), joins the set as an ad-hoc job and starts.
/// </summary>
internal sealed partial class SupervisorEngine
{
    /// <summary>
    /// Names that some process in the set depends on, so that a spawn need not look through every process's
    /// dependencies; null until needed again after a reload (which may change any of them). Processes added since are in it.
    /// </summary>
    private HashSet<string>? _dependedOn;

    private bool IsDependedOn(string name)
    {
        if (_dependedOn is null)
        {
            _dependedOn = new(StringComparer.Ordinal);
            foreach (var actor in _actors) NoteDependencies(actor.Config);
        }
        return _dependedOn.Contains(name);
    }

    /// <summary>Keeps <see cref="_dependedOn"/> whole as processes join the set.</summary>
    private void NoteDependencies(ProcessConfig config)
    {
        if (_dependedOn is null) return;
        foreach (var dependency in config.DependsOn) _dependedOn.Add(dependency.Name);
    }

    /// <param name="refine">Turns the default ad-hoc config into the one wanted; it must keep the name (its definition text is written after).</param>
    /// <param name="reason">Why it starts, as its first transition says ("tui run", "spawned").</param>
    public Task<CommandResult> Spawn(AdHocJob job, Func<ProcessConfig, ProcessConfig> refine, string reason) => Ask(() =>
    {
        if (ShuttingDown) return CommandResult.Fail(ShuttingDownRefusal);
        if (job.Problem() is { } problem) return CommandResult.Fail(problem);
        if (Find(job.Name) is not null) return CommandResult.Fail($"a process named \"{job.Name}\" already exists");
        var config = AdHocJob.Defined(refine(job.ToConfig(Config)));
        _adHoc[job.Name] = config;
        Config = Config with { Processes = Config.Processes.Add(config) };
        var actor = Add(config);
        // The new job goes last in both orders, as OrderLike would put it, unless something in the set already names
        // it as a dependency or processes on their way out must stay last; sorting the whole set for each of a
        // thousand spawns was most of a pool run's engine time.
        if (_retiring.Count == 0 && config.DependsOn.IsEmpty && !IsDependedOn(job.Name)) _startOrder.Add(actor);
        else OrderLike(Config);
        // A scheduled job waits for its first due time, as one from the file does; any other starts now.
        if (config.Schedule is null) RequestStart(actor, reason, countsAsRestart: false, []);
        else if (_schedulesArmed) actor.ArmSchedule();
        // Published when the engine settles, appended to the snapshot (the rest of it is unchanged).
        OnDetailChanged(actor);
        return new CommandResult(true, [job.Name]);
    });

    /// <summary>A forced stop: the stop is recorded as usual, and the whole group gets SIGKILL at once instead of after stop_timeout.</summary>
    public Task<CommandResult> Kill(ProcessTarget target) => Command(target, _startOrder, actor =>
    {
        actor.StartWhenStopped = null;
        actor.PendingStop = null;
        if (actor.State.IsAboutToStart()) return actor.Stop("forced stop") ? null : $"{actor.Name} could not be stopped";
        if (!actor.State.IsAlive()) return $"{actor.Name} is {Describe(actor.State)}";
        if (actor.State != ProcessState.Stopping) actor.Stop("forced stop");
        actor.Kill("forced stop");
        return null;
    });
}
