using Tui.Core.Tests.TestSupport;
using Tui.Jobs.Tests.Support;

namespace Tui.Jobs.Tests;

/// <summary>Graceful and forced stops of real process trees, checked in /proc.</summary>
public sealed class StopTests
{
    /// <summary>The leader and two grandchildren, all ignoring SIGTERM (SIG_IGN survives exec, so sleep ignores it too).</summary>
    private const string StubbornTree = "trap '' TERM\n(trap '' TERM; sleep 1000) &\n(trap '' TERM; sleep 1000) &\necho tree up\nwait";

    [Fact]
    public async Task A_graceful_stop_SIGKILLs_a_tree_that_ignores_SIGTERM_after_the_grace_period_and_leaves_no_orphan()
    {
        await using var jobs = new JobsHarness();
        var grace = TimeSpan.FromSeconds(3);
        var handle = await jobs.Manager.SpawnAsync(jobs.Script("tree", StubbornTree).WithGracePeriod(grace));
        await jobs.WaitForLine("tree", "tree up");
        var members = ProcFs.GroupMembers(handle.Pid!.Value);
        Assert.True(members.Count >= 3, $"expected the leader and two grandchildren, found {members.Count}");

        var stop = jobs.Manager.StopAsync("tree");
        await jobs.InState("tree", JobState.Stopping);
        jobs.Clock.AdvanceBy(grace - TimeSpan.FromMilliseconds(1));
        Assert.False(stop.IsCompleted);
        Assert.All(members, pid => Assert.True(ProcFs.IsAlive(pid), $"pid {pid} died within the grace period"));

        jobs.Clock.AdvanceBy(TimeSpan.FromMilliseconds(1));
        var exit = await stop.WaitAsync(JobsHarness.Patience);

        Assert.Equal((JobState.Stopped, "SIGKILL"), (exit.State, exit.Signal));
        Assert.Equal("user stop: signal SIGKILL after stop_timeout", exit.Reason);
        foreach (var pid in members) Assert.True(await Eventually.True(() => !ProcFs.IsAlive(pid)), $"pid {pid} survived the stop");
        Assert.Empty(ProcFs.GroupMembers(handle.Pid.Value));
        Assert.Equal(exit.Reason, (await jobs.WaitFor<JobStopped>(s => s.Id == "tree")).Reason);
    }

    [Fact]
    public async Task A_forced_stop_SIGKILLs_the_tree_at_once()
    {
        await using var jobs = new JobsHarness();
        var handle = await jobs.Manager.SpawnAsync(jobs.Script("tree", StubbornTree).WithGracePeriod(TimeSpan.FromHours(1)));
        await jobs.WaitForLine("tree", "tree up");
        var members = ProcFs.GroupMembers(handle.Pid!.Value);

        var exit = await jobs.Manager.StopAsync("tree", force: true).WaitAsync(JobsHarness.Patience);

        Assert.Equal((JobState.Stopped, "SIGKILL"), (exit.State, exit.Signal));
        foreach (var pid in members) Assert.True(await Eventually.True(() => !ProcFs.IsAlive(pid)), $"pid {pid} survived the stop");
    }

    [Fact]
    public async Task Stop_all_stops_every_process_and_a_stop_of_one_already_down_returns_its_end()
    {
        await using var jobs = new JobsHarness();
        await jobs.Manager.SpawnAsync(jobs.Script("a", "exec sleep 1000"));
        await jobs.Manager.SpawnAsync(jobs.Script("b", "exec sleep 1000"));
        await jobs.Manager.SpawnAsync(jobs.Script("done", "exit 0"));
        await jobs.Manager.WaitAsync("done").WaitAsync(JobsHarness.Patience);

        await jobs.Manager.StopAllAsync().WaitAsync(JobsHarness.Patience);

        Assert.Equal([JobState.Stopped, JobState.Stopped, JobState.Completed], jobs.Manager.List().Select(s => s.State));
        Assert.Equal(JobState.Completed, (await jobs.Manager.StopAsync("done")).State);
    }
}
