using System.Text;
using Tui.Terminal.Drawing;
using Tui.Terminal.Sanitizing;

namespace Tui.Terminal.Tests.Sanitizing;

public class AnsiSanitizerTests
{
    [Fact]
    public void Sgr_colours_become_span_styles()
    {
        var line = AnsiSanitizer.Sanitize("\e[1;31mERROR\e[0m disk \e[38;5;214mfull\e[39m!");
        Assert.Equal("ERROR disk full!", line.PlainText);
        Assert.Equal(
        [
            new Span("ERROR", new Style().Fg(Color.Red).Bold()),
            new Span(" disk ", Style.Default),
            new Span("full", new Style().Fg(Color.FromIndex(214))),
            new Span("!", Style.Default),
        ], line.Spans);
    }

    [Theory]
    [InlineData("\e[38;2;10;20;30mX")]
    [InlineData("\e[38:2::10:20:30mX")]
    [InlineData("\e[38:2:10:20:30mX")]
    public void Truecolor_in_both_the_semicolon_and_the_colon_forms(string text)
    {
        var line = AnsiSanitizer.Sanitize(text);
        Assert.Equal(Color.FromRgb(10, 20, 30), Assert.Single(line.Spans).Style.Foreground);
    }

    [Fact]
    public void Bright_background_and_attribute_resets_are_understood()
    {
        var line = AnsiSanitizer.Sanitize("\e[4;3;102ma\e[24;23;49mb");
        Assert.Equal(new Style().Bg(Color.BrightGreen).Add(Modifiers.Underline | Modifiers.Italic), line.Spans[0].Style);
        Assert.Equal(Style.Default, line.Spans[1].Style);
    }

    [Fact]
    public void The_style_carries_over_to_the_next_line_when_asked()
    {
        var style = Style.Default;
        AnsiSanitizer.Sanitize("\e[32mgreen starts", ref style);
        var next = AnsiSanitizer.Sanitize("still green", ref style);
        Assert.Equal(Color.Green, next.Spans[0].Style.Foreground);
    }

    /// <summary>Each entry: what a hostile child writes, and the only text that may reach the screen.</summary>
    public static TheoryData<string, string> Hostile => new()
    {
        { "\e[2J\e[Hcleared", "cleared" },
        { "a\e[10;10Hb\e[5Ac\e[3Dd", "abcd" },
        { "\e[?1049h\e[?25l\e[?1000h\e[?2004lmodes", "modes" },
        { "\e[6n\e[c\e[>c\e[21treports", "reports" },
        { "\e]0;evil title\atext", "text" },
        { "\e]2;evil title\e\\text", "text" },
        { "\e]52;c;ZXZpbA==\aclip", "clip" },
        { "\e]8;;https://evil.example\e\\link\e]8;;\e\\", "link" },
        { "\eP+q544e\e\\dcs", "dcs" },
        { "\e_apc payload\e\\\e^pm payload\e\\\eXsos payload\e\\strings", "strings" },
        { "bell\a\a and back\b\b\bspace", "bell and backspace" },
        { "\u009b2J\u009d0;title\u009cC1", "C1" },
        { "\u0090dcs\u009cx\u0085y", "xy" },
        { "\ec\e(0\e)B\e7\e8\e#8\eMesc", "esc" },
        { "\e[?31mprivate", "private" },
        { "\e[31", "" },
        { "unterminated\e]0;title", "unterminated" },
        { "x\e[9999999999999999999999mbig", "xbig" },
        { "rtl\u202Eevil\u202Doverride\u2066\u200F", "rtlevil" + "override" },
        { "lone \uD800 surrogate", "lone \uFFFD surrogate" },
        { "nul\0\u007Fdel", "nuldel" },
        { "progress 10%\rprogress 20%\rprogress 30%", "progress 30%" },
        { "crlf\r", "crlf" },
        { "\e[1m\e[31m\e[0m", "" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Only_text_and_colours_survive_a_hostile_line(string input, string visible)
    {
        var line = AnsiSanitizer.Sanitize(input);
        Assert.Equal(visible, line.PlainText);
        AssertInert(line);
    }

    [Fact]
    public void A_hostile_line_keeps_its_colours_but_nothing_else()
    {
        var line = AnsiSanitizer.Sanitize("\e]0;t\a\e[31mred\e[2J\e[1;1H\e[44mblue-bg\e[?1049h");
        Assert.Equal("redblue-bg", line.PlainText);
        Assert.Equal(new Style().Fg(Color.Red), line.Spans[0].Style);
        Assert.Equal(new Style().Fg(Color.Red).Bg(Color.Blue), line.Spans[1].Style);
    }

    [Fact]
    public void An_overlong_sequence_is_skipped_whole_and_the_text_after_it_survives()
    {
        var line = AnsiSanitizer.Sanitize("\e[" + new string('1', 100_000) + ";31mafter");
        Assert.Equal("after", line.PlainText);
        Assert.Equal(Style.Default, line.Spans[0].Style);
    }

    [Fact]
    public void Tabs_expand_to_the_next_multiple_of_eight_columns_counting_wide_characters()
    {
        Assert.Equal("a       b", AnsiSanitizer.Sanitize("a\tb").PlainText);
        Assert.Equal("日本    x", AnsiSanitizer.Sanitize("日本\tx").PlainText);
        Assert.Equal(8, TextWidth.Of(AnsiSanitizer.Sanitize("日本\t").PlainText));
        Assert.Equal(16, TextWidth.Of(AnsiSanitizer.Sanitize("\e[31mabcdefgh\e[0m\t").PlainText));
    }

    [Fact]
    public void Invalid_utf8_becomes_replacement_characters()
    {
        var style = Style.Default;
        var line = AnsiSanitizer.Sanitize([0x61, 0xFF, 0xC3, 0x28, 0xE2, 0x82, 0x62], ref style);
        Assert.Equal("a\uFFFD\uFFFD(\uFFFDb", line.PlainText);
        AssertInert(line);
    }

    [Fact]
    public void Plain_text_is_returned_without_copying()
    {
        const string text = "GET /health 200 0.4ms";
        Assert.True(AnsiSanitizer.IsPlain(text));
        Assert.Same(text, Assert.Single(AnsiSanitizer.Sanitize(text).Spans).Text);
    }

    [Fact]
    public void Random_bytes_never_crash_the_sanitiser_or_reach_the_screen_as_controls()
    {
        var random = new Random(7);
        byte[] alphabet = [0x1B, (byte)'[', (byte)']', (byte)';', (byte)'m', (byte)'P', (byte)'\\', 0x07, 0x9B, 0xC2, 0x9D, (byte)'3', (byte)'8', (byte)'a', 0x0D, 0x09, 0xE2, 0x80, 0xAE, 0xF0];
        for (int n = 0; n < 5000; n++)
        {
            var bytes = new byte[random.Next(1, 40)];
            for (int i = 0; i < bytes.Length; i++) bytes[i] = random.Next(4) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
            var style = Style.Default;
            AssertInert(AnsiSanitizer.Sanitize(bytes, ref style));
        }
    }

    private static void AssertInert(Line line)
    {
        foreach (char c in line.PlainText)
        {
            Assert.False(c < ' ' || c is >= '\u007F' and <= '\u009F', $"control U+{(int)c:X4} reached the screen in \"{line.PlainText}\"");
            Assert.False(c is '\u202E' or '\u202D' or '\u2066' or '\u200F', $"bidi control U+{(int)c:X4} reached the screen");
        }
        Assert.Equal(-1, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(line.PlainText)).IndexOf('\e'));
    }
}
