using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Tui.Core.Config;
using Tui.Core.Config.Values;

namespace Tui.Core.Supervision;

/// <summary>
/// The concurrency pool for jobs (services are never held back): at most settings.max_concurrent_jobs alive at once,
/// and none admitted while available memory is below min_free_memory or the load above max_load. The rest wait in
/// the Queued state, higher priority first and in order of arrival within a priority. The queue is made of actors,
/// so a reload keeps it (only removed jobs leave it), and a queued job that is stopped simply leaves it.
/// </summary>
internal sealed partial class SupervisorEngine
{
    /// <summary>The queued jobs in admission order: priority descending, then arrival.</summary>
    private readonly List<ProcessActor> _queue = [];
    private readonly SerialDisposable _admissionTimer = new();
    private bool _admissionCheckPending;
    private bool _queueShifted;
    private long _queueSequence;
    private bool _aboveSoftLimit;

    private PoolSettings Pool => Config.Settings.Pool;

    /// <summary>Null when <paramref name="actor"/> may spawn now; otherwise why it has to wait for the pool.</summary>
    private string? PoolWait(ProcessActor actor)
    {
        if (actor.Config.Kind != ProcessKind.Job || Pool == PoolSettings.Unlimited) return null;
        // No overtaking: a job that becomes startable joins the queue, and the queue is admitted in order.
        if (_queue.Count > 0) return _queue[0].Reason ?? "waiting for the pool";
        return Admission(out _);
    }

    /// <summary>Why no job can be admitted now, or null; <paramref name="machineBound"/>: the wait is for memory or load, which no event announces.</summary>
    private string? Admission(out bool machineBound)
    {
        machineBound = false;
        var pool = Pool;
        if (pool.MaxConcurrentJobs is { } max && RunningJobs() is var running && running >= max)
            return $"waiting for the pool: {running} of {max} jobs running";
        machineBound = true;
        if (pool.MinFreeMemoryBytes is { } min && _options.SystemLoad.AvailableMemoryBytes() is { } free && free < min)
            return $"waiting for memory: {ByteSize.Format(free)} available, min_free_memory is {ByteSize.Format(min)}";
        if (pool.MaxLoad is { } maxLoad && _options.SystemLoad.LoadAverage() is { } load && load > maxLoad)
            return string.Create(CultureInfo.InvariantCulture, $"waiting for the load to fall: {load:0.00}, max_load is {maxLoad}");
        machineBound = false;
        return null;
    }

    /// <summary>
    /// Jobs alive now, kept by <see cref="CountJob"/> on every state change: the pool asks at every admission, and a
    /// count over the set was O(n) per admission. A reload that may change kinds counts again (<see cref="RecountJobs"/>).
    /// </summary>
    private int _runningJobs;

    private int RunningJobs() => _runningJobs;

    /// <summary>Part of <see cref="OnStateChanged"/>.</summary>
    private void CountJob(ProcessActor actor, StateChanged change)
    {
        if (actor.Config.Kind != ProcessKind.Job || change.From.IsAlive() == change.To.IsAlive()) return;
        _runningJobs += change.To.IsAlive() ? 1 : -1;
    }

    private void RecountJobs()
    {
        _runningJobs = 0;
        foreach (var actor in _actors)
        {
            if (actor.Config.Kind == ProcessKind.Job && actor.State.IsAlive()) _runningJobs++;
        }
    }

    private void Enqueue(ProcessActor actor, string reason, bool countsAsRestart, string why)
    {
        actor.CancelTimer();
        actor.WaitingStart = (reason, countsAsRestart);
        if (actor.State == ProcessState.Queued)
        {
            actor.Explain(why);
            _queueExplained = null;
            return;
        }
        actor.QueuedSequence = ++_queueSequence;
        // Most jobs go last (the same priority as the last one, or lower): no search through a long queue for them.
        var goesLast = _queue.Count == 0 || _queue[^1].Config.Priority >= actor.Config.Priority;
        var index = goesLast ? -1 : _queue.FindIndex(queued => queued.Config.Priority < actor.Config.Priority);
        if (index < 0) index = _queue.Count;
        else _queueReordered = true; // it goes ahead of some: their places move back
        if (why != _queueExplained) _queueExplained = null;
        _queue.Insert(index, actor);
        actor.QueuePosition = index + 1;
        actor.Fire(Trigger.Enqueue, why);
        actor.Log.WriteSystem($"queued at place {index + 1}: {why}");
    }

