using Tui.Core.Config;

namespace Tui.Core.Jobs;

/// <summary>
/// When a schedule's runs are due. Cron occurrences come from Cronos in the schedule's time zone, with its DST rules:
/// a local time that does not exist (spring forward) runs at the first instant after the gap, and a local time that
/// happens twice (fall back) runs once, at its first occurrence. An interval runs every <c>Interval</c> from the time
/// the schedule was armed, at a fixed rate (a long run does not push later runs back).
/// </summary>
internal sealed class ScheduleTimes
{
    private readonly ScheduleSpec _spec;
    private readonly Cronos.CronExpression? _cron;

    public ScheduleTimes(ScheduleSpec spec)
    {
        _spec = spec;
        if (spec is ScheduleSpec.Cron cron) _cron = CronText.Parse(cron.Expression);
    }

    /// <summary>
    /// The first due time after <paramref name="previousDue"/> (null: the schedule is being armed) that is later than
    /// <paramref name="now"/>: runs missed while the clock jumped (a suspended laptop) are not made up for.
    /// Null when a cron text never matches again (February 30th).
    /// </summary>
    public DateTimeOffset? Next(DateTimeOffset? previousDue, DateTimeOffset now)
    {
        switch (_spec)
        {
            case ScheduleSpec.Every every:
                if (previousDue is not { } due) return now + every.Interval;
                var next = due + every.Interval;
                if (next > now) return next;
                var missed = (long)((now - next).Ticks / every.Interval.Ticks) + 1;
                return next + TimeSpan.FromTicks(every.Interval.Ticks * missed);
            case ScheduleSpec.Cron cron:
                var from = previousDue is { } last && last > now ? last : now;
                return _cron!.GetNextOccurrence(from, cron.TimeZone);
            default:
                throw new InvalidOperationException($"unknown schedule {_spec}");
        }
    }
}
