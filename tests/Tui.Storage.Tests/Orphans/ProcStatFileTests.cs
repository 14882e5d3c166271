using Tui.Storage.Orphans;

namespace Tui.Storage.Tests.Orphans;

public sealed class ProcStatFileTests
{
    [Fact]
    public void Fields_are_counted_after_the_last_parenthesis_of_the_command_name()
    {
        const string line = "4321 (we ird) name)) S 1 4321 4321 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 12345 67 18446744073709551615";

        var stat = ProcStatFile.Parse(4321, line);

        Assert.Equal(new ProcStatFields(4321, 'S', 4321, 4321, 987654), stat);
    }

    [Fact]
    public void A_zombie_is_not_live()
    {
        var stat = ProcStatFile.Parse(5, "5 (sleep) Z 1 5 5 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 42 0 0")!.Value;
        Assert.False(stat.IsLive);
    }

    [Fact]
    public void This_process_reads_with_a_start_time()
    {
        var self = ProcStatFile.TryRead(Environment.ProcessId);
        Assert.NotNull(self);
        Assert.True(self.Value.IsLive);
        Assert.True(self.Value.StartTicks > 0);
        Assert.Null(ProcStatFile.TryRead(int.MaxValue));
    }
}
