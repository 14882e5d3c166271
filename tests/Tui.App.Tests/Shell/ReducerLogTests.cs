using Tui.App.Keys;
using Tui.App.Shell;
using Tui.Core.Logs;
using static Tui.App.Tests.Shell.ReducerFixture;

namespace Tui.App.Tests.Shell;

public class ReducerLogTests
{
    // At 120x40 (tall layout) the log pane shows this many lines; the tests derive page sizes from it.
    private static int LogHeight(AppState s) => Reducer.Geometry(s).Layout.LogLines.Height;

    [Fact]
    public void The_log_pane_follows_by_default()
    {
        Assert.True(Stack().Log.Follow);
    }

    [Fact]
    public void Scrolling_up_in_the_log_pane_releases_follow_and_End_engages_it_again()
    {
        var s = Stack().WithLines("db", 500).Press(KeyCode.Tab).State;
        s = s.Press('k').State;
        Assert.False(s.Log.Follow);
        Assert.Equal(1, s.Log.Offset);
        s = s.Press(KeyCode.End).State;
        Assert.True(s.Log.Follow);
        Assert.Equal(0, s.Log.Offset);
    }

    [Fact]
    public void Scrolling_back_down_to_the_newest_line_follows_again()
    {
        var s = Stack().WithLines("db", 500).Press(KeyCode.Tab).State.Keys("kk");
        s = s.Keys("jj");
        Assert.True(s.Log.Follow);
    }

    [Fact]
    public void f_toggles_follow()
    {
        var s = Stack().Press('f').State;
        Assert.False(s.Log.Follow);
        Assert.True(s.Press('f').State.Log.Follow);
    }

    [Fact]
    public void PageUp_scrolls_a_page_minus_one_line_and_Home_goes_to_the_oldest_line_in_the_ring()
    {
        var s = Stack().WithLines("db", 500);
        int height = LogHeight(s);
        var paged = s.Press(KeyCode.PageUp).State;
        Assert.Equal(height - 1, paged.Log.Offset);
        Assert.False(paged.Log.Follow);
        var top = s.Press(KeyCode.Home).State;
        Assert.Equal(500 - height, top.Log.Offset);
        Assert.Equal(top.Log.Offset - (height - 1), top.Press(KeyCode.PageDown).State.Log.Offset);
    }

    [Fact]
    public void Scrolling_stops_at_what_the_ring_can_hold()
    {
        var s = (Stack() with { LogCapacity = 100 }).WithLines("db", 500);
        Assert.Equal(100 - LogHeight(s), s.Press(KeyCode.Home).State.Log.Offset);
    }

    [Fact]
    public void With_fewer_lines_than_the_pane_there_is_nothing_to_scroll()
    {
        var s = Stack().WithLines("db", 3);
        var after = s.Press(KeyCode.PageUp).State;
        Assert.True(after.Log.Follow);
        Assert.Equal(0, after.Log.Offset);
    }

    [Fact]
    public void New_lines_while_scrolled_up_keep_the_view_on_the_same_lines()
    {
        var s = Stack().WithLines("db", 500).Press(KeyCode.PageUp).State;
        int before = s.Log.Offset;
        s = s.WithLines("db", 7);
        Assert.Equal(before + 7, s.Log.Offset);
    }

    [Fact]
    public void New_lines_of_a_process_not_shown_do_not_move_the_view()
    {
        var s = Stack().WithLines("db", 500).Press(KeyCode.PageUp).State;
        int before = s.Log.Offset;
        Assert.Equal(before, s.WithLines("api", 7).Log.Offset);
    }

    [Fact]
    public void New_lines_that_the_filter_hides_do_not_move_the_view()
    {
        var s = Stack().WithLines("db", 500, "error").Press(KeyCode.Tab).State.Press('F').State.Keys("error").Press(KeyCode.Enter).State;
        s = s.Press(KeyCode.PageUp).State;
        int before = s.Log.Offset;
        s = s.WithLines("db", 5, "info").WithLines("db", 2, "ERROR");
        Assert.Equal(before + 2, s.Log.Offset);
    }

    [Fact]
    public void Lines_arriving_while_following_change_only_the_counts()
    {
        var s = Stack();
        var after = s.WithLines("db", 10);
        Assert.Equal(10, after.LogCounts["db"]);
        Assert.Equal(s.Log, after.Log);
    }

    [Fact]
    public void w_toggles_wrap_and_T_toggles_timestamps()
    {
        var s = Stack();
        Assert.True(s.Press('w').State.Log.Wrap);
        Assert.False(s.Press('w').State.Press('w').State.Log.Wrap);
        Assert.True(s.Press('T').State.Log.Timestamps);
    }

    [Fact]
    public void a_toggles_all_logs_merged()
    {
        var s = Stack().SelectProcess("api");
        Assert.Equal(new LogSource.Process("api"), s.LogSource);
        s = s.Press('a').State;
        Assert.True(s.Log.Merged);
        Assert.Equal(new LogSource.All(), s.LogSource);
    }

