using Tui.Terminal.Drawing;
using Tui.Terminal.Widgets;

namespace Tui.Terminal.Tests.Widgets;

public class TableTests
{
    private static Table Sample(int rows) => new(
        Enumerable.Range(0, rows).Select(i => new Row($"p{i}", new Line($"{i * 10}") { Alignment = Alignment.Right })).ToList(),
        [Constraint.Length(4), Constraint.Length(3)])
    {
        Header = new Row("NAME", "CPU"),
        HighlightSymbol = ">",
    };

    [Fact]
    // Like ratatui, a table writes only its text: column gaps keep what was beneath (a fresh frame is blank).
    public void Table_draws_header_columns_and_the_selected_row()
    {
        var buffer = Screens.Filled(10, 4);
        var state = new TableState { Selected = 1 };
        Sample(3).Render(buffer.Area, buffer, state);
        Assert.Equal(["xNAMExCPUx", "xp0xxxxx0x", ">p1xxxx10x", "xp2xxxx20x"], buffer.ToLines());
        Assert.True(buffer[5, 2].Modifiers.HasFlag(Modifiers.Reverse));
        Assert.False(buffer[5, 1].Modifiers.HasFlag(Modifiers.Reverse));
    }

    [Fact]
    public void Selecting_below_the_visible_rows_scrolls_the_table()
    {
        var buffer = Screens.Filled(10, 3);
        var state = new TableState { Selected = 4 };
        Sample(6).Render(buffer.Area, buffer, state);
        Assert.Equal(3, state.Offset);
        Assert.Equal(["xNAMExCPUx", "xp3xxxx30x", ">p4xxxx40x"], buffer.ToLines());

        state.Move(-3, 6);
        Sample(6).Render(buffer.Area, buffer, state);
        Assert.Equal(1, state.Offset);
    }

    [Fact]
    public void A_cell_wider_than_its_column_ends_in_an_ellipsis()
    {
        var buffer = Screens.Filled(9, 1);
        new Table([new Row("frontend", "ok")], [Constraint.Length(5), Constraint.Fill()]).Render(buffer.Area, buffer);
        Assert.Equal(["fron…xokx"], buffer.ToLines());
    }

    [Fact]
    public void Selection_moves_are_clamped_to_the_rows()
    {
        var state = new TableState();
        state.Move(1, 3);
        Assert.Equal(0, state.Selected);
        state.Move(10, 3);
        Assert.Equal(2, state.Selected);
        state.Move(1, 0);
        Assert.Null(state.Selected);
    }
}
