using Tui.Core.Processes;

namespace Tui.Core.Tests.Processes;

public sealed class ProcessGroupTests : IDisposable
{
    /// <summary>
    /// A leader that ignores SIGTERM, one grandchild that does not, and two that do (one a level deeper).
    /// Each grandchild prints its own pid ($$ of a fresh sh) before exec'ing sleep, keeping that pid.
    /// Ignored signals stay ignored across fork and exec, so everything started after the trap ignores TERM,
    /// whether it has reached its exec yet or not.
    /// </summary>
    private const string TreeScript = """
        sh -c 'echo "mortal $$"; exec sleep 300' &
        trap "" TERM
        sh -c 'echo "stubborn $$"; exec sleep 300' &
        (sh -c 'sh -c '"'"'echo "deep $$"; exec sleep 300'"'"' & wait') &
        wait
        """;

    private readonly ChildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task SIGTERM_to_the_group_leaves_the_members_that_ignore_it()
    {
        var (child, pids) = await StartTree();

        child.SignalGroup(Signals.SIGTERM);

        // The signal reaches every member at once; once the mortal one is dead, the others have had it too.
        Assert.True(ProcessGroup.WaitForExit([pids["mortal"]], ChildHarness.Patience));
        Assert.False(child.Exited.IsCompleted);
        foreach (var pid in new[] { child.Pid, pids["stubborn"], pids["deep"] })
        {
            Assert.True(ProcStat.Read(pid) is { IsDead: false } stat && stat.ProcessGroup == child.Pid, $"pid {pid} should still run");
        }
        Assert.True(ProcessGroup.IsAlive(child.Pid));
    }

    [Fact]
    public async Task SIGKILL_to_the_group_kills_every_member()
    {
        var (child, pids) = await StartTree();

        child.SignalGroup(Signals.SIGKILL);

        Assert.Equal(new ExitStatus(null, Signals.SIGKILL), await ChildHarness.ExitOf(child));
        Assert.True(ProcessGroup.WaitForExit([.. pids.Values], ChildHarness.Patience));
        foreach (var pid in pids.Values.Append(child.Pid))
        {
            // Gone, or a zombie waiting for init to reap it (it is no longer our child).
            Assert.True(ProcStat.Read(pid) is null or { IsDead: true }, $"pid {pid} should be dead");
        }
        Assert.False(ProcessGroup.IsAlive(child.Pid));
    }

    [Fact]
    public async Task KillGroupAndWait_returns_once_every_member_is_dead()
    {
        var (child, pids) = await StartTree();

        Assert.True(ProcessGroup.KillGroupAndWait(child.Pid, ChildHarness.Patience));

        Assert.Empty(ProcessGroup.LiveMembers(child.Pid));
        Assert.All(pids.Values, pid => Assert.True(ProcStat.Read(pid) is null or { IsDead: true }));
        Assert.Equal(Signals.SIGKILL, (await ChildHarness.ExitOf(child)).Signal);
    }

    [Fact]
    public async Task Grandchildren_left_behind_by_an_exited_leader_are_still_reached_through_the_group()
    {
        var child = _harness.StartShell("sh -c 'echo \"orphan $$\"; exec sleep 300' & exit 0");
        using var reader = new StreamReader(child.Stdout);
        var orphan = ParsePids(await ChildHarness.ReadLinesUntil(reader, lines => lines.Count == 1))["orphan"];
        Assert.Equal(0, (await ChildHarness.ExitOf(child)).Code);
        Assert.True(ProcessGroup.IsAlive(child.Pid));

        child.SignalGroup(Signals.SIGKILL);

        Assert.True(ProcessGroup.WaitForExit([orphan], ChildHarness.Patience));
        Assert.False(ProcessGroup.IsAlive(child.Pid));
    }

    [Fact]
    public async Task Signalling_a_group_that_is_gone_is_a_no_op()
    {
        var child = _harness.StartShell("exit 0");
        await ChildHarness.ExitOf(child);
        Assert.True(ProcessGroup.WaitForExit(ProcessGroup.LiveMembers(child.Pid), ChildHarness.Patience));

        child.SignalGroup(Signals.SIGTERM);

        Assert.False(ProcessGroup.Signal(child.Pid, Signals.SIGTERM));
        Assert.False(ProcessGroup.IsAlive(child.Pid));
        Assert.True(ProcessGroup.KillGroupAndWait(child.Pid, ChildHarness.Patience));
    }

    [Fact]
    public async Task Disposing_a_running_child_kills_its_group()
    {
        var (child, pids) = await StartTree();

        child.Dispose();

        Assert.Equal(Signals.SIGKILL, (await ChildHarness.ExitOf(child)).Signal);
        Assert.True(ProcessGroup.WaitForExit([.. pids.Values], ChildHarness.Patience));
    }

    [Fact]
    public void Invalid_signal_number_is_an_argument_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProcessGroup.Signal(Environment.ProcessId, 999));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProcessGroup.Signal(1, Signals.SIGTERM));
    }

    private async Task<(IChildProcess Child, Dictionary<string, int> Pids)> StartTree()
    {
        var child = _harness.StartShell(TreeScript);
        using var reader = new StreamReader(child.Stdout, leaveOpen: true);
        var pids = ParsePids(await ChildHarness.ReadLinesUntil(reader, lines => lines.Count == 3));
        return (child, pids);
    }

    private static Dictionary<string, int> ParsePids(List<string> lines) =>
        lines.Select(line => line.Split(' ')).ToDictionary(parts => parts[0], parts => int.Parse(parts[1]));
}