    [Fact]
    public void A_selected_group_header_shows_the_groups_lines_merged()
    {
        var s = Stack().Press(KeyCode.Down).State;
        Assert.Equal(new LogSource.Group("web"), s.LogSource);
    }

    [Fact]
    public void Selecting_another_process_shows_its_newest_lines()
    {
        var s = Stack().WithLines("db", 500).Press(KeyCode.PageUp).State;
        s = s.Press('j').State;
        Assert.True(s.Log.Follow);
        Assert.Equal(0, s.Log.Offset);
    }

    [Fact]
    public void Slash_opens_the_search_which_highlights_live_and_Enter_looks_for_the_newest_match()
    {
        var s = Stack().Press('/').State.Keys("GET");
        Assert.Equal("GET", s.Log.Search);
        var (done, effect) = s.Press(KeyCode.Enter);
        Assert.Null(done.Overlay);
        Assert.Equal(new Effect.FindMatch(new LogSource.Process("db"), "GET", "", null, 0, SearchDirection.Older), effect);
    }

    [Fact]
    public void Escape_in_the_search_prompt_clears_the_search()
    {
        var s = Stack().Press('/').State.Keys("GET").Press(KeyCode.Escape).State;
        Assert.Equal("", s.Log.Search);
        Assert.Null(s.Overlay);
    }

    [Fact]
    public void n_looks_for_an_older_match_and_N_for_a_newer_one_from_the_current_match()
    {
        var s = Stack().Press('/').State.Keys("GET").Press(KeyCode.Enter).State;
        var line = new LineRef("db", 42);
        s = s.Send(new Msg.MatchFound(line, 100, "GET"));
        Assert.Equal(line, s.Log.CurrentMatch);
        var older = Assert.IsType<Effect.FindMatch>(s.Press('n').Effect);
        Assert.Equal((line, SearchDirection.Older), (older.From, older.Direction));
        var newer = Assert.IsType<Effect.FindMatch>(s.Press('N').Effect);
        Assert.Equal((line, SearchDirection.Newer), (newer.From, newer.Direction));
    }

    [Fact]
    public void n_without_a_query_opens_the_search_prompt()
    {
        var (s, effect) = Stack().Press('n');
        Assert.Null(effect);
        Assert.Equal(new Overlay.Prompt(PromptKind.Search, ""), s.Overlay);
    }

    [Fact]
    public void A_found_match_off_screen_is_brought_to_the_middle_of_the_pane_and_follow_released()
    {
        var s = Stack().WithLines("db", 500).Press('/').State.Keys("x").Press(KeyCode.Enter).State;
        int height = LogHeight(s);
        s = s.Send(new Msg.MatchFound(new LineRef("db", 200), 300, "x"));
        Assert.False(s.Log.Follow);
        Assert.Equal(300 - height / 2, s.Log.Offset);
        Assert.Equal(Pane.Logs, s.Focus);
    }

    [Fact]
    public void A_found_match_already_on_screen_does_not_scroll()
    {
        var s = Stack().WithLines("db", 500).Press('/').State.Keys("x").Press(KeyCode.Enter).State;
        s = s.Send(new Msg.MatchFound(new LineRef("db", 498), 2, "x"));
        Assert.Equal(0, s.Log.Offset);
    }

    [Fact]
    public void No_match_is_told_in_a_notification()
    {
        var s = Stack().Press('/').State.Keys("zzz").Press(KeyCode.Enter).State;
        s = s.Send(new Msg.MatchFound(null, 0, "zzz"));
        Assert.Contains(s.Notifications, n => n.Text.Contains("no match for \"zzz\""));
    }

    [Fact]
    public void An_answer_to_an_older_query_is_ignored()
    {
        var s = Stack().Press('/').State.Keys("new").Press(KeyCode.Enter).State;
        Assert.Same(s, s.Send(new Msg.MatchFound(new LineRef("db", 1), 5, "old")));
    }

    [Fact]
    public void Escape_in_the_log_pane_clears_the_search_then_the_filter_then_leaves()
    {
        var s = Stack().Press(KeyCode.Tab).State.Press('F').State.Keys("e").Press(KeyCode.Enter).State
            .Press('/').State.Keys("x").Press(KeyCode.Enter).State;
        s = s.Press(KeyCode.Escape).State;
        Assert.Equal(("", "e", Pane.Logs), (s.Log.Search, s.Log.Filter, s.Focus));
        s = s.Press(KeyCode.Escape).State;
        Assert.Equal(("", Pane.Logs), (s.Log.Filter, s.Focus));
        Assert.Equal(Pane.List, s.Press(KeyCode.Escape).State.Focus);
    }

    [Fact]
    public void Lines_from_the_System_stream_count_like_any_other()
    {
        var s = Stack().Send(new Msg.Logs([new LogLine(1, "db", Fakes.TestProcesses.Now, LogStream.System, "started")]));
        Assert.Equal(1, s.LogCounts["db"]);
    }
}
