using Tui.Core.Config;
using Tui.Core.Processes;
using Tui.Core.Reload;
using Tui.Core.Watching;

namespace Tui.Core.Supervision;

/// <summary>
/// Live reload and file-watch restarts, as engine messages: a new config is applied as its difference (added start by
/// autostart, removed stop and leave once down, changed restart, unchanged keep their run), and a batch of changed
/// files restarts (or signals) its process once, however many files were in it.
/// </summary>
internal sealed partial class SupervisorEngine : IReloadTarget, IWatchTarget
{
    private const string RemovedReason = "removed from config";
    private const string ChangedReason = "config changed";

    /// <summary>Removed by a reload but not yet down: kept (and shown) until their run ends, then dropped.</summary>
    private readonly HashSet<ProcessActor> _retiring = [];

    /// <summary>Set disabled by a reload while alive: disabled once down.</summary>
    private readonly HashSet<ProcessActor> _disableWhenDown = [];

    public Task<ConfigDiff> ApplyConfigAsync(TuiConfig fromFile) => Ask(() =>
    {
        var next = WithAdHoc(fromFile);
        var diff = ConfigDiff.Compute(Config, next);
        Config = next;
        _dependedOn = null; // dependencies may have changed: asked again, it is rebuilt from the new set
        foreach (var name in diff.Removed) Retire(Find(name)!);
        foreach (var name in diff.Unchanged) Find(name)!.Reconfigure(next.Find(name)!);
        foreach (var name in diff.Changed) Change(Find(name)!, next.Find(name)!);
        foreach (var name in diff.Added)
        {
            var config = next.Find(name)!;
            // Removed by an earlier reload and still on its way down: it comes back as a changed process.
            if (Find(name) is { } returning && _retiring.Remove(returning)) Change(returning, config);
            else Add(config);
        }
        OrderLike(next);
        RecountJobs(); // a changed kind counts from now on
        ReorderQueue();
        if (_schedulesArmed) ArmSchedules();
        foreach (var name in diff.Added)
        {
            var actor = Find(name)!;
            if (actor.Config.Autostart && actor.Config.Schedule is null && actor.State is ProcessState.Pending)
                RequestStart(actor, "added by reload", countsAsRestart: false, []);
        }
        OnSetReshaped();
        Publish(new ConfigReloaded(Clock.Now, diff.Added, diff.Removed, diff.Changed));
        return diff;
    });

    public void ReportConfigError(string message) => Post(() => Publish(new ConfigError(Clock.Now, message)));

    public void WatchNotice(string process, NoticeLevel level, string message) =>
        Post(() => Publish(new Notice(Clock.Now, process, level, message)));

    public void FilesChanged(string process, ChangeBatch batch) => Post(() =>
    {
        if (ShuttingDown || Find(process) is not { } actor || _retiring.Contains(actor)) return;
        var cause = $"file changed: {batch.FirstPath}";
        if (actor.Config.Watch?.Signal is { } signal)
        {
            if (actor.SignalRun(signal, cause))
                Publish(new Notice(Clock.Now, process, NoticeLevel.Info, $"file changed: {batch.Describe()}: sent {Signals.Name(signal)}"));
            return;
        }
        if (!RestartForChange(actor, cause)) return;
        actor.Log.WriteSystem($"file changed: {batch.Describe()}: restarting");
        Publish(new RestartScheduled(Clock.Now, process, actor.Snapshot().Restarts + 1, TimeSpan.Zero, cause));
        Publish(new Notice(Clock.Now, process, NoticeLevel.Info, $"file changed: {batch.Describe()}: restarting"));
    });

    /// <summary>
    /// Restarts for a file change. A restart already under way absorbs it (the new run starts after the change, so it
    /// sees it): two restarts never overlap. A process the user stopped, or never started, stays as it is.
    /// </summary>
    private bool RestartForChange(ProcessActor actor, string cause)
    {
        switch (actor.State)
        {
            case ProcessState.Stopping:
            case var alive when alive.IsAlive() && actor.StartWhenStopped is not null:
                return false;
            case var alive when alive.IsAlive():
                actor.PendingStop = cause;
                actor.StartWhenStopped = cause;
                return true;
            // Crashed and waiting, or given up: like nodemon, a fix on disk is worth another try.
            case ProcessState.Backoff or ProcessState.Failed or ProcessState.Errored or ProcessState.Completed:
                AttemptStart(actor, cause, countsAsRestart: true);
                return true;
            default:
                return false;
        }
    }

    private void Retire(ProcessActor actor)
    {
        _retiring.Add(actor);
        _disableWhenDown.Remove(actor);
        RequestStop(actor, RemovedReason); // refused only when it is down already: then it leaves at once
    }

    private void Change(ProcessActor actor, ProcessConfig config)
    {
        actor.Reconfigure(config);
        if (config.Disabled)
        {
            if (actor.State == ProcessState.Disabled) return;
            _disableWhenDown.Add(actor);
            RequestStop(actor, "disabled by reload");
            return;
        }
        _disableWhenDown.Remove(actor);
        if (actor.State == ProcessState.Disabled)
        {
            actor.Fire(Trigger.Enable, "enabled by reload");
            if (config.Autostart && config.Schedule is null) RequestStart(actor, "enabled by reload", countsAsRestart: false, []);
            return;
        }
        switch (actor.State)
        {
            case ProcessState.Stopping:
                break; // a stop the user asked for stays a stop; the next start runs the new config
            case var alive when alive.IsAlive():
                actor.PendingStop = ChangedReason;
                actor.StartWhenStopped = ChangedReason;
                break;
            case ProcessState.Failed when config.Schedule is null: // a scheduled job waits for its next due time
                AttemptStart(actor, ChangedReason, countsAsRestart: false); // the edit may be the fix
                break;
        }
    }

    /// <summary>Part of <see cref="Settle"/>: drops retired processes and disables processes once they are down.</summary>
    private void RetireStopped()
    {
        // Settle runs this after every message, and almost always after no reload: then it allocates nothing.
        if (_disableWhenDown.Count == 0 && _retiring.Count == 0) return;
        foreach (var actor in _disableWhenDown.Where(IsDown).ToList())
        {
            _disableWhenDown.Remove(actor);
            actor.Fire(Trigger.Disable, "disabled by reload");
        }
        var gone = _retiring.Where(IsDown).ToList();
        if (gone.Count == 0) return;
        foreach (var actor in gone)
        {
            _retiring.Remove(actor);
            Remove(actor);
        }
        _startOrder = OrderForStart();
        _version++;
        OnSetReshaped();
    }

    private static bool IsDown(ProcessActor actor) =>
        !actor.State.IsAlive() && actor.PendingStop is null && !actor.State.IsAboutToStart();

    /// <summary>The list in the new config's order; processes on their way out go last.</summary>
    private void OrderLike(TuiConfig config)
    {
        var index = config.Processes.Select((p, i) => (p.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var ordered = _actors.OrderBy(a => _retiring.Contains(a) ? int.MaxValue : index.GetValueOrDefault(a.Name, int.MaxValue)).ToList();
        _actors.Clear();
        _actors.AddRange(ordered);
        OnSetReshaped();
        _startOrder = OrderForStart();
    }
}
