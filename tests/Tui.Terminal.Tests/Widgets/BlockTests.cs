using Tui.Terminal.Drawing;
using Tui.Terminal.Widgets;

namespace Tui.Terminal.Tests.Widgets;

public class BlockTests
{
    [Fact]
    public void Block_draws_a_frame_with_its_title_and_leaves_the_inside_alone()
    {
        var buffer = Screens.Filled(10, 4);
        var block = Block.Bordered(" api ");
        block.Render(new Rect(0, 0, 9, 4), buffer);
        Assert.Equal(["┌ api ──┐x", "│xxxxxxx│x", "│xxxxxxx│x", "└───────┘x"], buffer.ToLines());
        Assert.Equal(new Rect(1, 1, 7, 2), block.Inner(new Rect(0, 0, 9, 4)));
    }

    [Fact]
    public void A_long_title_is_cut_with_an_ellipsis_inside_the_corners()
    {
        var buffer = Screens.Filled(8, 2);
        new Block { Title = "processes", BorderType = BorderType.Rounded, Borders = Borders.Top | Borders.Left | Borders.Right }
            .Render(buffer.Area, buffer);
        Assert.Equal(["╭proce…╮", "│xxxxxx│"], buffer.ToLines());
    }

    [Fact]
    public void Border_style_applies_to_the_frame_only()
    {
        var buffer = Screens.Filled(4, 3);
        new Block { BorderStyle = new Style().Fg(Color.Cyan) }.Render(buffer.Area, buffer);
        Assert.Equal(Color.Cyan, buffer[0, 0].Foreground);
        Assert.Equal(Color.Default, buffer[1, 1].Foreground);
    }
}
