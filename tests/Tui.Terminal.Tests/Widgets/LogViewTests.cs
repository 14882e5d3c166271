using Tui.Terminal.Drawing;
using Tui.Terminal.Widgets;

namespace Tui.Terminal.Tests.Widgets;

public class LogViewTests
{
    private static List<Line> Log(int count) => Enumerable.Range(1, count).Select(i => new Line($"line {i}")).ToList();

    [Fact]
    public void Follow_mode_shows_the_newest_lines()
    {
        var buffer = Screens.Filled(8, 3);
        var state = new LogViewState();
        new LogView(Log(10)).Render(buffer.Area, buffer, state);
        Assert.Equal(["line 8xx", "line 9xx", "line 10x"], buffer.ToLines());
        Assert.Equal(7, state.Offset);
    }

    [Fact]
    public void Scrolling_up_leaves_follow_mode_and_the_view_stays_while_lines_arrive()
    {
        var state = new LogViewState();
        var log = Log(10);
        new LogView(log).Render(new Rect(0, 0, 8, 3), new CellBuffer(8, 3), state);
        state.ScrollUp(2);
        Assert.False(state.Follow);
        log.AddRange(Log(5));
        var buffer = Screens.Filled(8, 3);
        new LogView(log).Render(buffer.Area, buffer, state);
        Assert.Equal(["line 6xx", "line 7xx", "line 8xx"], buffer.ToLines());

        state.ScrollDown(100);
        Assert.True(state.Follow);
    }

    [Fact]
    public void Wrap_shows_long_lines_on_several_rows_and_follow_keeps_the_last_row_at_the_bottom()
    {
        var buffer = Screens.Filled(5, 3);
        new LogView([new Line("one"), new Line("twotwotwo")]) { Wrap = true }.Render(buffer.Area, buffer, new LogViewState());
        Assert.Equal(["onexx", "twotw", "otwox"], buffer.ToLines());

        buffer = Screens.Filled(5, 2);
        new LogView([new Line("one"), new Line("twotwotwo")]) { Wrap = true }.Render(buffer.Area, buffer, new LogViewState());
        Assert.Equal(["twotw", "otwox"], buffer.ToLines());
    }

    [Fact]
    public void Without_wrap_long_lines_end_in_an_ellipsis_and_scroll_sideways()
    {
        var buffer = Screens.Filled(6, 1);
        var state = new LogViewState();
        new LogView([new Line("0123456789")]).Render(buffer.Area, buffer, state);
        Assert.Equal(["01234…"], buffer.ToLines());
        state.ScrollRight(6);
        buffer = Screens.Filled(6, 1);
        new LogView([new Line("0123456789")]).Render(buffer.Area, buffer, state);
        Assert.Equal(["6789xx"], buffer.ToLines());
    }

    [Fact]
    public void Search_matches_are_highlighted_across_spans_keeping_other_styles()
    {
        var buffer = Screens.Filled(12, 1);
        var red = new Style().Fg(Color.Red);
        var line = new Line(new Span("GET /er", red), new Span("ror 500"));
        new LogView([line]) { Search = "ERROR" }.Render(buffer.Area, buffer, new LogViewState());
        Assert.Equal(["GET /error …"], buffer.ToLines());
        Assert.False(buffer[4, 0].Modifiers.HasFlag(Modifiers.Reverse));
        Assert.All(Enumerable.Range(5, 5), x => Assert.True(buffer[x, 0].Modifiers.HasFlag(Modifiers.Reverse)));
        Assert.Equal(Color.Red, buffer[5, 0].Foreground);
        Assert.Equal(Color.Default, buffer[8, 0].Foreground);
        Assert.False(buffer[10, 0].Modifiers.HasFlag(Modifiers.Reverse));
    }
}
