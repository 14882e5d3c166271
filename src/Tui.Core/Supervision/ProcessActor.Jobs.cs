using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Tui.Core.Config;
using Tui.Core.Jobs;

namespace Tui.Core.Supervision;

/// <summary>
/// The actor's side of scheduled jobs and the pool: the timer of its next scheduled run, and its place in the pool's
/// queue. What a due run does (start, skip, wait behind the previous run) and who is admitted is the engine's call.
/// </summary>
internal sealed partial class ProcessActor
{
    private readonly SerialDisposable _scheduleTimer = new();
    private ScheduleConfig? _armedFor;
    private ScheduleTimes? _times;
    private int? _queuePosition;

    /// <summary>When the next scheduled run is due; null when the process has no schedule (or it never matches again).</summary>
    public DateTimeOffset? NextRunAt { get; private set; }

    /// <summary>overlap = "queue": a scheduled run came due while the previous one was going, and starts once it ends.</summary>
    public bool OverlapRunWaiting
    {
        get => _overlapRunWaiting;
        set
        {
            if (Counted && value != _overlapRunWaiting) _host.Attention.OverlapRunsWaiting += value ? 1 : -1;
            _overlapRunWaiting = value;
        }
    }

    private bool _overlapRunWaiting;

    /// <summary>Order of arrival in the pool's queue (FIFO within a priority).</summary>
    public long QueuedSequence { get; set; }

    /// <summary>1 = next to be admitted; null when not queued.</summary>
    public int? QueuePosition
    {
        get => _queuePosition;
        set
        {
            if (value == _queuePosition) return;
            _queuePosition = value;
            _host.OnDetailChanged(this);
        }
    }

    /// <summary>
    /// Arms the timer of the next run from the config's schedule, or disarms it when there is none. A schedule that
    /// has not changed keeps its timer, so a reload does not move the next run.
    /// </summary>
    public void ArmSchedule()
    {
        if (Config.Schedule is not { } schedule)
        {
            DisarmSchedule();
            return;
        }
        if (schedule == _armedFor) return;
        _armedFor = schedule;
        _times = new ScheduleTimes(schedule.Spec);
        ArmNext(previousDue: null);
    }

    public void DisarmSchedule()
    {
        _scheduleTimer.Disposable = null;
        _armedFor = null;
        _times = null;
        OverlapRunWaiting = false;
        if (NextRunAt is null) return;
        NextRunAt = null;
        _host.OnDetailChanged(this);
    }

    private void ArmNext(DateTimeOffset? previousDue)
    {
        var due = _times!.Next(previousDue, _host.Clock.Now);
        NextRunAt = due;
        _host.OnDetailChanged(this);
        if (due is not { } at)
        {
            _scheduleTimer.Disposable = null;
            Log.WriteSystem("the schedule has no run left");
            return;
        }
        var times = _times;
        _scheduleTimer.Disposable = _host.Clock.Schedule(at, () => _host.Post(() => OnRunDue(times, at)));
    }

    private void OnRunDue(ScheduleTimes times, DateTimeOffset due)
    {
        // A timer of a schedule that a reload replaced, or one already disarmed, changes nothing.
        if (times != _times || NextRunAt != due) return;
        ArmNext(due);
        _host.OnRunDue(this, due);
    }
}
