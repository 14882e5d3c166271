using Tui.Core.Config;
using Tui.Core.Supervision;
using Tui.Core.Tests.Supervision;

namespace Tui.Core.Tests.Jobs;

/// <summary>Scheduled jobs and the pool with real sh children: their real exits drive the schedule's overlap and the pool's admission.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RealJobTests
{
    [Fact]
    public async Task Real_jobs_through_a_pool_of_two_never_run_more_than_two_at_once_and_start_in_order()
    {
        await using var engine = new RealEngine();
        var names = Enumerable.Range(1, 6).Select(i => $"job{i}").ToList();
        var jobs = names.Select(n => engine.Process(n, $"echo {n} ran") with { Kind = ProcessKind.Job }).ToArray();
        engine.Run(TestConfigs.ConfigOf(Settings.Default with { Pool = PoolSettings.Unlimited with { MaxConcurrentJobs = 2 } }, jobs));

        var alive = 0;
        var most = 0;
        var started = new List<string>();
        using var watch = engine.Supervisor.Events.Subscribe(e =>
        {
            // Events come from the engine loop, one at a time.
            if (e is ProcessStarted s) { started.Add(s.Process); most = Math.Max(most, ++alive); }
            if (e is ProcessExited) alive--;
        });
        await engine.Supervisor.StartAsync();

        foreach (var name in names) await engine.Events.WaitForState(name, ProcessState.Completed);

        Assert.Equal(2, most);
        Assert.Equal(names, started);
        Assert.All(names.Skip(2), n => Assert.Contains("Pending->Queued", engine.Events.Path(n)));
        // Each one ran its own command (its output may be read a moment after its exit is seen).
        foreach (var name in names) await RealProcessTests.WaitForLog(engine, name, $"{name} ran");
    }

    [Fact]
    public async Task A_real_interval_job_runs_at_each_due_time_and_a_run_still_going_is_skipped()
    {
        await using var engine = new RealEngine();
        // The first run waits for a file the test writes; later runs end at once.
        var gate = Path.Combine(engine.Dir.FullName, "go");
        var job = engine.Process("tick", $"echo tick; while [ ! -e '{gate}' ]; do sleep 0.05; done") with
        {
            Kind = ProcessKind.Job,
            Schedule = new ScheduleConfig(new ScheduleSpec.Every(TimeSpan.FromMinutes(1)), OverlapPolicy.Skip),
        };
        engine.Run(job);
        await engine.Supervisor.StartAsync();

        engine.Clock.AdvanceBy(TimeSpan.FromMinutes(1));
        await engine.Events.WaitFor<ProcessStarted>(s => s.Process == "tick" && s.Run == 1);
        engine.Clock.AdvanceBy(TimeSpan.FromMinutes(1));
        var skipped = await engine.Events.WaitFor<ScheduledRunSkipped>(s => s.Process == "tick");
        Assert.Equal(FakeEngine.T0 + TimeSpan.FromMinutes(2), skipped.DueAt);

        File.WriteAllText(gate, "");
        await engine.Events.WaitForState("tick", ProcessState.Completed);
        engine.Clock.AdvanceBy(TimeSpan.FromMinutes(1));
        await engine.Events.WaitForState("tick", ProcessState.Completed, occurrence: 2);
        Assert.Equal(2, engine.Events.All.OfType<ProcessStarted>().Count(s => s.Process == "tick"));
    }
}
