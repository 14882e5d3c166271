using Tui.Core.Config;

namespace Tui.Core.Supervision;

/// <summary>
/// Scheduled jobs: they are not autostarted; from the first start of the supervisor on, each one's next run is armed
/// on the engine's clock, and a due run starts it like a user start would (through its dependencies and the pool).
/// A run that comes due while the previous one is still going is skipped and recorded, or with overlap = "queue"
/// waits (at most one) and starts as soon as the previous run ends.
/// </summary>
internal sealed partial class SupervisorEngine
{
    private const string ScheduledReason = "scheduled run";

    /// <summary>Set by the first <see cref="StartAutostart"/>: before it, no schedule runs (the supervisor is only being looked at).</summary>
    private bool _schedulesArmed;

    /// <summary>Arms every schedule (on start) or brings them in line with the config (on reload); removed processes lose theirs.</summary>
    private void ArmSchedules()
    {
        _schedulesArmed = true;
        foreach (var actor in _actors)
        {
            if (_retiring.Contains(actor)) actor.DisarmSchedule();
            else actor.ArmSchedule();
        }
    }

    public void OnRunDue(ProcessActor actor, DateTimeOffset due)
    {
        if (ShuttingDown || _retiring.Contains(actor) || actor.State == ProcessState.Disabled || actor.Config.Schedule is not { } schedule) return;
        if (!IsBusy(actor))
        {
            RequestStart(actor, ScheduledReason, countsAsRestart: false, []);
            return;
        }
        var when = DueText(schedule, due);
        if (schedule.Overlap == OverlapPolicy.Queue && !actor.OverlapRunWaiting)
        {
            actor.OverlapRunWaiting = true;
            var waits = $"the scheduled run due {when} waits for the previous run to end";
            actor.Log.WriteSystem(waits);
            Publish(new Notice(Clock.Now, actor.Name, NoticeLevel.Info, waits));
            return;
        }
        var why = actor.OverlapRunWaiting ? "a run already waits for the previous one" : "the previous run is still going";
        var skipped = $"skipped the scheduled run due {when}: {why}";
        actor.Log.WriteSystem(skipped);
        Publish(new ScheduledRunSkipped(Clock.Now, actor.Name, due, why));
        Publish(new Notice(Clock.Now, actor.Name, NoticeLevel.Warning, skipped));
    }

    /// <summary>Part of <see cref="Settle"/>: a run that waited behind the previous one starts once that one has ended.</summary>
    private void StartOverlappedRuns()
    {
        if (!_schedulesArmed) return;
        foreach (var actor in _actors)
        {
            if (!actor.OverlapRunWaiting || IsBusy(actor)) continue;
            actor.OverlapRunWaiting = false;
            if (!ShuttingDown && actor.State != ProcessState.Disabled && !_retiring.Contains(actor))
                RequestStart(actor, $"{ScheduledReason} (waited for the previous one)", countsAsRestart: false, []);
        }
    }

    /// <summary>A run is still going while there is a child, or a start or restart on its way (dependencies, the pool, a backoff).</summary>
    private static bool IsBusy(ProcessActor actor) =>
        actor.State.IsAlive() || actor.State.IsAboutToStart() || actor.StartWhenStopped is not null;

    /// <summary>The due time as the schedule reads it: a cron time in its time zone, an interval's in local time.</summary>
    private static string DueText(ScheduleConfig schedule, DateTimeOffset due)
    {
        var zone = schedule.Spec is ScheduleSpec.Cron cron ? cron.TimeZone : TimeZoneInfo.Local;
        return TimeZoneInfo.ConvertTime(due, zone).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
    }
}
