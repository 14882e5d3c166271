using Tui.Core.Config;
using Tui.Core.Supervision;
using static Tui.Core.Tests.Supervision.TestConfigs;

namespace Tui.Core.Tests.Supervision;

/// <summary>Jobs end: exit 0 is Completed, anything else Errored, both final unless the job's restart policy retries failures.</summary>
public sealed class JobTests
{
    [Fact]
    public async Task Job_that_exits_0_is_completed_and_stays_completed()
    {
        await using var engine = new FakeEngine(Process("migrate") with { Kind = ProcessKind.Job, Restart = RestartPolicy.Always });
        await engine.Supervisor.StartAsync();
        engine.Launcher.Latest("migrate").Exit(0);

        Assert.Equal(ProcessState.Completed, engine.State("migrate"));
        engine.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(engine.Launcher.All("migrate"));
    }

    [Fact]
    public async Task Job_that_exits_non_zero_is_errored_without_restart()
    {
        await using var engine = new FakeEngine(Process("migrate") with { Kind = ProcessKind.Job });
        await engine.Supervisor.StartAsync();
        engine.Launcher.Latest("migrate").Exit(2);

        var snapshot = engine.Snapshot("migrate");
        Assert.Equal(ProcessState.Errored, snapshot.State);
        Assert.Equal("exit 2", snapshot.Reason);
        engine.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(engine.Launcher.All("migrate"));
    }

    [Fact]
    public async Task Job_with_restart_on_failure_retries_until_it_succeeds()
    {
        await using var engine = new FakeEngine(Process("fetch") with { Kind = ProcessKind.Job, Restart = RestartPolicy.OnFailure });
        await engine.Supervisor.StartAsync();
        engine.Launcher.Latest("fetch").Exit(1);
        Assert.Equal(ProcessState.Backoff, engine.State("fetch"));
        engine.Advance(Backoff.Initial);
        engine.Launcher.Latest("fetch").Exit(0);

        Assert.Equal(ProcessState.Completed, engine.State("fetch"));
        Assert.Equal(2, engine.Launcher.All("fetch").Count);
    }

    [Fact]
    public async Task Completed_job_runs_again_when_started_by_the_user()
    {
        await using var engine = new FakeEngine(Process("build") with { Kind = ProcessKind.Job });
        await engine.Supervisor.StartAsync();
        engine.Launcher.Latest("build").Exit(0);

        var result = await engine.Supervisor.StartAsync(new ProcessTarget.One("build"));

        Assert.True(result.Ok);
        Assert.Equal(ProcessState.Ready, engine.State("build"));
        Assert.Equal(2, engine.Launcher.All("build").Count);
    }
}
