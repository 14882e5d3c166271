using Tui.Core.Config;
using Tui.Core.Supervision;
using Tui.Core.Tests.Supervision;
using static Tui.Core.Tests.Jobs.TestZones;
using static Tui.Core.Tests.Supervision.TestConfigs;

namespace Tui.Core.Tests.Jobs;

/// <summary>Scheduled jobs in the engine, in virtual time: when they start, what an overlapping run does, reloads.</summary>
public sealed class ScheduledJobTests
{
    private static ProcessConfig Scheduled(string name, ScheduleSpec spec, OverlapPolicy overlap = OverlapPolicy.Skip) =>
        Process(name) with { Kind = ProcessKind.Job, Schedule = new ScheduleConfig(spec, overlap), Definition = $"{name} {spec}" };

    private static ScheduleSpec Every(int minutes) => new ScheduleSpec.Every(TimeSpan.FromMinutes(minutes));

    [Fact]
    public async Task An_interval_job_is_not_autostarted_and_runs_at_each_interval()
    {
        await using var engine = new FakeEngine(Scheduled("backup", Every(10)), Process("web"));
        await engine.Supervisor.StartAsync();

        Assert.Empty(engine.Launcher.All("backup"));
        Assert.Equal(ProcessState.Pending, engine.State("backup"));
        Assert.Equal(FakeEngine.T0 + TimeSpan.FromMinutes(10), engine.Snapshot("backup").NextRunAt);
        Assert.Null(engine.Snapshot("web").NextRunAt);

        engine.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.Empty(engine.Launcher.All("backup"));
        engine.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(engine.Launcher.All("backup"));
        Assert.Equal("scheduled run", engine.Events.Changes("backup").First(c => c.To == ProcessState.Starting).Reason);
        Assert.Equal(FakeEngine.T0 + TimeSpan.FromMinutes(20), engine.Snapshot("backup").NextRunAt);

        engine.Launcher.Latest("backup").Exit(0);
        Assert.Equal(ProcessState.Completed, engine.State("backup"));
        engine.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(2, engine.Launcher.All("backup").Count);
    }

    [Fact]
    public async Task Before_the_supervisor_is_started_no_schedule_runs()
    {
        await using var engine = new FakeEngine(Scheduled("backup", Every(1)));
        engine.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(engine.Launcher.All("backup"));
        Assert.Null(engine.Snapshot("backup").NextRunAt);
    }

    [Fact]
    public async Task A_cron_job_runs_at_its_times_in_its_time_zone_across_spring_forward()
    {
        // 02:30 Paris every day, from noon UTC the day before the spring-forward night of 2025.
        await using var engine = new FakeEngine(TestConfigs.ConfigOf(Scheduled("report", new ScheduleSpec.Cron("30 2 * * *", Paris)))
            , start: Utc(3, 29, 12));
        await engine.Supervisor.StartAsync();
        var runs = new List<DateTimeOffset>();
        using var _ = engine.Supervisor.Events.Subscribe(e =>
        {
            if (e is ProcessStarted { Process: "report" } started) runs.Add(started.At);
        });

        for (var hour = 0; hour < 3 * 24; hour++)
        {
            engine.Advance(TimeSpan.FromHours(1));
            if (engine.State("report") == ProcessState.Ready) engine.Launcher.Latest("report").Exit(0);
        }

        // 02:30 did not exist on 30 March: that run is at 03:00 CEST (01:00 UTC); then 02:30 CEST (00:30 UTC).
        Assert.Equal([Utc(3, 30, 1), Utc(3, 31, 0, 30), Utc(4, 1, 0, 30)], runs);
    }

    [Fact]
    public async Task A_cron_job_runs_once_in_the_repeated_hour_of_fall_back()
    {
        await using var engine = new FakeEngine(TestConfigs.ConfigOf(Scheduled("report", new ScheduleSpec.Cron("30 2 * * *", Paris)))
            , start: Utc(10, 25, 12));
        await engine.Supervisor.StartAsync();
        Assert.Equal(Utc(10, 26, 0, 30), engine.Snapshot("report").NextRunAt);

        engine.Advance(TimeSpan.FromMinutes(12 * 60 + 30)); // 00:30 UTC: 02:30 CEST
        engine.Launcher.Latest("report").Exit(0);
        engine.Advance(TimeSpan.FromHours(1)); // 01:30 UTC: 02:30 CET, the same local time again
        Assert.Single(engine.Launcher.All("report"));
        Assert.Equal(Utc(10, 27, 1, 30), engine.Snapshot("report").NextRunAt);
    }

