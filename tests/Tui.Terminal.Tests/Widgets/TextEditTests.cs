using Tui.Terminal.Input;
using Tui.Terminal.Widgets;

namespace Tui.Terminal.Tests.Widgets;

public class TextEditTests
{
    /// <summary>The text with a | where the cursor is, so an expectation reads as the field looks.</summary>
    private static string Show(TextEdit edit) => edit.Text.Insert(edit.Cursor, "|");

    private static TextEdit At(string textWithBar) => new(textWithBar.Replace("|", ""), textWithBar.IndexOf('|'));

    [Theory]
    [InlineData("grep err|or now", TextEditCommand.WordLeft, "grep |error now")]
    [InlineData("grep |error now", TextEditCommand.WordLeft, "|grep error now")]
    [InlineData("grep err|or now", TextEditCommand.WordRight, "grep error| now")]
    [InlineData("grep error| now", TextEditCommand.WordRight, "grep error now|")]
    [InlineData("a--since=1h|", TextEditCommand.WordLeft, "a--since=|1h")]
    [InlineData("ab|c", TextEditCommand.Home, "|abc")]
    [InlineData("ab|c", TextEditCommand.End, "abc|")]
    [InlineData("ab|c", TextEditCommand.Left, "a|bc")]
    [InlineData("ab|c", TextEditCommand.Right, "abc|")]
    [InlineData("abc|", TextEditCommand.Right, "abc|")]
    [InlineData("ab|c", TextEditCommand.Backspace, "a|c")]
    [InlineData("ab|c", TextEditCommand.Delete, "ab|")]
    [InlineData("x --since=1h|", TextEditCommand.DeleteWordBefore, "x |")]
    [InlineData("x --since=1h|", TextEditCommand.DeleteWordLeft, "x --since=|")]
    [InlineData("x |--since=1h", TextEditCommand.DeleteWordRight, "x |=1h")]
    [InlineData("grep er|ror", TextEditCommand.DeleteToStart, "|ror")]
    [InlineData("grep er|ror", TextEditCommand.DeleteToEnd, "grep er|")]
    public void Each_command_moves_or_deletes_as_readline_does(string before, TextEditCommand command, string after)
    {
        Assert.Equal(after, Show(At(before).Apply(command)));
    }

    [Fact]
    public void An_edit_that_changes_nothing_returns_the_same_value()
    {
        var edit = At("|abc");
        Assert.Same(edit, edit.Apply(TextEditCommand.Left));
        Assert.Same(edit, edit.Apply(TextEditCommand.Backspace));
        Assert.Same(edit, edit.Insert("\n"));
    }

    [Fact]
    public void Insert_goes_in_at_the_cursor_drops_controls_and_stops_at_the_limit()
    {
        Assert.Equal("ab12|c", Show(At("ab|c").Insert("1\n2\t")));
        Assert.Equal("abx|c", Show(At("ab|c").Insert("xyz", maxLength: 4)));
    }

    [Fact]
    public void The_cursor_never_splits_a_combined_or_wide_character()
    {
        var edit = new TextEdit("e\u0301日", 1);
        Assert.Equal(0, edit.Cursor);
        edit = edit.Apply(TextEditCommand.Right);
        Assert.Equal(2, edit.Cursor);
        Assert.Equal("日", edit.Apply(TextEditCommand.Backspace).Text);
    }

    [Theory]
    [InlineData('b', KeyModifiers.Alt, TextEditCommand.WordLeft)]
    [InlineData('f', KeyModifiers.Alt, TextEditCommand.WordRight)]
    [InlineData('a', KeyModifiers.Ctrl, TextEditCommand.Home)]
    [InlineData('e', KeyModifiers.Ctrl, TextEditCommand.End)]
    [InlineData('w', KeyModifiers.Ctrl, TextEditCommand.DeleteWordBefore)]
    [InlineData('u', KeyModifiers.Ctrl, TextEditCommand.DeleteToStart)]
    [InlineData('k', KeyModifiers.Ctrl, TextEditCommand.DeleteToEnd)]
    public void Readline_keys_name_their_command(char c, KeyModifiers modifiers, TextEditCommand command)
    {
        Assert.Equal(command, TextInputState.CommandFor(KeyEvent.Char(c, modifiers)));
    }

    [Fact]
    public void Ctrl_arrows_move_by_word_and_plain_text_is_no_command()
    {
        Assert.Equal(TextEditCommand.WordLeft, TextInputState.CommandFor(new KeyEvent(Key.Left, KeyModifiers.Ctrl)));
        Assert.Equal(TextEditCommand.WordRight, TextInputState.CommandFor(new KeyEvent(Key.Right, KeyModifiers.Ctrl)));
        Assert.Null(TextInputState.CommandFor(KeyEvent.Char('w')));
        Assert.Null(TextInputState.CommandFor(new KeyEvent(Key.Enter)));
    }
}
