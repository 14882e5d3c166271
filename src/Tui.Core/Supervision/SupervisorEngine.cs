using System.Collections;
using System.Collections.Immutable;
using System.Reactive.Concurrency;
using System.Runtime.CompilerServices;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Tui.Core.Config;
using Tui.Core.Logs;
using Tui.Core.Processes;
using Tui.Core.Stats;

namespace Tui.Core.Supervision;

/// <summary>
/// The engine behind <see cref="Supervisor"/>: the actors and every decision that involves more than one process
/// (dependencies, stop order, targets, shutdown). All of it runs on one <see cref="EngineLoop"/>; after each message
/// the engine settles: waiting processes whose dependencies now hold are spawned, pending stops whose dependants
/// are down are sent, restarts whose stop completed are started, until nothing changes.
/// </summary>
internal sealed partial class SupervisorEngine : IActorHost, IDisposable
{
    /// <summary>
    /// After the shutdown deadline's SIGKILL, how long to wait for the exits to be reported before giving up on them.
    /// SIGKILL cannot be caught, so only a process in uninterruptible sleep (a hung NFS read) takes longer.
    /// </summary>
    internal static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(5);

    private readonly SupervisorOptions _options;
    private readonly EngineLoop _loop;
    private readonly List<ProcessActor> _actors = [];
    /// <summary>The same actors for readers on other threads (RecentLogs); replaced, never mutated, on the loop.</summary>
    private volatile ImmutableDictionary<string, ProcessActor> _byName = ImmutableDictionary<string, ProcessActor>.Empty;
    private readonly Dictionary<ProcessActor, IDisposable> _logFeeds = [];
    private readonly BehaviorSubject<ImmutableArray<ProcessSnapshot>> _snapshots = new([]);
    /// <summary>
    /// The latest snapshot for readers on any thread. BehaviorSubject.Value takes the subject's lock, which the engine
    /// holds while it publishes: a caller polling a status then stalled the engine (and was stalled by it).
    /// </summary>
    private volatile StrongBox<ImmutableArray<ProcessSnapshot>> _current = new([]);
    private readonly Subject<SupervisorEvent> _events = new();
    private readonly ISubject<LogLine> _logs = Subject.Synchronize(new Subject<LogLine>());
    private readonly StatsCollector? _stats;
    private readonly SerialDisposable _shutdownTimer = new();
    private readonly TaskCompletionSource _allDown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LogOptions _logOptions;
    private List<ProcessActor> _startOrder = [];
    private long _version;
    /// <summary>Entries of the published snapshot no longer line up with <see cref="_actors"/>: the next publish rebuilds them all.</summary>
    private bool _setReshaped;

    /// <summary>Processes whose details changed since the last publish (a process may be listed more than once).</summary>
    private readonly List<ProcessActor> _detailsChanged = [];

    public SupervisorEngine(TuiConfig config, SupervisorOptions options)
    {
        _options = options;
        Config = config;
        _logOptions = options.Log ?? LogOptions.From(config.Settings, config.Settings.LogDirectory);
        BaseEnvironment = options.BaseEnvironment ?? CurrentEnvironment();
        _loop = new EngineLoop(error => _events.OnNext(
            new Notice(Clock.Now, null, NoticeLevel.Error, $"internal error in the supervisor: {error.Message}")));
        if (options.StatsSource is { } source) _stats = new StatsCollector(source, options.Scheduler, options.StatsInterval);
        foreach (var process in config.Processes) Add(process);
        _startOrder = OrderForStart();
        PublishSnapshot();
    }

    public TuiConfig Config { get; private set; }
    public IScheduler Clock => _options.Scheduler;
    public IProcessLauncher Launcher => _options.Launcher;
    public IReadinessCheck Readiness => _options.Readiness;
    public TimeSpan OutputGrace => _options.OutputGrace;
    public IRunMonitor? Monitor => _options.Monitor;
    public IReadOnlyDictionary<string, string> BaseEnvironment { get; }
    public bool ShuttingDown { get; private set; }

    public IObservable<SupervisorEvent> Events => _events;
    public IObservable<ImmutableArray<ProcessSnapshot>> Snapshots => _snapshots;
    public ImmutableArray<ProcessSnapshot> Current => _current.Value;

