using Tui.Terminal.Drawing;

namespace Tui.Terminal.Tests.Drawing;

public class CellBufferTests
{
    private static CellBuffer Filled(int width, int height)
    {
        var buffer = new CellBuffer(width, height);
        buffer.Fill(buffer.Area, "x", Style.Default);
        return buffer;
    }

    [Fact]
    public void SetString_writes_text_and_returns_the_cells_used()
    {
        var buffer = Filled(8, 1);
        int used = buffer.SetString(1, 0, "abc", Style.Default);
        Assert.Equal(3, used);
        Assert.Equal(["xabcxxxx"], buffer.ToLines());
    }

    [Fact]
    public void SetString_stops_at_max_width_and_at_the_right_edge()
    {
        var buffer = Filled(6, 2);
        Assert.Equal(2, buffer.SetString(0, 0, "abcdef", Style.Default, maxWidth: 2));
        Assert.Equal(3, buffer.SetString(3, 1, "abcdef", Style.Default));
        Assert.Equal(["abxxxx", "xxxabc"], buffer.ToLines());
    }

    [Fact]
    public void Wide_characters_take_two_cells_and_are_never_split()
    {
        var buffer = Filled(5, 2);
        Assert.Equal(4, buffer.SetString(0, 0, "日本語", Style.Default));
        Assert.Equal("日", buffer[0, 0].Symbol);
        Assert.True(buffer[1, 0].IsContinuation);
        Assert.Equal(4, buffer.SetString(0, 1, "日本語", Style.Default, maxWidth: 5));
        Assert.Equal(["日本x", "日本x"], buffer.ToLines());
    }

    [Fact]
    public void Combining_marks_take_no_cell_and_stay_with_their_letter()
    {
        var buffer = Filled(4, 1);
        Assert.Equal(3, buffer.SetString(0, 0, "e\u0301te", Style.Default));
        Assert.Equal("e\u0301", buffer[0, 0].Symbol);
        Assert.Equal(["e\u0301tex"], buffer.ToLines());
    }

    [Fact]
    public void Emoji_are_two_cells_wide()
    {
        var buffer = Filled(6, 1);
        Assert.Equal(5, buffer.SetString(0, 0, "🚀a❤\uFE0F", Style.Default));
        Assert.Equal(["🚀a❤\uFE0Fx"], buffer.ToLines());
    }

    [Fact]
    public void Ellipsis_cuts_at_a_cell_boundary_never_inside_a_wide_character()
    {
        var buffer = Filled(6, 3);
        buffer.SetString(0, 0, "abcdefgh", Style.Default, maxWidth: 5, overflow: Overflow.Ellipsis);
        buffer.SetString(0, 1, "日本語です", Style.Default, maxWidth: 6, overflow: Overflow.Ellipsis);
        buffer.SetString(0, 2, "abcde", Style.Default, maxWidth: 5, overflow: Overflow.Ellipsis);
        Assert.Equal(["abcd…x", "日本…x", "abcdex"], buffer.ToLines());
    }

    [Fact]
    public void Control_characters_never_reach_a_cell()
    {
        var buffer = Filled(6, 1);
        buffer.SetString(0, 0, "a\u001b[2Jb\r\n", Style.Default);
        Assert.Equal(["a[2Jbx"], buffer.ToLines());
    }

    [Fact]
    public void Overwriting_half_of_a_wide_character_blanks_the_other_half()
    {
        var buffer = Filled(4, 2);
        buffer.SetString(0, 0, "日本", Style.Default);
        buffer.SetString(1, 0, "a", Style.Default);
        buffer.SetString(0, 1, "日本", Style.Default);
        buffer.SetString(2, 1, "b", Style.Default);
        Assert.Equal([" a本", "日b "], buffer.ToLines());
    }

    [Fact]
    public void Styles_are_laid_over_what_the_cell_has()
    {
        var buffer = new CellBuffer(3, 1);
        buffer.SetString(0, 0, "abc", new Style().Fg(Color.Red).Bold());
        buffer.SetStyle(new Rect(1, 0, 2, 1), new Style().Bg(Color.Blue).Remove(Modifiers.Bold));
        Assert.Equal(new Cell("a", Color.Red, Color.Default, Modifiers.Bold), buffer[0, 0]);
        Assert.Equal(new Cell("b", Color.Red, Color.Blue, Modifiers.None), buffer[1, 0]);
    }

    [Fact]
    public void SetLine_draws_spans_in_their_styles_and_ends_in_an_ellipsis_when_cut()
    {
        var buffer = Filled(7, 1);
        var line = new Line(new Span("ab", new Style().Fg(Color.Green)), new Span("cdefgh", new Style().Fg(Color.Red)));
        Assert.Equal(5, buffer.SetLine(1, 0, line, maxWidth: 5, overflow: Overflow.Ellipsis));
        Assert.Equal(["xabcd…x"], buffer.ToLines());
        Assert.Equal(Color.Green, buffer[2, 0].Foreground);
        Assert.Equal(Color.Red, buffer[3, 0].Foreground);
        Assert.Equal(Color.Red, buffer[5, 0].Foreground);
    }

    [Fact]
    public void Drawing_outside_the_buffer_is_clipped()
    {
        var buffer = Filled(3, 1);
        Assert.Equal(0, buffer.SetString(0, 5, "abc", Style.Default));
        buffer.Fill(new Rect(2, -1, 10, 10), "o", Style.Default);
        Assert.Equal(["xxo"], buffer.ToLines());
    }

    [Fact]
    public void FromLines_and_ToLines_round_trip()
    {
        string[] lines = ["┌─日─┐", "│ab  │", "└────┘"];
        Assert.Equal(lines, CellBuffer.FromLines(lines).ToLines());
        Assert.Equal(6, CellBuffer.FromLines(lines).Width);
    }
}
