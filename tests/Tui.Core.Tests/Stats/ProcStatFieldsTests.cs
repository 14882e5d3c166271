using System.Text;
using Tui.Core.Stats;

namespace Tui.Core.Tests.Stats;

public class ProcStatFieldsTests
{
    // A real line from Linux 6.x with a command name containing spaces and a ')'.
    private const string Line =
        "4242 (my (weird) app) S 4200 4242 4242 0 -1 4194560 1234 0 5 0 731 265 12 9 20 0 7 0 987654 " +
        "1234567890 5120 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0\n";

    [Fact]
    public void Parses_the_fields_after_a_command_name_with_spaces_and_parentheses()
    {
        Assert.True(ProcStatFields.TryParse(Encoding.ASCII.GetBytes(Line), out var fields));

        Assert.Equal(4242, fields.Pid);
        Assert.Equal((byte)'S', fields.State);
        Assert.Equal(4200, fields.ParentPid);
        Assert.Equal((731L, 265L, 12L, 9L), (fields.UserTicks, fields.SystemTicks, fields.ChildUserTicks, fields.ChildSystemTicks));
        Assert.Equal(731 + 265 + 12 + 9, fields.CpuTicks);
        Assert.Equal(7, fields.Threads);
        Assert.Equal(987654, fields.StartTicks);
        Assert.Equal(5120, fields.RssPages);
        Assert.False(fields.IsDead);
    }

    [Fact]
    public void Zombie_state_counts_as_dead()
    {
        var zombie = Line.Replace(") S 4200", ") Z 4200");

        Assert.True(ProcStatFields.TryParse(Encoding.ASCII.GetBytes(zombie), out var fields));
        Assert.True(fields.IsDead);
    }

    [Theory]
    [InlineData("")]
    [InlineData("4242 (app) S 4200 4242")]
    [InlineData("x (app) S 4200 4242 4242 0 -1 4194560 1234 0 5 0 731 265 12 9 20 0 7 0 987654 1 5120")]
    [InlineData("4242 app S 4200 4242 4242 0 -1 4194560 1234 0 5 0 731 265 12 9 20 0 7 0 987654 1 5120")]
    public void Truncated_or_malformed_lines_are_rejected(string line)
    {
        Assert.False(ProcStatFields.TryParse(Encoding.ASCII.GetBytes(line), out _));
    }
}