    /// <summary>
    /// The named process's entry in <see cref="Current"/>, or null. Safe on any thread: the process's place in the
    /// array is only a hint, checked against the entry's name, so a job in a set of thousands is found in O(1).
    /// </summary>
    public ProcessSnapshot? CurrentOf(string name)
    {
        var current = _current.Value;
        if (_byName.GetValueOrDefault(name)?.ListIndex is { } place && (uint)place < (uint)current.Length && current[place].Name == name)
            return current[place];
        foreach (var snapshot in current)
        {
            if (snapshot.Name == name) return snapshot; // just added or removed: not where the hint says
        }
        return null;
    }
    public IObservable<LogLine> Logs => _logs;
    public IObservable<ProcessStats> Stats => _stats?.Samples ?? Observable.Never<ProcessStats>();

    public IReadOnlyList<LogLine> RecentLogs(string process, int max) =>
        _byName.GetValueOrDefault(process)?.Log.Recent(max) ?? [];

    public IReadOnlyList<ProcessStats> StatsHistory(string process) => _stats?.History(process) ?? [];

    // ---- commands: each is one message; its result is known when the loop is idle again ----

    public Task<CommandResult> StartAutostart() => Ask(() =>
    {
        var started = new List<string>();
        // A scheduled job starts at its due times, not now.
        foreach (var actor in _startOrder.Where(a => a.Config.Autostart && a.Config.Schedule is null && a.State == ProcessState.Pending))
        {
            if (RequestStart(actor, "autostart", countsAsRestart: false, new HashSet<string>()) is null) started.Add(actor.Name);
        }
        if (!_schedulesArmed) ArmSchedules();
        return new CommandResult(true, started);
    });

    public Task<CommandResult> Start(ProcessTarget target) =>
        Command(target, _startOrder, actor => RequestStart(actor, "user start", countsAsRestart: false, new HashSet<string>()));

    public Task<CommandResult> Stop(ProcessTarget target) => Command(target, _startOrder, actor => RequestStop(actor, "user stop"));

    public Task<CommandResult> Restart(ProcessTarget target) => Command(target, _startOrder, RequestRestart);

    public Task<CommandResult> Pause(ProcessTarget target) => Command(target, _startOrder, actor =>
        actor.State is ProcessState.Starting or ProcessState.Running or ProcessState.Ready
            ? actor.Pause() ? null : $"{actor.Name} could not be paused"
            : $"{actor.Name} is {Describe(actor.State)}; only a running process can be paused");

    public Task<CommandResult> Resume(ProcessTarget target) => Command(target, _startOrder, actor =>
        actor.State == ProcessState.Paused
            ? actor.Resume() ? null : $"{actor.Name} could not be resumed"
            : $"{actor.Name} is {Describe(actor.State)}, not paused");

    /// <summary>
    /// Stops everything in reverse dependency order, SIGKILLs whatever is still alive after the config's
    /// shutdown_timeout, and completes once every child has exited (or <see cref="KillGrace"/> after the SIGKILL).
    /// </summary>
    public async Task Shutdown()
    {
        await Ask(() =>
        {
            if (ShuttingDown) return 0;
            ShuttingDown = true;
            foreach (var actor in _actors)
            {
                actor.StartWhenStopped = null;
                if (actor.State.IsAboutToStart()) actor.Stop("shutdown");
                else if (actor.State.IsAlive() && actor.State != ProcessState.Stopping) actor.PendingStop = "shutdown";
            }
            _shutdownTimer.Disposable = Clock.Schedule(Config.Settings.ShutdownTimeout, () => Post(KillRemaining));
            return 0;
        }).ConfigureAwait(false);
        await _allDown.Task.ConfigureAwait(false);
    }

    public void Dispose()
    {
        _shutdownTimer.Dispose();
        _admissionTimer.Dispose();
        foreach (var actor in _actors.ToArray()) Remove(actor);
        _stats?.Dispose();
        _events.OnCompleted();
        _snapshots.OnCompleted();
        _logs.OnCompleted();
    }

    // ---- IActorHost ----

    public void Post(Action message) => _loop.Post(() =>
    {
        message();
        Settle();
    });

    public AttentionCounts Attention { get; } = new();

