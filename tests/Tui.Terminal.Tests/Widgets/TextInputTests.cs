using Tui.Terminal.Drawing;
using Tui.Terminal.Input;
using Tui.Terminal.Widgets;

namespace Tui.Terminal.Tests.Widgets;

public class TextInputTests
{
    private static TextInputState Typed(string text)
    {
        var state = new TextInputState();
        foreach (char c in text) state.Handle(KeyEvent.Char(c));
        return state;
    }

    [Fact]
    public void Typing_inserts_at_the_cursor_and_editing_keys_move_and_delete()
    {
        var state = Typed("helo");
        state.Handle(new KeyEvent(Key.Left));
        state.Handle(KeyEvent.Char('l'));
        Assert.Equal("hello", state.Text);
        state.Handle(new KeyEvent(Key.Home));
        state.Handle(new KeyEvent(Key.Delete));
        state.Handle(new KeyEvent(Key.End));
        state.Handle(new KeyEvent(Key.Backspace));
        Assert.Equal("ell", state.Text);
        Assert.Equal(3, state.Cursor);
    }

    [Fact]
    public void Readline_keys_delete_words_and_line_parts()
    {
        var state = Typed("grep error now");
        state.Handle(KeyEvent.Char('w', KeyModifiers.Ctrl));
        Assert.Equal("grep error ", state.Text);
        state.Handle(new KeyEvent(Key.Left, KeyModifiers.Ctrl));
        state.Handle(KeyEvent.Char('k', KeyModifiers.Ctrl));
        Assert.Equal("grep ", state.Text);
        state.Handle(KeyEvent.Char('u', KeyModifiers.Ctrl));
        Assert.Equal("", state.Text);
        Assert.False(state.Handle(new KeyEvent(Key.Enter)));
    }

    [Fact]
    public void Backspace_removes_a_whole_wide_or_combined_character()
    {
        var state = Typed("a");
        state.Insert("日e\u0301");
        state.Handle(new KeyEvent(Key.Backspace));
        Assert.Equal("a日", state.Text);
        state.Handle(new KeyEvent(Key.Backspace));
        Assert.Equal("a", state.Text);
    }

    [Fact]
    public void Field_shows_prompt_text_and_a_reverse_video_cursor_and_scrolls_to_keep_it_visible()
    {
        var buffer = Screens.Filled(8, 1);
        var state = Typed("abc");
        new TextInput { Prompt = "/" }.Render(buffer.Area, buffer, state);
        Assert.Equal(["/abc    "], buffer.ToLines());
        Assert.True(buffer[4, 0].Modifiers.HasFlag(Modifiers.Reverse));

        state.Insert("defghij");
        new TextInput { Prompt = "/" }.Render(buffer.Area, buffer, state);
        Assert.Equal(["/efghij "], buffer.ToLines());
        Assert.True(buffer[7, 0].Modifiers.HasFlag(Modifiers.Reverse));
    }

    [Fact]
    public void The_cursor_is_drawn_where_the_edit_has_it_not_only_at_the_end()
    {
        var buffer = Screens.Filled(10, 1);
        var state = new TextInputState(new TextEdit("grep err", 5));
        new TextInput { Prompt = "/" }.Render(buffer.Area, buffer, state);
        Assert.Equal(["/grep err "], buffer.ToLines());
        Assert.True(buffer[6, 0].Modifiers.HasFlag(Modifiers.Reverse));
        Assert.False(buffer[9, 0].Modifiers.HasFlag(Modifiers.Reverse));
    }

    [Fact]
    public void Alt_b_and_alt_f_move_by_word_through_the_state()
    {
        var state = Typed("tail api logs");
        state.Handle(KeyEvent.Char('b', KeyModifiers.Alt));
        state.Handle(KeyEvent.Char('b', KeyModifiers.Alt));
        Assert.Equal(5, state.Cursor);
        state.Handle(KeyEvent.Char('f', KeyModifiers.Alt));
        Assert.Equal(8, state.Cursor);
        Assert.Equal("tail api logs", state.Text);
    }
}
