using Tui.Jobs.Tests.Support;

namespace Tui.Jobs.Tests;

/// <summary>Bad requests get a clear refusal that says what and where; the manager and what runs are unaffected.</summary>
public sealed class BadInputTests
{
    [Fact]
    public async Task Empty_command_unknown_id_and_duplicate_name_are_refused_and_the_running_job_is_untouched()
    {
        await using var jobs = new JobsHarness();
        var running = await jobs.Manager.SpawnAsync(jobs.Script("worker", "exec sleep 1000"));

        var noCommand = await Assert.ThrowsAsync<JobException>(() => jobs.Manager.SpawnAsync(Process.Define("empty")));
        Assert.Equal("cannot spawn \"empty\": it has no command (give it one with WithCommand)", noCommand.Message);
        await Assert.ThrowsAsync<JobException>(() => jobs.Manager.SpawnAsync(Process.Define("blank").WithCommand(" ")));

        var unknown = Assert.Throws<JobException>(() => jobs.Manager.GetStatus("wroker"));
        Assert.Equal("no process named \"wroker\" (known: worker)", unknown.Message);
        await Assert.ThrowsAsync<JobException>(() => jobs.Manager.StopAsync("wroker"));
        await Assert.ThrowsAsync<JobException>(() => jobs.Manager.WaitAsync("wroker"));
        await Assert.ThrowsAsync<JobException>(() => jobs.Manager.RestartAsync("wroker"));
        Assert.Throws<JobException>(() => jobs.Manager.Output("wroker"));

        var duplicate = await Assert.ThrowsAsync<JobException>(() => jobs.Manager.SpawnAsync(Process.Define("worker").WithCommand("true")));
        Assert.Equal("cannot spawn \"worker\": a process named \"worker\" already exists", duplicate.Message);
        var badName = await Assert.ThrowsAsync<JobException>(() => jobs.Manager.SpawnAsync(Process.Define("@web").WithCommand("true")));
        Assert.Contains("cannot name a process", badName.Message);
        var missing = await Assert.ThrowsAsync<JobException>(() => jobs.Manager.SpawnAsync(Process.Define("typo").WithCommand("no-such-program-here")));
        Assert.Contains("no-such-program-here", missing.Message);

        var status = jobs.Manager.GetStatus("worker");
        Assert.True(JobsHarness.IsUp(status.State), $"the running job is {status.State}");
        Assert.Equal(running.Pid, status.Pid);
        Assert.True(ProcFs.IsAlive(running.Pid!.Value), "the running job died");
        var after = await jobs.Manager.SpawnAsync(jobs.Script("after", "exit 0"));
        var exit = await jobs.Manager.WaitAsync(after.Id).WaitAsync(JobsHarness.Patience);
        Assert.True(exit.Succeeded, $"a job spawned after the refusals did not succeed: {exit}");
    }

    [Theory]
    [InlineData("*/5 * * 13 *", "cron \"*/5 * * 13 *\": the month field \"13\" (column 9) is not valid: ")]
    [InlineData("61 * * * *", "cron \"61 * * * *\": the minute field \"61\" (column 1) is not valid: ")]
    [InlineData("* * * * mon-funday", "cron \"* * * * mon-funday\": the day-of-week field \"mon-funday\" (column 9) is not valid: ")]
    [InlineData("*/5 * * *", "cron \"*/5 * * *\" has 4 fields; it needs 5: minute hour day-of-month month day-of-week")]
    [InlineData("0 0 * * * *", "cron \"0 0 * * * *\" has 6 fields; it needs 5: minute hour day-of-month month day-of-week")]
    public void A_bad_cron_text_is_refused_naming_the_field_and_its_column(string cron, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => Process.Define("report").WithCommand("true").WithSchedule(cron));
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Wrong_values_are_refused_by_the_method_given_them()
    {
        var definition = Process.Define("x").WithCommand("true");
        Assert.Throws<ArgumentOutOfRangeException>(() => definition.WithLimits(memoryMb: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => definition.WithRestart(Restart.Always, maxRestarts: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => definition.WithEvery(TimeSpan.Zero));
        Assert.Throws<ArgumentException>(() => definition.WithEnvironment("A=B", "c"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProcessManagerOptions.Default.WithMaxConcurrent(0));
    }
}