    public void OnStateChanged(ProcessActor actor, StateChanged change)
    {
        if (actor.Counted && change.From == ProcessState.Waiting) Attention.Waiting--;
        if (actor.Counted && change.To == ProcessState.Waiting) Attention.Waiting++;
        if (change.From == ProcessState.Queued) LeaveQueue(actor);
        CountJob(actor, change);
        _version++;
        PublishSnapshot(actor);
        _events.OnNext(change);
    }

    public void OnDetailChanged(ProcessActor actor) => _detailsChanged.Add(actor);

    /// <summary>The set itself changed (processes removed or reordered, a reload): every entry is published again.</summary>
    private void OnSetReshaped() => _setReshaped = true;

    public void Publish(SupervisorEvent @event) => _events.OnNext(@event);

    public void OnRestartDue(ProcessActor actor) => AttemptStart(actor, "restart after backoff", countsAsRestart: true);

    public void TrackRun(string process, int pid) => _stats?.Track(process, pid);

    public void UntrackRun(string process) => _stats?.Untrack(process);

    public ProcessLog CreateLog(string process) => new(process, _logOptions, Clock);

    // ---- the engine's rules ----

    private Task<T> Ask<T>(Func<T> handler)
    {
        var asked = _loop.Ask(() =>
        {
            _askHandled = true;
            try
            {
                var result = handler();
                Settle();
                return (result, _launchesOfThisStep);
            }
            finally
            {
                _askHandled = false;
                _launchesOfThisStep = null;
            }
        });
        return AnswerOnceLaunched(asked);
    }

    /// <summary>A command answers once the starts it began have their child (or their failure) on the loop.</summary>
    private static async Task<T> AnswerOnceLaunched<T>(Task<(T Result, List<Task>? Launches)> asked)
    {
        var (result, launches) = await asked.ConfigureAwait(false);
        if (launches is not null) await Task.WhenAll(launches).ConfigureAwait(false);
        return result;
    }

    /// <summary>The launches begun by the command being handled (see <see cref="Ask"/>); other steps' are not waited for.</summary>
    private List<Task>? _launchesOfThisStep;
    private bool _askHandled;

    public void LaunchOffLoop(Func<Action> launch, Task launched)
    {
        if (_askHandled) (_launchesOfThisStep ??= []).Add(launched);
        var sequence = _launchesBegun++;
        // On the thread pool, as Process.Start blocks its caller's: for as long as the exec takes (a millisecond on a
        // busy machine). Dedicated threads were measured slower (handing over to them cost more than the pool's).
        ThreadPool.UnsafeQueueUserWorkItem(static s => s.Engine.Launched(s.Sequence, s.Launch()), (Engine: this, Sequence: sequence, Launch: launch), preferLocal: false);
    }

    /// <summary>
    /// Launches run side by side (two spawns overlap where one after the other they would not), but their outcomes
    /// reach the loop in the order the engine began them, so that processes are seen to start in that order (the
    /// pool's FIFO included): an outcome that overtook an earlier launch waits here for it.
    /// </summary>
    private void Launched(long sequence, Action outcome)
    {
        lock (_launchOutcomes)
        {
            _launchOutcomes[sequence] = outcome;
            // Posted under the lock, so that no other launch's outcome is queued in between.
            while (_launchOutcomes.Remove(_launchesReported, out var next))
            {
                _launchesReported++;
                Post(next);
            }
        }
    }

    private long _launchesBegun;
    private long _launchesReported;
    private readonly Dictionary<long, Action> _launchOutcomes = [];

    public void AfterSettle(Action callback) => _loop.AfterDrain(callback);

    /// <summary>
    /// Runs <paramref name="act"/> on each process the target names, in <paramref name="order"/>. Act returns null
    /// when it did something, or why it did nothing; for a single process that reason is the command's error.
    /// </summary>
    private Task<CommandResult> Command(ProcessTarget target, IReadOnlyList<ProcessActor> order, Func<ProcessActor, string?> act) => Ask(() =>
    {
        if (!TargetResolver.TryResolve(target, _actors, out var matched, out var error)) return CommandResult.Fail(error!);
        var affected = new List<string>();
        var refusals = new List<string>();
        foreach (var actor in order.Where(matched.Contains))
        {
            if (act(actor) is { } refusal) refusals.Add(refusal);
            else affected.Add(actor.Name);
        }
        return affected.Count == 0 && target is ProcessTarget.One
            ? CommandResult.Fail(string.Join("; ", refusals))
            : new CommandResult(true, affected);
    });

