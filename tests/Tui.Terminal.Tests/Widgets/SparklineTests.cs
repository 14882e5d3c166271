using Tui.Terminal.Drawing;
using Tui.Terminal.Widgets;

namespace Tui.Terminal.Tests.Widgets;

public class SparklineTests
{
    [Fact]
    public void Values_become_eighth_blocks_and_untouched_cells_stay()
    {
        var buffer = Screens.Filled(12, 1);
        new Sparkline([0, 1, 2, 3, 4, 5, 6, 7, 8]).Render(buffer.Area, buffer);
        Assert.Equal([" ▁▂▃▄▅▆▇█xxx"], buffer.ToLines());
    }

    [Fact]
    public void Two_rows_double_the_height_and_a_small_positive_value_stays_visible()
    {
        var buffer = Screens.Filled(4, 2);
        new Sparkline([0.01, 8, 16, 12]) { Max = 16 }.Render(buffer.Area, buffer);
        Assert.Equal(["  █▄", "▁███"], buffer.ToLines());
    }

    [Fact]
    public void The_newest_values_are_shown_when_there_are_more_than_columns()
    {
        var buffer = Screens.Filled(3, 1);
        new Sparkline([8, 8, 8, 1, 2, 3]) { Max = 8 }.Render(buffer.Area, buffer);
        Assert.Equal(["▁▂▃"], buffer.ToLines());
    }

    [Fact]
    public void Braille_mode_puts_two_values_in_each_cell()
    {
        var buffer = Screens.Filled(3, 1);
        new Sparkline([4, 0, 1, 2]) { Max = 4, Mode = SparklineMode.Braille }.Render(buffer.Area, buffer);
        // left column full (dots 7,3,2,1 = 0x47), right empty; then 1 level left (0x40) and 2 levels right (0xA0).
        Assert.Equal(["\u2847\u28E0x"], buffer.ToLines());
    }
}
