namespace Tui.App.Keys;

/// <summary>
/// A key as the bytes a terminal sends for it (xterm's encoding), for input mode on a pty child: what the program
/// would read if it ran in a terminal of its own.
/// </summary>
public static class TerminalKeys
{
    /// <summary>The bytes for <paramref name="key"/>, or null for a key no terminal sends (shift+F13...).</summary>
    public static string? Encode(KeyChord key)
    {
        var alt = (key.Modifiers & KeyModifiers.Alt) != 0;
        var text = key.Code == KeyCode.Char ? Character(key) : Special(key);
        // Alt (meta) is ESC before the key, as xterm sends it with metaSendsEscape.
        return text is null ? null : alt && key.Code is KeyCode.Char or KeyCode.Enter or KeyCode.Backspace or KeyCode.Escape or KeyCode.Tab ? "\x1b" + text : text;
    }

    private static string? Character(KeyChord key)
    {
        if ((key.Modifiers & KeyModifiers.Ctrl) == 0) return key.Char.ToString();
        var c = key.Char.Value;
        return c switch
        {
            >= 'a' and <= 'z' => ((char)(c - 'a' + 1)).ToString(),
            ' ' or '@' or '2' => "\0",
            >= '[' and <= '_' => ((char)(c - '@')).ToString(), // ctrl+[ \ ] ^ _
            '?' => "\x7f",
            _ => key.Char.ToString(),
        };
    }

    private static string? Special(KeyChord key)
    {
        // xterm's modifier parameter: 1 + shift + 2·alt + 4·ctrl, sent only when some modifier is held.
        var m = 1 + ((key.Modifiers & KeyModifiers.Shift) != 0 ? 1 : 0) + ((key.Modifiers & KeyModifiers.Alt) != 0 ? 2 : 0)
            + ((key.Modifiers & KeyModifiers.Ctrl) != 0 ? 4 : 0);
        string Cursor(char final) => m == 1 ? $"\x1b[{final}" : $"\x1b[1;{m}{final}";
        string Tilde(int code) => m == 1 ? $"\x1b[{code}~" : $"\x1b[{code};{m}~";
        string Function(char final) => m == 1 ? $"\x1bO{final}" : $"\x1b[1;{m}{final}";
        return key.Code switch
        {
            KeyCode.Enter => "\r",
            KeyCode.Tab => "\t",
            KeyCode.BackTab => "\x1b[Z",
            KeyCode.Escape => "\x1b",
            KeyCode.Backspace => "\x7f",
            KeyCode.Up => Cursor('A'),
            KeyCode.Down => Cursor('B'),
            KeyCode.Right => Cursor('C'),
            KeyCode.Left => Cursor('D'),
            KeyCode.Home => Cursor('H'),
            KeyCode.End => Cursor('F'),
            KeyCode.Insert => Tilde(2),
            KeyCode.Delete => Tilde(3),
            KeyCode.PageUp => Tilde(5),
            KeyCode.PageDown => Tilde(6),
            KeyCode.F1 => Function('P'),
            KeyCode.F2 => Function('Q'),
            KeyCode.F3 => Function('R'),
            KeyCode.F4 => Function('S'),
            KeyCode.F5 => Tilde(15),
            KeyCode.F6 => Tilde(17),
            KeyCode.F7 => Tilde(18),
            KeyCode.F8 => Tilde(19),
            KeyCode.F9 => Tilde(20),
            KeyCode.F10 => Tilde(21),
            KeyCode.F11 => Tilde(23),
            KeyCode.F12 => Tilde(24),
            _ => null,
        };
    }
}
