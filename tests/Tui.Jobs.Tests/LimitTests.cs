using Tui.Jobs.Tests.Support;

namespace Tui.Jobs.Tests;

/// <summary>Memory and runtime limits, on real children: memory read from /proc, time from the virtual clock.</summary>
public sealed class LimitTests
{
    [Fact]
    public async Task A_job_over_its_memory_limit_is_shown_using_it_and_then_stopped_for_it()
    {
        await using var jobs = new JobsHarness();
        // perl writes every byte of a 100 MB string, so the memory is resident, not just reserved.
        var hog = jobs.Script("hog", "exec perl -e '$x = \"x\" x (100*1024*1024); print \"allocated\\n\"; $| = 1; sleep 1000'")
            .WithLimits(memoryMb: 50);
        await jobs.Manager.SpawnAsync(hog);
        await jobs.WaitForLine("hog", "allocated");

        jobs.Clock.AdvanceBy(TimeSpan.FromSeconds(1));
        Assert.True(jobs.Manager.GetStatus("hog").MemoryMb > 90, $"memory {jobs.Manager.GetStatus("hog").MemoryMb} MB");
        for (var i = 0; i < 4; i++) jobs.Clock.AdvanceBy(TimeSpan.FromSeconds(1));
        var hit = await jobs.WaitFor<JobLimitExceeded>(l => l.Id == "hog");
        var exit = await jobs.Manager.WaitAsync("hog").WaitAsync(JobsHarness.Patience);

        Assert.Equal("memory", hit.Limit);
        Assert.Matches(@"^memory \d+ MB > 50 MB$", hit.Reason);
        Assert.Equal("SIGTERM", exit.Signal);
    }

    [Fact]
    public async Task A_job_over_its_runtime_limit_is_stopped()
    {
        await using var jobs = new JobsHarness();
        await jobs.Manager.SpawnAsync(jobs.Script("slow", "exec sleep 1000").WithLimits(runtime: TimeSpan.FromHours(1)));

        jobs.Clock.AdvanceBy(TimeSpan.FromMinutes(59));
        Assert.True(JobsHarness.IsUp(jobs.Manager.GetStatus("slow").State));
        jobs.Clock.AdvanceBy(TimeSpan.FromMinutes(1));
        var hit = await jobs.WaitFor<JobLimitExceeded>(l => l.Id == "slow");
        var exit = await jobs.Manager.WaitAsync("slow").WaitAsync(JobsHarness.Patience);

        Assert.Equal("runtime", hit.Limit);
        Assert.Equal(JobState.Stopped, exit.State);
        Assert.StartsWith("runtime", exit.Reason);
    }
}