    private const string ShuttingDownRefusal = "the supervisor is shutting down";

    private string? RequestStart(ProcessActor actor, string reason, bool countsAsRestart, HashSet<string> visited)
    {
        if (ShuttingDown) return ShuttingDownRefusal;
        visited.Add(actor.Name);
        switch (actor.State)
        {
            case ProcessState.Disabled:
                return $"{actor.Name} is disabled";
            case ProcessState.Waiting or ProcessState.Queued:
                return $"{actor.Name} is already {Describe(actor.State)} ({actor.Reason})";
            case ProcessState.Stopping:
                actor.StartWhenStopped = reason;
                return null;
            case var state when state.IsAlive():
                if (actor.PendingStop is null) return $"{actor.Name} is already {Describe(state)}";
                actor.PendingStop = null; // the stop had not been sent yet: keep it running
                return null;
        }
        // A dependency nobody started (autostart = false) or the user stopped is started for its dependant.
        foreach (var dependency in actor.Config.DependsOn)
        {
            if (Find(dependency.Name) is { State: ProcessState.Pending or ProcessState.Stopped } needed && !visited.Contains(needed.Name))
            {
                RequestStart(needed, $"needed by {actor.Name}", countsAsRestart: false, visited);
            }
        }
        AttemptStart(actor, reason, countsAsRestart);
        return null;
    }

    private string? RequestStop(ProcessActor actor, string reason)
    {
        actor.StartWhenStopped = null;
        actor.OverlapRunWaiting = false;
        if (actor.State.IsAboutToStart() || (actor.State.IsAlive() && actor.State != ProcessState.Stopping))
        {
            actor.PendingStop = reason;
            return null;
        }
        return $"{actor.Name} is {Describe(actor.State)}";
    }

    private string? RequestRestart(ProcessActor actor)
    {
        const string reason = "user restart";
        if (ShuttingDown) return ShuttingDownRefusal;
        switch (actor.State)
        {
            case ProcessState.Disabled:
                return $"{actor.Name} is disabled";
            case ProcessState.Waiting or ProcessState.Queued:
                return $"{actor.Name} is {Describe(actor.State)} ({actor.Reason})";
            case ProcessState.Stopping:
                actor.StartWhenStopped = reason;
                return null;
            case var state when state.IsAlive():
                actor.PendingStop = reason;
                actor.StartWhenStopped = reason;
                return null;
            default:
                return RequestStart(actor, reason, countsAsRestart: true, new HashSet<string>());
        }
    }

    /// <summary>
    /// Spawns now if the dependencies hold (and, for a job, the pool has room), waits for them otherwise, fails if
    /// they never can. <paramref name="admitted"/>: the pool already let this job in (it was at the head of its queue).
    /// </summary>
    private void AttemptStart(ProcessActor actor, string reason, bool countsAsRestart, bool admitted = false)
    {
        if (ShuttingDown) return;
        var verdict = DependencyCheck.Evaluate(actor.Config, EffectiveState);
        switch (verdict.Outcome)
        {
            case DependencyOutcome.Satisfied when !admitted && PoolWait(actor) is { } wait:
                Enqueue(actor, reason, countsAsRestart, wait);
                break;
            case DependencyOutcome.Satisfied:
                actor.Spawn(reason, countsAsRestart);
                if (actor.Config.Kind == ProcessKind.Job) CheckSoftLimit();
                break;
            case DependencyOutcome.Waiting:
                actor.CancelTimer();
                actor.WaitingStart = (reason, countsAsRestart);
                if (actor.State == ProcessState.Waiting) actor.Explain(verdict.Reason);
                else actor.Fire(Trigger.AwaitDependencies, verdict.Reason);
                break;
            default:
                actor.CancelTimer();
                actor.Fire(Trigger.DependencyFailed, verdict.Reason);
                break;
        }
    }

    /// <summary>A dependency about to be stopped no longer counts as up, so a restarted dependant waits for its restart.</summary>
    private ProcessState? EffectiveState(string name) => Find(name) switch
    {
        null => null,
        { PendingStop: not null } actor when actor.State.IsAlive() => ProcessState.Stopping,
        var actor => actor.State,
    };