    /// <summary>Part of <see cref="OnStateChanged"/>: a job that leaves the Queued state (admitted, stopped, failed) leaves the queue.</summary>
    private void LeaveQueue(ProcessActor actor)
    {
        if (!_queue.Remove(actor)) return;
        actor.QueuePosition = null;
        _queueShifted = true;
        _leftSinceRenumbered++;
    }

    /// <summary>Part of <see cref="Settle"/>: admits queued jobs from the head while the pool has room.</summary>
    private void AdmitQueued()
    {
        while (_queue.Count > 0 && !ShuttingDown)
        {
            if (Admission(out var machineBound) is { } why)
            {
                // Jobs join the queue with its reason of the moment, so once every one has been told, the same reason
                // needs no second pass over a long queue at each settle.
                if (why != _queueExplained)
                {
                    foreach (var queued in _queue) queued.Explain(why);
                    _queueExplained = why;
                }
                if (machineBound) RecheckAdmissionLater();
                return;
            }
            var head = _queue[0];
            AttemptStart(head, head.WaitingStart.Reason, head.WaitingStart.CountsAsRestart, admitted: true);
            if (_queue.Count > 0 && _queue[0] == head) LeaveQueue(head); // defensive: it must never block the queue
        }
    }

    /// <summary>Memory and load change without an event: while they hold the queue back they are read again on the engine's clock.</summary>
    private void RecheckAdmissionLater()
    {
        if (_admissionCheckPending) return;
        _admissionCheckPending = true;
        _admissionTimer.Disposable = Clock.Schedule(_options.AdmissionInterval, () => Post(() => _admissionCheckPending = false));
    }

    /// <summary>A reload may change priorities (and the pool's limits): the queue is put in order again, arrival order kept within a priority.</summary>
    private void ReorderQueue()
    {
        var ordered = _queue.OrderByDescending(a => a.Config.Priority).ThenBy(a => a.QueuedSequence).ToList();
        if (ordered.SequenceEqual(_queue)) return;
        _queue.Clear();
        _queue.AddRange(ordered);
        _queueReordered = true;
    }

    /// <summary>
    /// How many places at the head of the queue are always exact. Behind them a place is brought up to date once that
    /// many jobs have left the queue, so it may show up to that many places too far back: renumbering every queued job
    /// at every admission republished each one's snapshot, O(n²) over a queue of a thousand (100 MB allocated).
    /// </summary>
    internal const int ExactQueuePlaces = 32;

    private bool _queueReordered;

    /// <summary>The reason every queued job was last given (<see cref="AdmitQueued"/>); null once one may have another.</summary>
    private string? _queueExplained;
    private int _leftSinceRenumbered;

    /// <summary>Part of <see cref="Settle"/>: queued jobs' places, once the queue has moved (see <see cref="ExactQueuePlaces"/>).</summary>
    private void RefreshQueuePositions()
    {
        if (_aboveSoftLimit && Pool.SoftLimit is { } soft && RunningJobs() <= soft) _aboveSoftLimit = false;
        if (!_queueShifted && !_queueReordered) return;
        var all = _queueReordered || _leftSinceRenumbered >= ExactQueuePlaces;
        var count = all ? _queue.Count : Math.Min(_queue.Count, ExactQueuePlaces);
        for (var i = 0; i < count; i++) _queue[i].QueuePosition = i + 1;
        _queueShifted = false;
        if (!all) return;
        _queueReordered = false;
        _leftSinceRenumbered = 0;
    }

    /// <summary>After a job spawned: above the soft limit, one warning (again only once the count has come back under it).</summary>
    private void CheckSoftLimit()
    {
        if (Pool.SoftLimit is not { } soft || _aboveSoftLimit) return;
        var running = RunningJobs();
        if (running <= soft) return;
        _aboveSoftLimit = true;
        Publish(new Notice(Clock.Now, null, NoticeLevel.Warning, $"{running} jobs running, above soft_max_concurrent_jobs ({soft})"));
    }
}