    [Fact]
    public async Task With_overlap_skip_a_run_due_while_the_previous_one_runs_is_skipped_and_recorded()
    {
        await using var engine = new FakeEngine(Scheduled("sync", Every(5)));
        await engine.Supervisor.StartAsync();
        engine.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(ProcessState.Ready, engine.State("sync"));

        engine.Advance(TimeSpan.FromMinutes(5)); // still running at the second due time

        Assert.Single(engine.Launcher.All("sync"));
        var skipped = Assert.Single(engine.Events.All.OfType<ScheduledRunSkipped>());
        Assert.Equal(new ScheduledRunSkipped(FakeEngine.T0 + TimeSpan.FromMinutes(10), "sync", FakeEngine.T0 + TimeSpan.FromMinutes(10), "the previous run is still going"), skipped);
        var notice = Assert.Single(engine.Events.All.OfType<Notice>(), n => n.Process == "sync");
        Assert.Equal(NoticeLevel.Warning, notice.Level);
        Assert.StartsWith("skipped the scheduled run due ", notice.Message);
        Assert.Contains(engine.Supervisor.RecentLogs("sync", 10), l => l.Text.StartsWith("skipped the scheduled run due ", StringComparison.Ordinal));

        engine.Launcher.Latest("sync").Exit(0); // the skipped run is not made up for
        Assert.Equal(ProcessState.Completed, engine.State("sync"));
        engine.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(2, engine.Launcher.All("sync").Count);
    }

    [Fact]
    public async Task With_overlap_queue_one_run_waits_for_the_previous_one_and_further_ones_are_skipped()
    {
        await using var engine = new FakeEngine(Scheduled("sync", Every(5), OverlapPolicy.Queue));
        await engine.Supervisor.StartAsync();
        engine.Advance(TimeSpan.FromMinutes(5));
        engine.Advance(TimeSpan.FromMinutes(5)); // waits behind the first run
        engine.Advance(TimeSpan.FromMinutes(5)); // one waits already: skipped

        Assert.Single(engine.Launcher.All("sync"));
        Assert.Equal("a run already waits for the previous one", Assert.Single(engine.Events.All.OfType<ScheduledRunSkipped>()).Reason);

        engine.Launcher.Latest("sync").Exit(0);

        Assert.Equal(2, engine.Launcher.All("sync").Count);
        Assert.Equal(ProcessState.Ready, engine.State("sync"));
        Assert.Equal("scheduled run (waited for the previous one)", engine.Events.Changes("sync").Last(c => c.To == ProcessState.Starting).Reason);
        engine.Launcher.Latest("sync").Exit(0);
        Assert.Equal(ProcessState.Completed, engine.State("sync")); // nothing else waited
    }

    [Fact]
    public async Task A_user_stop_drops_the_run_waiting_behind_the_current_one()
    {
        await using var engine = new FakeEngine(Scheduled("sync", Every(5), OverlapPolicy.Queue));
        await engine.Supervisor.StartAsync();
        engine.Advance(TimeSpan.FromMinutes(10));

        await engine.Supervisor.StopAsync(new ProcessTarget.One("sync"));

        Assert.Equal(ProcessState.Stopped, engine.State("sync"));
        Assert.Single(engine.Launcher.All("sync"));
        engine.Advance(TimeSpan.FromMinutes(5)); // the schedule itself goes on
        Assert.Equal(2, engine.Launcher.All("sync").Count);
    }

    [Fact]
    public async Task A_scheduled_job_can_still_be_started_by_hand()
    {
        await using var engine = new FakeEngine(Scheduled("backup", Every(60)));
        await engine.Supervisor.StartAsync();
        Assert.True((await engine.Supervisor.StartAsync(new ProcessTarget.One("backup"))).Ok);
        Assert.Single(engine.Launcher.All("backup"));
        Assert.Equal(FakeEngine.T0 + TimeSpan.FromMinutes(60), engine.Snapshot("backup").NextRunAt);
    }

    [Fact]
    public async Task A_disabled_scheduled_job_does_not_run_and_shows_no_next_run()
    {
        await using var engine = new FakeEngine(Scheduled("backup", Every(1)) with { Disabled = true });
        await engine.Supervisor.StartAsync();
        engine.Advance(TimeSpan.FromMinutes(3));
        Assert.Empty(engine.Launcher.All("backup"));
        Assert.Null(engine.Snapshot("backup").NextRunAt);
    }
}