    /// <summary>Applies the cross-process rules until nothing changes, then publishes the snapshot.</summary>
    private void Settle()
    {
        long seen;
        do
        {
            seen = _version;
            System.Diagnostics.Debug.Assert(Attention.Agree(_actors), "the attention counts drifted from the set");
            if (Attention.Waiting > 0)
            {
                foreach (var actor in Matching(static a => a.State == ProcessState.Waiting))
                {
                    AttemptStart(actor, actor.WaitingStart.Reason, actor.WaitingStart.CountsAsRestart);
                }
            }
            AdmitQueued();
            if (Attention.OverlapRunsWaiting > 0) StartOverlappedRuns();
            if (Attention.PendingStops > 0) AdvanceStops();
            if (Attention.StartsWhenStopped > 0)
            {
                foreach (var actor in Matching(static a => a.StartWhenStopped is not null && !a.State.IsAlive() && a.PendingStop is null))
                {
                    var reason = actor.StartWhenStopped!;
                    actor.StartWhenStopped = null;
                    AttemptStart(actor, reason, countsAsRestart: true);
                }
            }
            RetireStopped();
        } while (seen != _version);

        if (ShuttingDown && !_actors.Any(a => a.State.IsAlive())) _allDown.TrySetResult();
        RefreshQueuePositions();
        if (_setReshaped) PublishSnapshot();
        else if (_detailsChanged.Count > 0 || _current.Value.Length != _actors.Count) PublishChangedDetails();
    }

    /// <summary>
    /// The actors that match, in start order (or reverse), copied so that acting on them may change the order. Settle
    /// asks this several times per message, and almost always nothing matches: then nothing is allocated.
    /// </summary>
    private IReadOnlyList<ProcessActor> Matching(Func<ProcessActor, bool> predicate, bool reverse = false)
    {
        List<ProcessActor>? matched = null;
        for (var i = 0; i < _startOrder.Count; i++)
        {
            var actor = _startOrder[reverse ? _startOrder.Count - 1 - i : i];
            if (predicate(actor)) (matched ??= []).Add(actor);
        }
        return matched ?? (IReadOnlyList<ProcessActor>)[];
    }

    /// <summary>Sends each pending stop once no dependant of the process is still alive and on its way down.</summary>
    private void AdvanceStops()
    {
        foreach (var actor in Matching(static a => a.PendingStop is not null, reverse: true))
        {
            var reason = actor.PendingStop!;
            if (!actor.State.IsAlive() || actor.State == ProcessState.Stopping)
            {
                if (actor.State.IsAboutToStart()) actor.Stop(reason);
                actor.PendingStop = null;
                continue;
            }
            var blocked = _actors.Any(d =>
                d.Config.DependsOn.Any(x => x.Name == actor.Name) &&
                (d.State == ProcessState.Stopping || (d.PendingStop is not null && d.State.IsAlive())));
            if (blocked) continue;
            actor.PendingStop = null;
            actor.Stop(reason);
        }
    }

    /// <summary>The shutdown deadline: whatever is still alive is stopped and SIGKILLed at once.</summary>
    private void KillRemaining()
    {
        foreach (var actor in _actors.Where(a => a.State.IsAlive()))
        {
            actor.PendingStop = null;
            if (actor.State != ProcessState.Stopping) actor.Stop("shutdown");
            actor.Kill();
        }
        _shutdownTimer.Disposable = Clock.Schedule(KillGrace, () => Post(GiveUpOnExits));
    }

    private void GiveUpOnExits()
    {
        foreach (var actor in _actors.Where(a => a.State.IsAlive()))
        {
            Publish(new Notice(Clock.Now, actor.Name, NoticeLevel.Error, $"did not exit {DurationText.Format(KillGrace)} after SIGKILL"));
        }
        _allDown.TrySetResult();
    }

    private ProcessActor Add(ProcessConfig process)
    {
        var actor = new ProcessActor(process, this);
        _actors.Add(actor);
        NoteDependencies(process);
        _byName = _byName.SetItem(actor.Name, actor);
        _logFeeds[actor] = actor.Log.Lines.Subscribe(_logs.OnNext);
        return actor;
    }

