using Tui.App.Keys;
using Tui.App.Shell;
using static Tui.App.Tests.Shell.ReducerFixture;

namespace Tui.App.Tests.Shell;

/// <summary>The prompts (/ search, F and \ filters) edit like a shell's line and recall what was entered before.</summary>
public class ReducerPromptTests
{
    private static AppState Type(AppState state, string text)
    {
        foreach (var c in text) state = state.Press(c).State;
        return state;
    }

    private static Overlay.Prompt PromptOf(AppState state) => Assert.IsType<Overlay.Prompt>(state.Overlay);

    /// <summary>Opens the list filter, replaces its text, and enters it.</summary>
    private static AppState Filter(AppState state, string text) =>
        Type(state.Press('F').State.Press('u', KeyModifiers.Ctrl).State, text).Press(KeyCode.Enter).State;

    [Fact]
    public void The_cursor_moves_and_typing_inserts_where_it_is()
    {
        var s = Type(Stack().Press('F').State, "frnt");
        s = s.Press(KeyCode.Left).State.Press(KeyCode.Left).State.Press(KeyCode.Left).State.Press('o').State;
        Assert.Equal("fornt", PromptOf(s).Text);
        s = s.Press(KeyCode.Delete).State;
        Assert.Equal("font", PromptOf(s).Text);
        s = s.Press('a', KeyModifiers.Ctrl).State.Press(KeyCode.Delete).State;
        Assert.Equal(("ont", 0), (PromptOf(s).Text, PromptOf(s).Edit.Cursor));
    }

    [Fact]
    public void The_filter_follows_the_text_live_but_moving_the_cursor_changes_nothing()
    {
        var s = Type(Stack().Press('F').State, "api");
        Assert.Equal("api", s.List.Filter);
        var moved = s.Press(KeyCode.Home).State;
        Assert.Same(s.List, moved.List);
        Assert.Equal(0, PromptOf(moved).Edit.Cursor);
    }

    [Fact]
    public void Word_keys_delete_and_move_by_word()
    {
        var s = Type(Stack().Press('/').State, "GET /users 500");
        s = s.Press('w', KeyModifiers.Ctrl).State;
        Assert.Equal("GET /users ", PromptOf(s).Text);
        s = s.Press('b', KeyModifiers.Alt).State;
        Assert.Equal(5, PromptOf(s).Edit.Cursor);
        s = s.Press('k', KeyModifiers.Ctrl).State;
        Assert.Equal("GET /", PromptOf(s).Text);
        s = s.Press(KeyCode.Left, KeyModifiers.Ctrl).State;
        Assert.Equal(0, PromptOf(s).Edit.Cursor);
        s = s.Press('f', KeyModifiers.Alt).State.Press('u', KeyModifiers.Ctrl).State;
        Assert.Equal(" /", PromptOf(s).Text);
        Assert.Equal(" /", s.Log.Search);
    }

    [Fact]
    public void Up_recalls_earlier_entries_of_the_same_prompt_and_down_returns_to_what_was_typed()
    {
        var s = Filter(Filter(Stack(), "api"), "fro");
        s = Type(s.Press('F').State, "x");
        Assert.Equal("frox", PromptOf(s).Text); // the prompt opens on the current filter
        s = s.Press('u', KeyModifiers.Ctrl).State;
        s = Type(s, "tr");
        s = s.Press(KeyCode.Up).State;
        Assert.Equal(("fro", "fro"), (PromptOf(s).Text, s.List.Filter));
        s = s.Press(KeyCode.Up).State;
        Assert.Equal("api", PromptOf(s).Text);
        Assert.Same(s, s.Press(KeyCode.Up).State);
        s = s.Press(KeyCode.Down).State.Press(KeyCode.Down).State;
        Assert.Equal(("tr", "tr"), (PromptOf(s).Text, s.List.Filter));
    }

    [Fact]
    public void Each_kind_of_prompt_has_its_own_history()
    {
        var s = Filter(Stack(), "api");
        s = Type(s.Press('/').State, "GET").Press(KeyCode.Enter).State;
        s = s.Press(KeyCode.Escape).State.Press(KeyCode.Escape).State; // clear the search, back to the list
        s = s.Press('/').State.Press('u', KeyModifiers.Ctrl).State.Press(KeyCode.Up).State;
        Assert.Equal("GET", PromptOf(s).Text);
        Assert.Same(s, s.Press(KeyCode.Up).State);
    }

    [Fact]
    public void An_entry_given_up_with_esc_is_not_remembered()
    {
        var s = Type(Stack().Press('F').State, "nope").Press(KeyCode.Escape).State;
        Assert.False(s.PromptHistory.ContainsKey(PromptKind.ListFilter));
        Assert.Same(s.Press('F').State.Overlay is Overlay.Prompt p ? p.History : null, Tui.Terminal.Widgets.InputHistory.Empty);
    }

    [Fact]
    public void Typing_stops_at_the_prompt_length_limit()
    {
        var s = Type(Stack().Press('/').State, new string('a', Reducer.MaxPromptLength + 5));
        Assert.Equal(Reducer.MaxPromptLength, PromptOf(s).Text.Length);
    }
}
