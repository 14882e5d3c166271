using Tui.Jobs.Tests.Support;

namespace Tui.Jobs.Tests;

/// <summary>Spawn, status, wait, list: real sh children through the public API, on a virtual clock.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task Spawn_returns_the_live_child_and_its_status_counts_runtime_on_the_managers_clock()
    {
        await using var jobs = new JobsHarness();
        var handle = await jobs.Manager.SpawnAsync(jobs.Script("backtest", "echo up\nexec sleep 1000"));

        Assert.Equal("backtest", handle.Id);
        Assert.Equal(JobsHarness.T0, handle.StartedAt);
        Assert.NotNull(handle.Pid);
        Assert.True(ProcFs.IsAlive(handle.Pid.Value));
        await jobs.WaitForLine("backtest", "up");

        jobs.Clock.AdvanceBy(TimeSpan.FromMinutes(5));
        var status = jobs.Manager.GetStatus("backtest");
        Assert.True(JobsHarness.IsUp(status.State), $"backtest is {status.State}");
        Assert.Equal((handle.Pid, TimeSpan.FromMinutes(5), 0), (status.Pid, status.Runtime, status.Restarts));
        Assert.Null(status.ExitCode);
        Assert.Equal(["backtest"], jobs.Manager.List().Select(s => s.Id));
    }

    [Fact]
    public async Task Wait_gives_the_exit_of_a_job_that_succeeds_and_of_one_that_fails()
    {
        await using var jobs = new JobsHarness();
        await jobs.Manager.SpawnAsync(jobs.Script("good", "exit 0"));
        await jobs.Manager.SpawnAsync(jobs.Script("bad", "echo failing >&2\nexit 3"));

        var good = await jobs.Manager.WaitAsync("good").WaitAsync(JobsHarness.Patience);
        var bad = await jobs.Manager.WaitAsync("bad").WaitAsync(JobsHarness.Patience);

        Assert.Equal((JobState.Completed, 0, true), (good.State, good.ExitCode, good.Succeeded));
        Assert.Equal((JobState.Errored, 3, false), (bad.State, bad.ExitCode, bad.Succeeded));
        Assert.Equal("exit 3", bad.Reason);
        Assert.Equal(3, jobs.Manager.GetStatus("bad").ExitCode);
        Assert.Equal(JobState.Errored, (await jobs.WaitFor<JobFailed>(f => f.Id == "bad")).State);
        await jobs.WaitFor<JobCompleted>(c => c.Id == "good");
        // Waiting on a job that is already down answers at once.
        Assert.Equal(good, await jobs.Manager.WaitAsync("good"));
    }

    [Fact]
    public async Task A_failing_job_is_restarted_after_its_delay_until_its_restarts_are_used_up()
    {
        await using var jobs = new JobsHarness();
        var delay = TimeSpan.FromSeconds(5);
        await jobs.Manager.SpawnAsync(jobs.Script("flaky", "echo run\nexit 1").WithRestart(Restart.OnFailure, maxRestarts: 2, delay: delay));

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var restarting = await jobs.WaitFor<JobRestarting>(r => r.Id == "flaky" && r.Attempt == attempt);
            Assert.Equal(delay, restarting.Delay);
            Assert.Equal(JobState.Restarting, jobs.Manager.GetStatus("flaky").State);
            jobs.Clock.AdvanceBy(delay);
            await jobs.WaitFor<JobStarted>(s => s.Id == "flaky" && s.Run == attempt + 1);
        }
        var exit = await jobs.Manager.WaitAsync("flaky").WaitAsync(JobsHarness.Patience);

        Assert.Equal((JobState.Failed, 1, 2), (exit.State, exit.ExitCode, exit.Restarts));
        Assert.Contains("restart", exit.Reason);
        Assert.Equal(3, (await jobs.Manager.GetOutputAsync("flaky")).Count(l => l.Text == "run"));
    }

    [Fact]
    public async Task Restart_stops_a_running_job_and_starts_a_new_run()
    {
        await using var jobs = new JobsHarness();
        var first = await jobs.Manager.SpawnAsync(jobs.Script("svc", "exec sleep 1000").AsService());

        await jobs.Manager.RestartAsync("svc");
        var second = await jobs.WaitFor<JobStarted>(s => s.Id == "svc" && s.Run == 2);

        Assert.NotEqual(first.Pid, second.Pid);
        Assert.True(await Tui.Core.Tests.TestSupport.Eventually.True(() => !ProcFs.IsAlive(first.Pid!.Value)));
        Assert.Equal(second.Pid, jobs.Manager.GetStatus("svc").Pid);
    }
}
