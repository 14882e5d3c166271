using Tui.App.Shell;
using static Tui.App.Tests.Shell.ReducerFixture;

namespace Tui.App.Tests.Shell;

public class ReducerMouseTests
{
    [Fact]
    public void A_click_on_a_row_selects_it()
    {
        var s = Stack();
        var rows = Reducer.Geometry(s).Layout.ListRows;
        s = s.Send(new Msg.Mouse(MouseAction.LeftClick, rows.X + 5, rows.Y + 2)); // db, web, api
        Assert.Equal(RowKey.Process("api"), s.List.Selected);
    }

    [Fact]
    public void A_click_on_a_group_header_folds_it()
    {
        var s = Stack();
        var rows = Reducer.Geometry(s).Layout.ListRows;
        s = s.Send(new Msg.Mouse(MouseAction.LeftClick, rows.X + 1, rows.Y + 1));
        Assert.Contains("web", s.List.Collapsed);
        Assert.Equal(RowKey.Group("web"), s.List.Selected);
    }

    [Fact]
    public void The_wheel_over_the_logs_scrolls_them_and_over_the_list_moves_the_selection()
    {
        var s = Stack().WithLines("db", 500);
        var layout = Reducer.Geometry(s).Layout;
        var up = s.Send(new Msg.Mouse(MouseAction.WheelUp, layout.LogLines.X + 3, layout.LogLines.Y + 3));
        Assert.Equal(Reducer.WheelLines, up.Log.Offset);
        Assert.False(up.Log.Follow);
        var down = up.Send(new Msg.Mouse(MouseAction.WheelDown, layout.LogLines.X + 3, layout.LogLines.Y + 3));
        Assert.True(down.Log.Follow);

        var moved = s.Send(new Msg.Mouse(MouseAction.WheelDown, layout.ListRows.X + 3, layout.ListRows.Y));
        Assert.Equal(RowKey.Group("web"), moved.List.Selected);
    }

    [Fact]
    public void A_click_in_the_log_pane_gives_it_the_keyboard()
    {
        var s = Stack();
        var logs = Reducer.Geometry(s).Layout.LogLines;
        Assert.Equal(Pane.Logs, s.Send(new Msg.Mouse(MouseAction.LeftClick, logs.X, logs.Y)).Focus);
    }

    [Fact]
    public void A_click_closes_the_help()
    {
        var s = Stack().Press('?').State;
        Assert.Null(s.Send(new Msg.Mouse(MouseAction.LeftClick, 1, 1)).Overlay);
    }
}
