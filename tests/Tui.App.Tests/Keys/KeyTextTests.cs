using Tui.App.Keys;

namespace Tui.App.Tests.Keys;

public class KeyTextTests
{
    [Theory]
    [InlineData("x", KeyCode.Char, "x", KeyModifiers.None)]
    [InlineData("X", KeyCode.Char, "X", KeyModifiers.None)]
    [InlineData("shift+x", KeyCode.Char, "X", KeyModifiers.None)]
    [InlineData("ctrl+r", KeyCode.Char, "r", KeyModifiers.Ctrl)]
    [InlineData("Ctrl+R", KeyCode.Char, "r", KeyModifiers.Ctrl)]
    [InlineData("alt+ctrl+k", KeyCode.Char, "k", KeyModifiers.Ctrl | KeyModifiers.Alt)]
    [InlineData("+", KeyCode.Char, "+", KeyModifiers.None)]
    [InlineData("ctrl++", KeyCode.Char, "+", KeyModifiers.Ctrl)]
    [InlineData("\\", KeyCode.Char, "\\", KeyModifiers.None)]
    [InlineData("space", KeyCode.Char, " ", KeyModifiers.None)]
    [InlineData("F5", KeyCode.F5, "", KeyModifiers.None)]
    [InlineData("f12", KeyCode.F12, "", KeyModifiers.None)]
    [InlineData("PgUp", KeyCode.PageUp, "", KeyModifiers.None)]
    [InlineData("esc", KeyCode.Escape, "", KeyModifiers.None)]
    [InlineData("shift+tab", KeyCode.BackTab, "", KeyModifiers.None)]
    [InlineData("alt+enter", KeyCode.Enter, "", KeyModifiers.Alt)]
    public void Key_texts_parse(string text, KeyCode code, string ch, KeyModifiers modifiers)
    {
        Assert.True(KeyText.TryParse(text, out var chord));
        Assert.Equal(code, chord.Value.Code);
        Assert.Equal(modifiers, chord.Value.Modifiers);
        if (code == KeyCode.Char) Assert.Equal(ch, chord.Value.Char.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("F13")]
    [InlineData("hyper+x")]
    [InlineData("xy")]
    [InlineData("ctrl+")]
    [InlineData("\t")]
    public void Nonsense_is_refused(string text)
    {
        Assert.False(KeyText.TryParse(text, out _));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("ctrl+r")]
    [InlineData("F5")]
    [InlineData("pgup")]
    [InlineData("space")]
    [InlineData("backtab")]
    [InlineData("alt+shift+up")]
    public void Formatting_gives_back_the_text(string text)
    {
        Assert.True(KeyText.TryParse(text, out var chord));
        Assert.Equal(text, chord.Value.ToString());
    }
}
