using Tui.Terminal.Drawing;

namespace Tui.Terminal.Tests.Drawing;

public class TextWidthTests
{
    [Theory]
    [InlineData("hello", 5)]
    [InlineData("", 0)]
    [InlineData("日本語", 6)]
    [InlineData("한국어", 6)]
    [InlineData("ｆｕｌｌ", 8)]
    [InlineData("e\u0301", 1)]
    [InlineData("🚀", 2)]
    [InlineData("👍🏽", 2)]
    [InlineData("👨‍👩‍👧", 2)]
    [InlineData("🇫🇷", 2)]
    [InlineData("❤\uFE0F", 2)]
    [InlineData("▁▂▃█", 4)]
    [InlineData("─│┌", 3)]
    [InlineData("a\u200Bb", 2)]
    [InlineData("\u001b\u0007", 0)]
    public void Width_counts_terminal_cells(string text, int expected) => Assert.Equal(expected, TextWidth.Of(text));

    [Theory]
    [InlineData("hello world", 8, "hello w…")]
    [InlineData("hello", 5, "hello")]
    [InlineData("日本語", 4, "日…")]
    [InlineData("日本語", 5, "日本…")]
    [InlineData("abc", 1, "…")]
    [InlineData("abc", 0, "")]
    public void Truncate_cuts_at_a_cell_boundary_with_an_ellipsis(string text, int width, string expected)
    {
        string result = TextWidth.Truncate(text, width);
        Assert.Equal(expected, result);
        Assert.True(TextWidth.Of(result) <= width);
    }
}
