using Tui.Core.Config;
using Tui.Core.Supervision;
using Tui.Core.Tests.Supervision;
using static Tui.Core.Tests.Supervision.TestConfigs;

namespace Tui.Core.Tests.Jobs;

/// <summary>The jobs' pool in virtual time: the limit, FIFO order within priority, admission by memory and load, the soft limit.</summary>
public sealed class PoolTests
{
    private const long MB = 1_000_000;

    private readonly ScriptedSystemLoad _machine = new() { Memory = 8000 * MB, Load = 0.5 };

    private static ProcessConfig Job(string name, int priority = 0) =>
        Process(name) with { Kind = ProcessKind.Job, Priority = priority };

    private FakeEngine Engine(PoolSettings pool, params ProcessConfig[] processes) =>
        new(ConfigOf(Settings.Default with { Pool = pool }, processes), o => o with { SystemLoad = _machine });

    private static PoolSettings Limit(int max) => PoolSettings.Unlimited with { MaxConcurrentJobs = max };

    private static IReadOnlyList<string> StartOrder(FakeEngine engine) => [.. engine.Launcher.Started.Select(c => c.Name)];

    [Fact]
    public async Task Jobs_beyond_the_limit_queue_and_start_in_order_as_others_end()
    {
        await using var engine = Engine(Limit(2), Job("j1"), Job("j2"), Job("j3"), Job("j4"));
        await engine.Supervisor.StartAsync();

        Assert.Equal(["j1", "j2"], StartOrder(engine));
        Assert.Equal(ProcessState.Queued, engine.State("j3"));
        Assert.Equal(1, engine.Snapshot("j3").QueuePosition);
        Assert.Equal(2, engine.Snapshot("j4").QueuePosition);
        Assert.Equal("waiting for the pool: 2 of 2 jobs running", engine.Snapshot("j4").Reason);
        Assert.Null(engine.Snapshot("j1").QueuePosition);

        engine.Launcher.Latest("j2").Exit(0);
        Assert.Equal(["j1", "j2", "j3"], StartOrder(engine));
        Assert.Equal(1, engine.Snapshot("j4").QueuePosition);
        Assert.Null(engine.Snapshot("j3").QueuePosition);

        engine.Launcher.Latest("j1").Exit(1);
        Assert.Equal(["j1", "j2", "j3", "j4"], StartOrder(engine));
        Assert.Equal(["Pending->Queued", "Queued->Starting", "Starting->Running", "Running->Ready"], engine.Events.Path("j4"));
    }

    [Fact]
    public async Task Places_at_the_head_of_a_long_queue_are_exact_and_those_behind_catch_up_every_32_admissions()
    {
        var jobs = Enumerable.Range(0, 101).Select(i => Job($"j{i}")).ToArray();
        await using var engine = Engine(Limit(1), jobs);
        await engine.Supervisor.StartAsync();
        int? Place(int job) => engine.Snapshot($"j{job}").QueuePosition;
        Assert.Equal(100, Place(100));

        engine.Launcher.Latest("j0").Exit(0); // j1 runs
        Assert.Equal(1, Place(2));
        Assert.Equal(32, Place(33));
        Assert.Equal(100, Place(100)); // behind the exact head: one place too far back for now

        for (var i = 1; i < 32; i++) engine.Launcher.Latest($"j{i}").Exit(0); // 32 have left: j32 runs
        Assert.Equal(1, Place(33));
        Assert.Equal(68, Place(100));
    }

    [Fact]
    public async Task Higher_priority_goes_first_and_equal_priorities_keep_their_order_of_arrival()
    {
        await using var engine = Engine(Limit(1), Job("first"), Job("low1", -1), Job("mid1"), Job("high", 5), Job("mid2"), Job("low2", -1));
        await engine.Supervisor.StartAsync();

        Assert.Equal(["first"], StartOrder(engine));
        Assert.Equal(
            [("high", 1), ("mid1", 2), ("mid2", 3), ("low1", 4), ("low2", 5)],
            engine.Supervisor.Current.Where(s => s.QueuePosition is not null).OrderBy(s => s.QueuePosition).Select(s => (s.Name, s.QueuePosition!.Value)));

        for (var i = 0; i < 5; i++) engine.Launcher.Started.Last().Exit(0);

        Assert.Equal(["first", "high", "mid1", "mid2", "low1", "low2"], StartOrder(engine));
    }

    [Fact]
    public async Task A_job_that_becomes_startable_later_queues_behind_those_waiting()
    {
        await using var engine = Engine(Limit(1), Job("j1"), Job("j2"), Job("late") with { Autostart = false });
        await engine.Supervisor.StartAsync();
        await engine.Supervisor.StartAsync(new ProcessTarget.One("late"));

        Assert.Equal(2, engine.Snapshot("late").QueuePosition);
        engine.Launcher.Latest("j1").Exit(0);
        Assert.Equal(["j1", "j2"], StartOrder(engine));
    }

    [Fact]
    public async Task Services_are_never_queued_nor_counted()
    {
        await using var engine = Engine(Limit(1), Job("j1"), Process("web"), Process("db"), Job("j2"));
        await engine.Supervisor.StartAsync();

        Assert.Equal(ProcessState.Ready, engine.State("web"));
        Assert.Equal(ProcessState.Ready, engine.State("db"));
        Assert.Equal(ProcessState.Ready, engine.State("j1"));
        Assert.Equal(ProcessState.Queued, engine.State("j2"));
    }

