using Tui.Terminal.Drawing;
using Tui.Terminal.Widgets;

namespace Tui.Terminal.Tests.Widgets;

public class ParagraphTests
{
    [Fact]
    public void Lines_are_drawn_aligned_and_cut_with_an_ellipsis()
    {
        var buffer = Screens.Filled(8, 3);
        new Paragraph(new Line("left"), new Line("right") { Alignment = Alignment.Right }, new Line("much too long"))
            .Render(buffer.Area, buffer);
        Assert.Equal(["leftxxxx", "xxxright", "much to…"], buffer.ToLines());
    }

    [Fact]
    public void Wrapping_breaks_at_spaces_and_cuts_words_longer_than_a_row()
    {
        var buffer = Screens.Filled(8, 5);
        new Paragraph(new Line("the quick brown fox"), new Line("abcdefghij")) { Wrap = true }.Render(buffer.Area, buffer);
        Assert.Equal(["thexxxxx", "quickxxx", "brownxxx", "foxxxxxx", "abcdefgh"], buffer.ToLines());
    }

    [Fact]
    public void Styled_spans_keep_their_styles_when_wrapped()
    {
        var line = new Line(new Span("aaaa ", new Style().Fg(Color.Red)), new Span("bbbb", new Style().Fg(Color.Blue)));
        var rows = LineWrapper.Wrap(line, 6, words: true);
        Assert.Equal(["aaaa", "bbbb"], rows.Select(r => r.PlainText));
        Assert.Equal(Color.Red, rows[0].Spans[0].Style.Foreground);
        Assert.Equal(Color.Blue, rows[1].Spans[0].Style.Foreground);
    }

    [Fact]
    public void Character_wrapping_never_splits_a_wide_character()
    {
        var rows = LineWrapper.Wrap(new Line("ab日本語"), 3);
        Assert.Equal(["ab", "日", "本", "語"], rows.Select(r => r.PlainText));
    }
}
