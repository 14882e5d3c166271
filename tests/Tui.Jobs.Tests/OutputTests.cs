using Tui.Jobs.Tests.Support;

namespace Tui.Jobs.Tests;

/// <summary>Output: the tail and since of what came, and following what comes.</summary>
public sealed class OutputTests
{
    /// <summary>Prints early lines, waits until the test opens the fifo, then prints a late line and ends.</summary>
    private const string EarlyThenLate = "mkfifo go\necho one\necho two\necho oops >&2\necho ready\nread x < go\necho late\nexit 0";

    [Fact]
    public async Task Tail_and_since_select_from_stdout_and_stderr_and_follow_sees_lines_as_they_come()
    {
        await using var jobs = new JobsHarness();
        await jobs.Manager.SpawnAsync(jobs.Script("talker", EarlyThenLate));
        await jobs.WaitForLine("talker", "ready");
        await jobs.WaitForLine("talker", "oops"); // stderr is read by a thread of its own: it may come after "ready"
        var followed = new List<LogLine>();
        using var follow = jobs.Manager.Output("talker").Subscribe(followed.Add);

        jobs.Clock.AdvanceBy(TimeSpan.FromHours(2));
        await File.WriteAllTextAsync(Path.Combine(jobs.Dir.FullName, "go"), "go\n");
        await jobs.Manager.WaitAsync("talker").WaitAsync(JobsHarness.Patience);

        var all = await jobs.Manager.GetOutputAsync("talker");
        // stdout and stderr are two pipes: each keeps its order, but how they interleave is up to the reader threads.
        Assert.Equal(["one", "two", "ready", "late"], all.Where(l => l.Stream == OutputStream.Stdout).Select(l => l.Text));
        Assert.Equal(["oops"], all.Where(l => l.Stream == OutputStream.Stderr).Select(l => l.Text));
        Assert.Equal("late", all[^1].Text);
        Assert.Equal(all.TakeLast(2), await jobs.Manager.GetOutputAsync("talker", tail: 2));
        Assert.Equal(["late"], (await jobs.Manager.GetOutputAsync("talker", tail: 1)).Select(l => l.Text));
        var recent = await jobs.Manager.GetOutputAsync("talker", since: TimeSpan.FromHours(1));
        Assert.Equal(["late"], recent.Select(l => l.Text));
        Assert.Equal(JobsHarness.T0 + TimeSpan.FromHours(2), recent.Single().At);
        Assert.Equal(["late"], followed.Select(l => l.Text));
    }

    [Fact]
    public async Task Following_from_the_start_gives_every_line_once_whether_it_came_before_or_after_subscribing()
    {
        await using var jobs = new JobsHarness();
        await jobs.Manager.SpawnAsync(jobs.Script("counter", "mkfifo go\nfor i in 1 2 3; do echo \"before $i\"; done\nread x < go\nfor i in 1 2 3; do echo \"after $i\"; done"));
        await jobs.WaitForLine("counter", "before 3");
        var followed = new List<string>();
        using var follow = jobs.Manager.Output("counter", fromStart: true).Subscribe(l => { lock (followed) followed.Add(l.Text); });

        await File.WriteAllTextAsync(Path.Combine(jobs.Dir.FullName, "go"), "go\n");
        await jobs.Manager.WaitAsync("counter").WaitAsync(JobsHarness.Patience);

        lock (followed) Assert.Equal(["before 1", "before 2", "before 3", "after 1", "after 2", "after 3"], followed);
    }
}
