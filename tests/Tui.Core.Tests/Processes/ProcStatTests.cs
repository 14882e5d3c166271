using Tui.Core.Processes;

namespace Tui.Core.Tests.Processes;

public sealed class ProcStatTests
{
    [Fact]
    public void Fields_after_a_command_name_with_spaces_and_parentheses_are_found()
    {
        var stat = ProcStat.Parse("4242 (my (odd) name) S 17 4242 4242 0 -1 4194560 100 0 0 0");

        Assert.Equal(new ProcStat(4242, 'S', 17, 4242, 4242), stat);
    }

    [Fact]
    public void Zombie_and_dead_states_are_dead()
    {
        Assert.True(ProcStat.Parse("5 (x) Z 1 5 5 0")!.Value.IsDead);
        Assert.True(ProcStat.Parse("5 (x) X 1 5 5 0")!.Value.IsDead);
        Assert.False(ProcStat.Parse("5 (x) R 1 5 5 0")!.Value.IsDead);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("12 (x)")]
    [InlineData("12 (x) S one 2 3")]
    public void Malformed_lines_are_rejected(string text)
    {
        Assert.Null(ProcStat.Parse(text));
    }

    [Fact]
    public void This_process_reads_as_itself()
    {
        var stat = ProcStat.Read(Environment.ProcessId);

        Assert.NotNull(stat);
        Assert.Equal(Environment.ProcessId, stat.Value.Pid);
        Assert.False(stat.Value.IsDead);
    }

    [Fact]
    public void A_pid_that_does_not_exist_reads_as_null()
    {
        var pidMax = int.Parse(File.ReadAllText("/proc/sys/kernel/pid_max").Trim());

        Assert.Null(ProcStat.Read(pidMax + 1));
    }
}
