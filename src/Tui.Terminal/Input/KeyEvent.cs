using System.Text;

namespace Tui.Terminal.Input;

/// <summary>
/// A key press. For <see cref="Key.Char"/>, <see cref="Text"/> is the character typed (lower case
/// for Ctrl+letter, which terminals cannot tell apart from Ctrl+Shift+letter).
/// </summary>
public sealed record KeyEvent(Key Key, KeyModifiers Modifiers = KeyModifiers.None, string Text = "") : InputEvent
{
    public static KeyEvent Char(char c, KeyModifiers modifiers = KeyModifiers.None) => new(Key.Char, modifiers, c.ToString());

    public static KeyEvent Char(string text, KeyModifiers modifiers = KeyModifiers.None) => new(Key.Char, modifiers, text);

    public bool IsChar(char c) => Key == Key.Char && Modifiers is KeyModifiers.None or KeyModifiers.Shift && Text.Length == 1 && Text[0] == c;

    public bool IsCtrl(char c) => Key == Key.Char && Modifiers == KeyModifiers.Ctrl && Text.Length == 1 && char.ToLowerInvariant(Text[0]) == char.ToLowerInvariant(c);

    /// <summary>A readable name: "q", "Ctrl+C", "Alt+Shift+Up", "F5", "Space".</summary>
    public override string ToString()
    {
        var name = new StringBuilder();
        if (Modifiers.HasFlag(KeyModifiers.Ctrl)) name.Append("Ctrl+");
        if (Modifiers.HasFlag(KeyModifiers.Alt)) name.Append("Alt+");
        if (Modifiers.HasFlag(KeyModifiers.Shift)) name.Append("Shift+");
        if (Key != Key.Char) name.Append(Key);
        else if (Text == " ") name.Append("Space");
        else name.Append(Modifiers.HasFlag(KeyModifiers.Ctrl) ? Text.ToUpperInvariant() : Text);
        return name.ToString();
    }
}
