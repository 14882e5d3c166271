using Tui.Terminal.Drawing;
using Tui.Terminal.Widgets;

namespace Tui.Terminal.Tests.Widgets;

public class KeyHintBarTests
{
    [Fact]
    public void Hints_that_do_not_fit_are_left_out_whole_and_status_goes_right()
    {
        var buffer = Screens.Filled(24, 1);
        new KeyHintBar([new("?", "help"), new("s", "start"), new("q", "quit")]) { Status = "12:00" }.Render(buffer.Area, buffer);
        Assert.Equal([" ? help  s start   12:00"], buffer.ToLines());
        Assert.True(buffer[1, 0].Modifiers.HasFlag(Modifiers.Bold));
        Assert.False(buffer[3, 0].Modifiers.HasFlag(Modifiers.Bold));
    }
}