    private void Remove(ProcessActor actor)
    {
        if (_logFeeds.Remove(actor, out var feed)) feed.Dispose();
        if (_actors.Remove(actor)) Attention.Forget(actor);
        _setReshaped = true;
        _byName = _byName.Remove(actor.Name);
        _stats?.Forget(actor.Name);
        actor.Dispose();
    }

    private ProcessActor? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// Dependencies first (a loaded config has no cycle). The engine gates every start on its dependencies anyway;
    /// this order makes commands act, and events read, in a sensible order, and stops go the reverse way.
    /// </summary>
    private List<ProcessActor> OrderForStart() =>
        DependencyGraph.Of(_actors.Select(a => a.Config)).StartOrder.Select(name => _byName[name]).ToList();

    /// <summary>
    /// Publishes <paramref name="actor"/>'s new entry at once (with those of any other process whose details changed
    /// since): a state change rebuilds one snapshot, not one per process, so restarting a stack of n processes costs
    /// O(n) snapshots instead of O(n²).
    /// </summary>
    private void PublishSnapshot(ProcessActor actor)
    {
        _detailsChanged.Add(actor);
        PublishChangedDetails();
    }

    /// <summary>
    /// Replaces the entries of the processes whose details changed, in one array: when the pool admits a job, every
    /// queued job's place changes, and rebuilding every process's entry for it made a pool run O(n²).
    /// </summary>
    private void PublishChangedDetails()
    {
        if (Extended() is not { } current)
        {
            PublishSnapshot();
            return;
        }
        ImmutableArray<ProcessSnapshot>.Builder? changed = null;
        foreach (var actor in _detailsChanged)
        {
            var index = IndexOf(actor);
            if (index < 0) continue; // removed since
            var snapshot = actor.Snapshot();
            if (ReferenceEquals(snapshot, changed is null ? current[index] : changed[index])) continue;
            changed ??= current.ToBuilder();
            changed[index] = snapshot;
        }
        _detailsChanged.Clear();
        if (changed is not null) current = changed.MoveToImmutable();
        if (current != _current.Value) Publish(current);
    }

    /// <summary>
    /// The published array with entries for processes added since at its end (a spawned job is appended), or null when
    /// the set was reshaped since (a process removed, the set reordered): then every entry is rebuilt.
    /// </summary>
    private ImmutableArray<ProcessSnapshot>? Extended()
    {
        var current = _current.Value;
        if (_setReshaped || current.Length > _actors.Count) return null;
        if (current.Length == _actors.Count) return current;
        var all = ImmutableArray.CreateBuilder<ProcessSnapshot>(_actors.Count);
        all.AddRange(current);
        for (var i = current.Length; i < _actors.Count; i++)
        {
            _actors[i].ListIndex = i;
            all.Add(_actors[i].Snapshot());
        }
        return all.MoveToImmutable();
    }

    /// <summary>The actor's place in <see cref="_actors"/> (and so in the snapshot): where it was last time, else a scan.</summary>
    private int IndexOf(ProcessActor actor)
    {
        var hint = actor.ListIndex;
        if ((uint)hint < (uint)_actors.Count && ReferenceEquals(_actors[hint], actor)) return hint;
        return actor.ListIndex = _actors.IndexOf(actor);
    }

    /// <summary>Every process's snapshot; nothing is published when each is the one already current.</summary>
    private void PublishSnapshot()
    {
        _setReshaped = false;
        _detailsChanged.Clear();
        var current = _current.Value;
        if (current.Length == _actors.Count)
        {
            var index = 0;
            while (index < current.Length && ReferenceEquals(current[index], _actors[index].Snapshot())) index++;
            if (index == current.Length) return;
        }
        var all = ImmutableArray.CreateBuilder<ProcessSnapshot>(_actors.Count);
        for (var i = 0; i < _actors.Count; i++)
        {
            _actors[i].ListIndex = i;
            all.Add(_actors[i].Snapshot());
        }
        Publish(all.MoveToImmutable());
    }

    private void Publish(ImmutableArray<ProcessSnapshot> all)
    {
        _current = new(all);
        _snapshots.OnNext(all);
    }

    private static string Describe(ProcessState state) => state.ToString().ToLowerInvariant();

    private static Dictionary<string, string> CurrentEnvironment()
    {
        var environment = new Dictionary<string, string>();
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value) environment[key] = value;
        }
        return environment;
    }
}
