using Tui.App.Keys;

namespace Tui.App.Tests.Keys;

/// <summary>Keys as the bytes xterm sends for them, for input mode on a pty.</summary>
public class TerminalKeysTests
{
    [Theory]
    [InlineData("a", "a")]
    [InlineData("X", "X")]
    [InlineData("enter", "\r")]
    [InlineData("tab", "\t")]
    [InlineData("backtab", "\x1b[Z")]
    [InlineData("backspace", "\x7f")]
    [InlineData("esc", "\x1b")]
    [InlineData("up", "\x1b[A")]
    [InlineData("down", "\x1b[B")]
    [InlineData("right", "\x1b[C")]
    [InlineData("left", "\x1b[D")]
    [InlineData("home", "\x1b[H")]
    [InlineData("end", "\x1b[F")]
    [InlineData("delete", "\x1b[3~")]
    [InlineData("pgup", "\x1b[5~")]
    [InlineData("pgdn", "\x1b[6~")]
    [InlineData("F1", "\x1bOP")]
    [InlineData("F5", "\x1b[15~")]
    [InlineData("F12", "\x1b[24~")]
    [InlineData("ctrl+a", "\x01")]
    [InlineData("ctrl+c", "\x03")]
    [InlineData("ctrl+d", "\x04")]
    [InlineData("ctrl+z", "\x1a")]
    [InlineData("ctrl+space", "\0")]
    [InlineData("alt+b", "\x1b" + "b")]
    [InlineData("ctrl+up", "\x1b[1;5A")]
    [InlineData("shift+right", "\x1b[1;2C")]
    [InlineData("alt+delete", "\x1b[3;3~")]
    public void A_key_becomes_the_bytes_a_terminal_sends(string key, string bytes)
    {
        Assert.True(KeyText.TryParse(key, out var chord), key);
        Assert.Equal(bytes, TerminalKeys.Encode(chord!.Value));
    }

    [Fact]
    public void A_character_outside_ascii_is_itself()
    {
        Assert.Equal("ü", TerminalKeys.Encode(KeyChord.Of('ü')));
        Assert.Equal("\x1d", TerminalKeys.Encode(KeyChord.Of(']', KeyModifiers.Ctrl)));
    }
}
