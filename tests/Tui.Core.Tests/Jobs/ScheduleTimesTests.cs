using Tui.Core.Config;
using Tui.Core.Jobs;
using static Tui.Core.Tests.Jobs.TestZones;

namespace Tui.Core.Tests.Jobs;

/// <summary>When runs are due: cron occurrences in a time zone across DST changes, and intervals at a fixed rate.</summary>
public sealed class ScheduleTimesTests
{
    private static ScheduleTimes Cron(string text, TimeZoneInfo zone) => new(new ScheduleSpec.Cron(text, zone));

    /// <summary>Runs due after <paramref name="from"/>, each computed from the previous one, as the engine does.</summary>
    private static List<DateTimeOffset> Runs(ScheduleTimes times, DateTimeOffset from, int count)
    {
        var runs = new List<DateTimeOffset>();
        DateTimeOffset? previous = null;
        var now = from;
        for (var i = 0; i < count; i++)
        {
            var next = times.Next(previous, now)!.Value;
            runs.Add(next);
            previous = now = next;
        }
        return runs;
    }

    [Fact]
    public void Every_five_minutes_falls_on_the_clock_minutes_divisible_by_five() =>
        Assert.Equal([Utc(1, 1, 12, 5), Utc(1, 1, 12, 10), Utc(1, 1, 12, 15)],
            Runs(Cron("*/5 * * * *", TimeZoneInfo.Utc), Utc(1, 1, 12, 3), 3));

    [Fact]
    public void A_cron_time_is_read_in_the_schedules_time_zone() =>
        // 09:00 in Paris in winter is 08:00 UTC, in summer 07:00 UTC.
        Assert.Equal([Utc(1, 2, 8), Utc(7, 2, 7)],
            [Cron("0 9 * * *", Paris).Next(null, Utc(1, 1, 12))!.Value, Cron("0 9 * * *", Paris).Next(null, Utc(7, 1, 12))!.Value]);

    [Fact]
    public void On_the_spring_forward_day_a_time_in_the_gap_runs_at_the_end_of_the_gap()
    {
        // 02:30 does not exist in Paris on 30 March 2025: it runs at 03:00 CEST (01:00 UTC), then at 02:30 CEST again.
        var runs = Runs(Cron("30 2 * * *", Paris), Utc(3, 29, 12), 3);
        Assert.Equal([Utc(3, 30, 1), Utc(3, 31, 0, 30), Utc(4, 1, 0, 30)], runs);
    }

    [Fact]
    public void On_the_fall_back_day_an_ambiguous_time_runs_once()
    {
        // 02:30 happens twice in Paris on 26 October 2025 (00:30 UTC in CEST, 01:30 UTC in CET): it runs at the first.
        var runs = Runs(Cron("30 2 * * *", Paris), Utc(10, 25, 12), 3);
        Assert.Equal([Utc(10, 26, 0, 30), Utc(10, 27, 1, 30), Utc(10, 28, 1, 30)], runs);
    }

    [Fact]
    public void An_hourly_job_runs_every_real_hour_across_the_fall_back_hour()
    {
        // "0 * * * *" on the fall-back night: each UTC hour once, the repeated local 02:00 included (it is a new hour).
        var runs = Runs(Cron("0 * * * *", Paris), Utc(10, 25, 23, 30), 4);
        Assert.Equal([Utc(10, 26, 0), Utc(10, 26, 1), Utc(10, 26, 2), Utc(10, 26, 3)], runs);
    }

    [Fact]
    public void A_run_timer_that_fires_a_little_early_does_not_give_the_same_run_twice()
    {
        var times = Cron("*/5 * * * *", TimeZoneInfo.Utc);
        Assert.Equal(Utc(1, 1, 12, 10), times.Next(Utc(1, 1, 12, 5), Utc(1, 1, 12, 5) - TimeSpan.FromMilliseconds(3)));
    }

    [Fact]
    public void A_date_that_never_comes_has_no_next_run() => Assert.Null(Cron("0 0 30 2 *", TimeZoneInfo.Utc).Next(null, Utc(1, 1, 0)));

    [Fact]
    public void An_interval_runs_one_interval_after_arming_then_at_a_fixed_rate()
    {
        var times = new ScheduleTimes(new ScheduleSpec.Every(TimeSpan.FromMinutes(10)));
        Assert.Equal(Utc(1, 1, 12, 10), times.Next(null, Utc(1, 1, 12)));
        // The engine handles the due run a moment late: the next one is still 10 minutes after the due time.
        Assert.Equal(Utc(1, 1, 12, 20), times.Next(Utc(1, 1, 12, 10), Utc(1, 1, 12, 10) + TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void Interval_runs_missed_while_the_clock_jumped_are_not_made_up()
    {
        var times = new ScheduleTimes(new ScheduleSpec.Every(TimeSpan.FromMinutes(10)));
        // Suspended from 12:10 to 12:47: the next run is 12:50, on the same rate, not four runs at once.
        Assert.Equal(Utc(1, 1, 12, 50), times.Next(Utc(1, 1, 12, 10), Utc(1, 1, 12, 47)));
    }
}
