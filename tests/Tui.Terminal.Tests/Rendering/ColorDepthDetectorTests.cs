using Tui.Terminal.Rendering;

namespace Tui.Terminal.Tests.Rendering;

public class ColorDepthDetectorTests
{
    [Theory]
    [InlineData("xterm-256color", "truecolor", null, ColorDepth.TrueColor)]
    [InlineData("xterm-256color", null, null, ColorDepth.Ansi256)]
    [InlineData("tmux-256color", "", null, ColorDepth.Ansi256)]
    [InlineData("linux", null, null, ColorDepth.Ansi16)]
    [InlineData("xterm", null, null, ColorDepth.Ansi16)]
    [InlineData("dumb", null, null, ColorDepth.Monochrome)]
    [InlineData(null, null, null, ColorDepth.Monochrome)]
    [InlineData("xterm-256color", "truecolor", "1", ColorDepth.Monochrome)]
    [InlineData("xterm-256color", "truecolor", "", ColorDepth.TrueColor)]
    public void Depth_follows_TERM_COLORTERM_and_NO_COLOR(string? term, string? colorTerm, string? noColor, ColorDepth expected)
    {
        var env = new Dictionary<string, string?> { ["TERM"] = term, ["COLORTERM"] = colorTerm, ["NO_COLOR"] = noColor };
        Assert.Equal(expected, ColorDepthDetector.Detect(name => env.GetValueOrDefault(name)));
    }

    [Fact]
    public void Rgb_is_matched_to_the_nearest_palette_colour()
    {
        Assert.Equal(196, ColorConverter.To256(255, 0, 0));
        Assert.Equal(244, ColorConverter.To256(128, 128, 128));
        Assert.Equal(16, ColorConverter.To256(0, 0, 0));
        Assert.Equal(9, ColorConverter.To16((250, 10, 10)));
        Assert.Equal(4, ColorConverter.To16((0, 0, 200)));
    }
}
