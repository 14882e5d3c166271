using Tui.Core.Config;
using Tui.Jobs.Tests.Support;

namespace Tui.Jobs.Tests;

/// <summary>
/// The builders are immutable, and what they set reaches the engine's process config. The schedule, priority and
/// pool are only checked to arrive here (the engine's schedule and pool have their own tests); this one test looks
/// at the engine's config through the facade's internal view, since the public surface does not show it.
/// </summary>
public sealed class DefinitionTests
{
    [Fact]
    public void Each_With_returns_a_new_definition_and_leaves_the_one_it_came_from_as_it_was()
    {
        var base_ = Process.Define("job").WithCommand("run", "--fast");
        var withEnv = base_.WithEnvironment("MODE", "test");
        var withRestart = base_.WithRestart(Restart.Always);

        Assert.Empty(base_.Environment);
        Assert.Equal(Restart.Never, base_.Restart);
        Assert.Equal("test", withEnv.Environment["MODE"]);
        Assert.Equal(Restart.Never, withEnv.Restart);
        Assert.Equal(Restart.Always, withRestart.Restart);
        Assert.Equal(["run", "--fast"], withRestart.Command);

        var options = ProcessManagerOptions.Default.WithName("a");
        Assert.Null(options.MaxConcurrentJobs);
        Assert.Equal(8, options.WithMaxConcurrent(8).MaxConcurrentJobs);
    }

    [Fact]
    public async Task Schedule_priority_restart_limits_and_the_pool_reach_the_engines_process_config()
    {
        await using var jobs = new JobsHarness(o => o.WithMaxConcurrent(8));
        var utc = TimeZoneInfo.Utc;
        await jobs.Manager.SpawnAsync(Process.Define("nightly").WithCommand("true").WithSchedule("*/5 * * * *", utc, queueOverlap: true)
            .WithPriority(7).WithRestart(Restart.OnFailure, maxRestarts: 3, delay: TimeSpan.FromSeconds(5))
            .WithLimits(memoryMb: 4096, runtime: TimeSpan.FromHours(1)).WithGracePeriod(TimeSpan.FromSeconds(2)));
        await jobs.Manager.SpawnAsync(Process.Define("poll").WithCommand("true").WithEvery(TimeSpan.FromMinutes(10)).AsService());

        var engine = jobs.Manager.Engine.Config;
        var nightly = engine.Find("nightly")!;
        Assert.Equal(8, engine.Settings.Pool.MaxConcurrentJobs);
        Assert.Equal(new ScheduleConfig(new ScheduleSpec.Cron("*/5 * * * *", utc), OverlapPolicy.Queue), nightly.Schedule);
        Assert.Equal(7, nightly.Priority);
        Assert.Equal((RestartPolicy.OnFailure, (int?)3, TimeSpan.FromSeconds(5), 1.0), (nightly.Restart, nightly.MaxRestarts, nightly.Backoff.Initial, nightly.Backoff.Factor));
        Assert.Equal((4096L * 1_000_000, TimeSpan.FromHours(1)), (nightly.Limits!.MaxMemoryBytes!.Value, nightly.Limits.MaxRuntime!.Value));
        Assert.Equal(TimeSpan.FromSeconds(2), nightly.StopTimeout);
        Assert.Equal(ProcessKind.Job, nightly.Kind);
        var poll = engine.Find("poll")!;
        Assert.Equal(new ScheduleConfig(new ScheduleSpec.Every(TimeSpan.FromMinutes(10)), OverlapPolicy.Skip), poll.Schedule);
        Assert.Equal(ProcessKind.Service, poll.Kind);
        Assert.Contains("\nkind Service", poll.Definition);
    }
}
