using System.Text;

namespace Tui.App.Keys;

/// <summary>Keys that are not text.</summary>
public enum KeyCode
{
    /// <summary>A printable character; see <see cref="KeyChord.Char"/>.</summary>
    Char,
    Enter, Tab, BackTab, Escape, Backspace, Delete, Insert,
    Up, Down, Left, Right, Home, End, PageUp, PageDown,
    F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12,
}

[Flags]
public enum KeyModifiers { None = 0, Shift = 1, Alt = 2, Ctrl = 4 }

/// <summary>
/// One key press as the shell understands it, independent of how the terminal encoded it.
/// A printable key carries its character already shifted ('X', not shift+x), so shift is only
/// kept for keys that have no shifted character (shift+tab arrives as <see cref="KeyCode.BackTab"/>).
/// </summary>
public readonly record struct KeyChord(KeyCode Code, Rune Char, KeyModifiers Modifiers = KeyModifiers.None)
{
    public static KeyChord Of(char c, KeyModifiers modifiers = KeyModifiers.None) => new(KeyCode.Char, new Rune(c), modifiers);
    public static KeyChord Of(KeyCode code, KeyModifiers modifiers = KeyModifiers.None) => new(code, default, modifiers);

    public bool IsPlainChar => Code == KeyCode.Char && (Modifiers & (KeyModifiers.Ctrl | KeyModifiers.Alt)) == 0;

    /// <summary>The text form used in config files and the help overlay: "x", "ctrl+r", "F5", "pgup", "space".</summary>
    public override string ToString() => KeyText.Format(this);
}
