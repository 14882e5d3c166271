using Tui.App.Keys;
using Tui.App.Shell;
using Tui.Core.Supervision;
using static Tui.App.Tests.Shell.ReducerFixture;

namespace Tui.App.Tests.Shell;

public class ReducerPaletteTests
{
    private static AppState Type(AppState state, string text)
    {
        foreach (var c in text) state = state.Press(c).State;
        return state;
    }

    private static Overlay.Palette PaletteOf(AppState state) => Assert.IsType<Overlay.Palette>(state.Overlay);

    [Fact]
    public void Colon_and_ctrl_p_open_the_palette_and_esc_closes_it()
    {
        var s = Stack();
        Assert.Equal("", PaletteOf(s.Press(':').State).Query.Text);
        var opened = s.Press('p', KeyModifiers.Ctrl).State;
        Assert.IsType<Overlay.Palette>(opened.Overlay);
        Assert.Null(opened.Press(KeyCode.Escape).State.Overlay);
    }

    [Fact]
    public void The_palette_key_is_rebindable_in_keys()
    {
        var s = Stack(keys: KeyMap.Create(new Dictionary<string, string> { ["palette"] = "ctrl+k" }));
        Assert.IsType<Overlay.Palette>(s.Press('k', KeyModifiers.Ctrl).State.Overlay);
        Assert.Null(s.Press(':').State.Overlay);
    }

    [Fact]
    public void Typing_narrows_and_enter_runs_the_best_action_as_its_key_would()
    {
        var s = Type(Stack().SelectProcess("api").Press(':').State, "restart");
        Assert.Equal("restart", PaletteOf(s).Query.Text);
        var (after, effect) = s.Press(KeyCode.Enter);
        Assert.Null(after.Overlay);
        Assert.Equal(Effect.Restart(new ProcessTarget.One("api")), effect);
    }

    [Fact]
    public void An_action_that_asks_first_still_asks_when_run_from_the_palette()
    {
        var s = Type(Stack().SelectProcess("api").Press(':').State, "group stop");
        var (after, effect) = s.Press(KeyCode.Enter);
        Assert.Null(effect);
        Assert.IsType<Overlay.Confirm>(after.Overlay);
    }

    [Fact]
    public void Choosing_a_process_selects_it_unfolding_its_group_and_dropping_a_filter_that_hides_it()
    {
        var s = Stack().SelectProcess("api").Press(' ').State; // fold web
        Assert.Contains("web", s.List.Collapsed);
        s = Type(s.Press('\\').State, "db").Press(KeyCode.Enter).State; // filter the list to db
        Assert.Equal("db", s.List.Filter);

        var (after, effect) = Type(s.Press(':').State, "front").Press(KeyCode.Enter);
        Assert.Null(effect);
        Assert.Equal(RowKey.Process("front"), after.List.Selected);
        Assert.DoesNotContain("web", after.List.Collapsed);
        Assert.Equal("", after.List.Filter);
    }

    [Fact]
    public void Choosing_a_group_selects_its_header()
    {
        var after = Type(Stack().Press(':').State, "jobs").Press(KeyCode.Enter).State;
        Assert.Equal(RowKey.Group("jobs"), after.List.Selected);
    }

    [Fact]
    public void Up_and_down_choose_within_the_matches_and_stop_at_the_ends()
    {
        var s = Type(Stack().Press(':').State, "web");
        Assert.Equal(0, PaletteOf(s).Selected);
        Assert.Same(s, s.Press(KeyCode.Up).State);
        s = s.Press(KeyCode.Down).State;
        Assert.Equal(1, PaletteOf(s).Selected);
        s = s.Press('n', KeyModifiers.Ctrl).State.Press('p', KeyModifiers.Ctrl).State;
        Assert.Equal(1, PaletteOf(s).Selected);
        int count = Tui.App.Palette.PaletteSearch.Results(s, "web").Length;
        for (int i = 0; i < count + 3; i++) s = s.Press(KeyCode.Down).State;
        Assert.Equal(count - 1, PaletteOf(s).Selected);
    }

    [Fact]
    public void The_second_match_runs_when_it_is_chosen()
    {
        var s = Type(Stack().Press(':').State, "web");
        var results = Tui.App.Palette.PaletteSearch.Results(s, "web");
        var second = Assert.IsType<Tui.App.Palette.PaletteTarget.Process>(results[1].Entry.Target);
        var after = s.Press(KeyCode.Down).State.Press(KeyCode.Enter).State;
        Assert.Equal(RowKey.Process(second.Name), after.List.Selected);
    }

    [Fact]
    public void Editing_the_query_goes_back_to_the_best_match_and_cursor_keys_edit_in_place()
    {
        var s = Type(Stack().Press(':').State, "web").Press(KeyCode.Down).State;
        s = s.Press(KeyCode.Backspace).State;
        Assert.Equal(("we", 0), (PaletteOf(s).Query.Text, PaletteOf(s).Selected));
        s = s.Press(KeyCode.Home).State.Press('x').State;
        Assert.Equal("xwe", PaletteOf(s).Query.Text);
        s = s.Press('w', KeyModifiers.Ctrl).State; // the word before the cursor is "x"
        Assert.Equal("we", PaletteOf(s).Query.Text);
        s = s.Press('e', KeyModifiers.Ctrl).State.Press('w', KeyModifiers.Ctrl).State;
        Assert.Equal("", PaletteOf(s).Query.Text);
    }

    [Fact]
    public void Enter_with_nothing_matching_keeps_the_palette_open()
    {
        var s = Type(Stack().Press(':').State, "zzzq");
        var (after, effect) = s.Press(KeyCode.Enter);
        Assert.Same(s, after);
        Assert.Null(effect);
    }

    [Fact]
    public void Keys_bound_to_actions_are_text_while_the_palette_is_open()
    {
        var s = Type(Stack().SelectProcess("api").Press(':').State, "xq");
        Assert.Equal("xq", PaletteOf(s).Query.Text);
        Assert.False(s.Quitting);
    }
}
