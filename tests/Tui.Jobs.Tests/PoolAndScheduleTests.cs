using Tui.Jobs.Tests.Support;

namespace Tui.Jobs.Tests;

/// <summary>The pool and schedules through the public API: real sh children, the schedule on the manager's virtual clock.</summary>
public sealed class PoolAndScheduleTests
{
    [Fact]
    public async Task A_job_beyond_the_pool_is_queued_without_a_pid_and_runs_when_a_slot_frees()
    {
        await using var jobs = new JobsHarness(o => o.WithMaxConcurrent(1));
        var first = await jobs.Manager.SpawnAsync(jobs.Script("first", "echo up\nexec sleep 1000"));
        var second = await jobs.Manager.SpawnAsync(jobs.Script("second", "echo second ran"));

        Assert.NotNull(first.Pid);
        Assert.Null(second.Pid);
        Assert.Equal(JobState.Queued, jobs.Manager.GetStatus("second").State);

        await jobs.Manager.StopAsync("first", force: true).WaitAsync(JobsHarness.Patience);
        await jobs.WaitForLine("second", "second ran");
        Assert.Equal(JobState.Completed, (await jobs.Manager.WaitAsync("second").WaitAsync(JobsHarness.Patience)).State);
    }

    [Fact]
    public async Task A_job_spawned_with_an_interval_waits_for_its_first_due_time_then_runs_on_the_managers_clock()
    {
        await using var jobs = new JobsHarness();
        var handle = await jobs.Manager.SpawnAsync(jobs.Script("tick", "echo tick").WithEvery(TimeSpan.FromMinutes(10)));

        Assert.Null(handle.Pid);
        Assert.False(JobsHarness.IsUp(jobs.Manager.GetStatus("tick").State));
        Assert.Equal(JobsHarness.T0 + TimeSpan.FromMinutes(10), jobs.Manager.GetStatus("tick").NextRunAt);

        jobs.Clock.AdvanceBy(TimeSpan.FromMinutes(10));
        var ran = await jobs.WaitFor<JobStarted>(s => s.Id == "tick");
        Assert.Equal(JobsHarness.T0 + TimeSpan.FromMinutes(10), ran.At);
        await jobs.WaitForLine("tick", "tick");
    }
}
