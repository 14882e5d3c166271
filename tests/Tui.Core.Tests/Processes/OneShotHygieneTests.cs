using Tui.Core.Processes;
using Tui.Core.Processes.OneShot;
using Tui.Core.Tests.TestSupport;
using Xunit.Abstractions;

namespace Tui.Core.Tests.Processes;

/// <summary>What one-shot commands cost this test process (fds, memory): alone in the process, like <see cref="ProcessHygieneTests"/>.</summary>
[Collection(nameof(ProcessHygieneTests))]
public sealed class OneShotHygieneTests(ITestOutputHelper output) : IDisposable
{
    private const int Runs = 150;
    private const int WarmUpRuns = 15;

    /// <summary>Slack for runtime noise (a thread-pool thread retiring or being born, a cached fd).</summary>
    private const int FdTolerance = 4, ThreadTolerance = 6;

    private readonly ChildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task A_command_printing_hundreds_of_megabytes_costs_only_its_kept_tail()
    {
        const long printed = 256L * 1024 * 1024;
        var spec = _harness.Command(["/bin/sh", "-c", $"head -c {printed} /dev/zero | tr '\\0' x; echo; echo last"]);
        await _harness.Runner.RunAsync(spec, CancellationToken.None).WaitAsync(ChildHarness.Patience); // JIT and pools first

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var outcome = await _harness.Runner.RunAsync(spec, CancellationToken.None).WaitAsync(ChildHarness.Patience);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        output.WriteLine($"{printed} bytes printed, {allocated} bytes allocated by this process meanwhile");

        Assert.Equal(OneShotSpec.DefaultKeptOutputBytes, outcome.StdoutTail.Length);
        Assert.EndsWith("xxx\nlast\n", outcome.StdoutTail);
        // Keeping the output, or even a copy per read, would allocate at least what was printed.
        Assert.True(allocated < printed / 16, $"{allocated} bytes allocated for {printed} printed");
    }

    [Fact]
    public async Task Runs_that_exit_leave_children_or_are_cancelled_leak_no_fds_threads_or_zombies()
    {
        for (var i = 0; i < WarmUpRuns; i++) await Run(i);
        var before = OwnResources.Measure();
        var leaders = new List<int>();
        for (var i = 0; i < Runs; i++) leaders.Add(await Run(i));
        var after = await OwnResources.Settled(before, FdTolerance, ThreadTolerance);
        output.WriteLine($"after {Runs} runs: fds {before.Fds} -> {after.Fds}, threads {before.Threads} -> {after.Threads}");

        Assert.True(after.Fds <= before.Fds + FdTolerance, $"fds {before.Fds} -> {after.Fds}");
        Assert.True(after.Threads <= before.Threads + ThreadTolerance, $"threads {before.Threads} -> {after.Threads}");
        // Reaped: no command is left as a zombie child of this process (a pid seen again is someone else's).
        Assert.All(leaders, pid => Assert.False(ProcStat.Read(pid) is { ParentPid: var parent } && parent == Environment.ProcessId, $"{pid} not reaped"));
    }

    /// <summary>
    /// One run of three kinds in turn: a plain exit, an exit leaving a child that holds the output, and one cancelled
    /// the moment it started (before setsid may even have made it a group leader). Returns the command's pid.
    /// </summary>
    private async Task<int> Run(int i)
    {
        using var cancel = new CancellationTokenSource();
        var pid = 0;
        var runner = new OneShotRunner((started, _) =>
        {
            pid = started;
            if (i % 3 == 2) cancel.Cancel();
        });
        var script = (i % 3) switch
        {
            0 => "echo plain",
            1 => "sleep 1000 & echo left a child",
            _ => "exec sleep 1000",
        };
        try
        {
            var outcome = await runner.RunAsync(_harness.Command(["/bin/sh", "-c", script]), cancel.Token).WaitAsync(ChildHarness.Patience);
            Assert.NotEqual(2, i % 3);
            Assert.True(outcome.Status.Success);
        }
        catch (OperationCanceledException)
        {
            Assert.Equal(2, i % 3);
        }
        finally
        {
            if (pid > 0) ProcessGroup.KillGroupAndWait(pid, ChildHarness.Patience); // a safety net: the runner should have left nothing
        }
        return pid;
    }
}
