using Tui.Core.Supervision;
using Tui.Core.Tests.Reload;
using Tui.Core.Tests.Supervision;

namespace Tui.Core.Tests.Jobs;

/// <summary>Reloads of real TOML files with scheduled jobs and a pool (fake children, virtual clock).</summary>
public sealed class JobReloadTests : IAsyncLifetime
{
    private readonly ReloadHarness _h = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static string Jobs(string aEvery, string extra = "") => $"""
        [processes.a]
        command = ["fake", "a"]
        kind = "job"
        every = "{aEvery}"

        [processes.b]
        command = ["fake", "b"]
        kind = "job"
        every = "10m"
        {extra}
        """;

    [Fact]
    public async Task A_schedule_edit_rearms_only_that_job()
    {
        var supervisor = await _h.Start(Jobs("10m"));
        _h.Clock.AdvanceBy(TimeSpan.FromMinutes(4));

        _h.File.Write(Jobs("3m"));
        var result = await supervisor.ReloadAsync();

        Assert.Equal(["a"], result.Affected);
        Assert.Equal(FakeEngine.T0 + TimeSpan.FromMinutes(7), _h.Snapshot("a").NextRunAt); // 3 minutes from the reload
        Assert.Equal(FakeEngine.T0 + TimeSpan.FromMinutes(10), _h.Snapshot("b").NextRunAt); // unchanged: not moved
        _h.Clock.AdvanceBy(TimeSpan.FromMinutes(3));
        Assert.Equal(1, _h.Runs("a"));
        Assert.Equal(0, _h.Runs("b"));
    }

    [Fact]
    public async Task A_schedule_edit_restarts_that_job_if_it_is_running()
    {
        var supervisor = await _h.Start(Jobs("10m"));
        _h.Clock.AdvanceBy(TimeSpan.FromMinutes(10));
        var pid = _h.Pid("a");

        _h.File.Write(Jobs("20m"));
        await supervisor.ReloadAsync();

        Assert.Equal(2, _h.Runs("a"));
        Assert.NotEqual(pid, _h.Pid("a"));
        Assert.Equal(1, _h.Runs("b")); // its run goes on
    }

    [Fact]
    public async Task A_removed_scheduled_job_runs_no_more()
    {
        var supervisor = await _h.Start(Jobs("10m"));
        _h.File.Write("""
            [processes.b]
            command = ["fake", "b"]
            kind = "job"
            every = "10m"
            """);
        await supervisor.ReloadAsync();
        _h.Clock.AdvanceBy(TimeSpan.FromMinutes(30));
        Assert.Equal(0, _h.Runs("a"));
        Assert.DoesNotContain(supervisor.Current, s => s.Name == "a");
    }

    private static string Pool(int max, params string[] jobs) =>
        $"[settings]\nmax_concurrent_jobs = {max}\n" + string.Concat(jobs.Select(j => $"""

            [processes.{j}]
            command = ["fake", "{j}"]
            kind = "job"

            """));

    [Fact]
    public async Task A_reload_keeps_the_queue_and_drops_only_removed_jobs()
    {
        var supervisor = await _h.Start(Pool(1, "j1", "j2", "j3", "j4"));
        Assert.Equal(ProcessState.Ready, _h.Snapshot("j1").State);
        Assert.Equal([1, 2, 3], new[] { "j2", "j3", "j4" }.Select(n => _h.Snapshot(n).QueuePosition ?? 0));

        _h.File.Write(Pool(1, "j1", "j2", "j4"));
        var result = await supervisor.ReloadAsync();

        Assert.Equal(["j3"], result.Affected);
        Assert.DoesNotContain(supervisor.Current, s => s.Name == "j3");
        Assert.Equal(ProcessState.Queued, _h.Snapshot("j2").State);
        Assert.Equal(1, _h.Snapshot("j2").QueuePosition);
        Assert.Equal(2, _h.Snapshot("j4").QueuePosition);
        Assert.Equal(1, _h.Runs("j1"));

        _h.Launcher.Latest("j1").Exit(0);
        Assert.Equal(ProcessState.Ready, _h.Snapshot("j2").State);
        Assert.Equal(1, _h.Snapshot("j4").QueuePosition);
        Assert.Equal(0, _h.Runs("j3"));
    }

    [Fact]
    public async Task A_reload_that_raises_the_limit_admits_queued_jobs()
    {
        var supervisor = await _h.Start(Pool(1, "j1", "j2", "j3"));
        _h.File.Write(Pool(3, "j1", "j2", "j3"));
        await supervisor.ReloadAsync();
        Assert.All(["j1", "j2", "j3"], n => Assert.Equal(ProcessState.Ready, _h.Snapshot(n).State));
        Assert.All(["j1", "j2", "j3"], n => Assert.Equal(1, _h.Runs(n)));
    }
}