    [Fact]
    public async Task Stopping_a_queued_job_takes_it_out_of_the_queue()
    {
        await using var engine = Engine(Limit(1), Job("j1"), Job("j2"), Job("j3"));
        await engine.Supervisor.StartAsync();

        var result = await engine.Supervisor.StopAsync(new ProcessTarget.One("j2"));

        Assert.True(result.Ok);
        Assert.Equal(ProcessState.Stopped, engine.State("j2"));
        Assert.Null(engine.Snapshot("j2").QueuePosition);
        Assert.Equal(1, engine.Snapshot("j3").QueuePosition);
        engine.Launcher.Latest("j1").Exit(0);
        Assert.Equal(["j1", "j3"], StartOrder(engine));
    }

    [Fact]
    public async Task A_queued_job_refuses_a_second_start()
    {
        await using var engine = Engine(Limit(1), Job("j1"), Job("j2"));
        await engine.Supervisor.StartAsync();
        var result = await engine.Supervisor.StartAsync(new ProcessTarget.One("j2"));
        Assert.False(result.Ok);
        Assert.Equal("j2 is already queued (waiting for the pool: 1 of 1 jobs running)", result.Error);
    }

    [Fact]
    public async Task Admission_waits_while_memory_is_low_and_reads_it_again_on_the_clock()
    {
        _machine.Memory = 300 * MB;
        await using var engine = Engine(PoolSettings.Unlimited with { MinFreeMemoryBytes = 512 * MB }, Job("j1"), Job("j2"));
        await engine.Supervisor.StartAsync();

        Assert.Empty(engine.Launcher.Started);
        Assert.Equal("waiting for memory: 286.1MiB available, min_free_memory is 488.3MiB", engine.Snapshot("j1").Reason);
        Assert.Equal(1, engine.Snapshot("j1").QueuePosition);

        var reads = _machine.Reads;
        engine.Advance(SupervisorOptions.DefaultAdmissionInterval);
        Assert.True(_machine.Reads > reads, "memory is read again after the admission interval");
        Assert.Empty(engine.Launcher.Started);

        _machine.Memory = 600 * MB;
        engine.Advance(SupervisorOptions.DefaultAdmissionInterval);
        Assert.Equal(["j1", "j2"], StartOrder(engine));
    }

    [Fact]
    public async Task Admission_waits_while_the_load_is_above_max_load()
    {
        _machine.Load = 6.5;
        await using var engine = Engine(PoolSettings.Unlimited with { MaxLoad = 4.0 }, Job("j1"));
        await engine.Supervisor.StartAsync();

        Assert.Equal(ProcessState.Queued, engine.State("j1"));
        Assert.Equal("waiting for the load to fall: 6.50, max_load is 4", engine.Snapshot("j1").Reason);
        engine.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(engine.Launcher.Started);

        _machine.Load = 3.9;
        engine.Advance(SupervisorOptions.DefaultAdmissionInterval);
        Assert.Equal(ProcessState.Ready, engine.State("j1"));
    }

    [Fact]
    public async Task Without_memory_or_load_settings_the_machine_is_not_read()
    {
        await using var engine = Engine(Limit(4), Job("j1"), Job("j2"));
        await engine.Supervisor.StartAsync();
        Assert.Equal(0, _machine.Reads);
    }

    [Fact]
    public async Task The_soft_limit_warns_once_each_time_it_is_crossed_and_holds_nothing_back()
    {
        await using var engine = Engine(PoolSettings.Unlimited with { SoftLimit = 2 }, Job("j1"), Job("j2"), Job("j3"), Job("j4"));
        await engine.Supervisor.StartAsync();

        Assert.Equal(4, engine.Launcher.Started.Count);
        var warning = Assert.Single(engine.Events.All.OfType<Notice>());
        Assert.Equal(NoticeLevel.Warning, warning.Level);
        Assert.Equal("3 jobs running, above soft_max_concurrent_jobs (2)", warning.Message);

        engine.Launcher.Latest("j4").Exit(0);
        engine.Launcher.Latest("j3").Exit(0); // back to 2: under the limit again
        await engine.Supervisor.StartAsync(new ProcessTarget.One("j3"));
        Assert.Equal(2, engine.Events.All.OfType<Notice>().Count());
    }

    [Fact]
    public async Task A_queued_job_is_stopped_at_shutdown_without_starting()
    {
        var engine = Engine(Limit(1), Job("j1"), Job("j2"));
        await engine.Supervisor.StartAsync();
        await engine.DisposeAsync();
        Assert.Equal(["j1"], StartOrder(engine));
        Assert.Contains("Queued->Stopped", engine.Events.Path("j2"));
    }

    [Fact]
    public async Task A_job_restarted_after_backoff_goes_through_the_pool()
    {
        await using var engine = Engine(Limit(1), Job("flaky") with { Restart = RestartPolicy.OnFailure }, Job("j2") with { Autostart = false });
        await engine.Supervisor.StartAsync();
        engine.Launcher.Latest("flaky").Exit(1);
        await engine.Supervisor.StartAsync(new ProcessTarget.One("j2")); // takes the free slot during the backoff

        engine.Advance(Backoff.Initial);

        Assert.Equal(ProcessState.Queued, engine.State("flaky"));
        engine.Launcher.Latest("j2").Exit(0);
        Assert.Equal(ProcessState.Ready, engine.State("flaky"));
        Assert.Equal(1, engine.Snapshot("flaky").Restarts);
    }
}
