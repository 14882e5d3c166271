using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Tui.App.Keys;

/// <summary>
/// The text form of a key, as written in the config's [keys] table: an optional chain of modifiers
/// ("ctrl+", "alt+", "shift+") and a key: one character ("x", "?", "\\"), a name ("enter", "esc", "tab",
/// "space", "up", "pgdn", ...) or a function key ("F1".."F12"). Names are case-insensitive; single characters are not.
/// </summary>
public static class KeyText
{
    private static readonly (string Name, KeyCode Code)[] Names =
    [
        ("enter", KeyCode.Enter), ("return", KeyCode.Enter), ("tab", KeyCode.Tab), ("backtab", KeyCode.BackTab),
        ("esc", KeyCode.Escape), ("escape", KeyCode.Escape), ("backspace", KeyCode.Backspace), ("delete", KeyCode.Delete),
        ("del", KeyCode.Delete), ("insert", KeyCode.Insert), ("ins", KeyCode.Insert), ("up", KeyCode.Up), ("down", KeyCode.Down),
        ("left", KeyCode.Left), ("right", KeyCode.Right), ("home", KeyCode.Home), ("end", KeyCode.End),
        ("pgup", KeyCode.PageUp), ("pageup", KeyCode.PageUp), ("pgdn", KeyCode.PageDown), ("pagedown", KeyCode.PageDown),
    ];

    /// <summary>The display form of each named key (the first of its spellings above).</summary>
    private static string NameOf(KeyCode code) => code switch
    {
        >= KeyCode.F1 and <= KeyCode.F12 => "F" + (code - KeyCode.F1 + 1),
        KeyCode.Escape => "esc",
        _ => Names.First(n => n.Code == code).Name,
    };

    public static bool TryParse(string text, [NotNullWhen(true)] out KeyChord? chord)
    {
        chord = null;
        if (string.IsNullOrEmpty(text)) return false;
        var modifiers = KeyModifiers.None;
        var rest = text;
        // A lone "+" or a key ending in "++" is the plus key itself, so only strip prefixes that leave something behind.
        while (true)
        {
            var plus = rest.IndexOf('+');
            if (plus <= 0 || plus == rest.Length - 1) break;
            var modifier = rest[..plus].ToLowerInvariant() switch
            {
                "ctrl" or "control" or "c" => KeyModifiers.Ctrl,
                "alt" or "meta" or "m" => KeyModifiers.Alt,
                "shift" or "s" => KeyModifiers.Shift,
                _ => (KeyModifiers?)null,
            };
            if (modifier is null) return false;
            modifiers |= modifier.Value;
            rest = rest[(plus + 1)..];
        }

        if (rest.Length == 1 || (rest.Length == 2 && char.IsSurrogatePair(rest[0], rest[1])))
        {
            var rune = Rune.GetRuneAt(rest, 0);
            if (Rune.IsControl(rune)) return false;
            // ctrl+R and ctrl+r are the same key on a terminal: control codes have no case.
            if ((modifiers & KeyModifiers.Ctrl) != 0) rune = Rune.ToLowerInvariant(rune);
            // shift+x is written X: fold it so both spellings bind the same key.
            if ((modifiers & KeyModifiers.Shift) != 0 && Rune.IsLetter(rune))
            {
                rune = Rune.ToUpperInvariant(rune);
                modifiers &= ~KeyModifiers.Shift;
            }
            chord = new KeyChord(KeyCode.Char, rune, modifiers);
            return true;
        }

        var lower = rest.ToLowerInvariant();
        if (lower == "space")
        {
            chord = new KeyChord(KeyCode.Char, new Rune(' '), modifiers);
            return true;
        }
        if (lower.Length is 2 or 3 && lower[0] == 'f' && int.TryParse(lower.AsSpan(1), out var n) && n is >= 1 and <= 12)
        {
            chord = new KeyChord(KeyCode.F1 + (n - 1), default, modifiers);
            return true;
        }
        foreach (var (name, code) in Names)
        {
            if (name != lower) continue;
            if (code == KeyCode.Tab && (modifiers & KeyModifiers.Shift) != 0)
            {
                // Terminals send shift+tab as its own sequence (CSI Z).
                chord = new KeyChord(KeyCode.BackTab, default, modifiers & ~KeyModifiers.Shift);
                return true;
            }
            chord = new KeyChord(code, default, modifiers);
            return true;
        }
        return false;
    }

    public static string Format(KeyChord chord)
    {
        var sb = new StringBuilder();
        if ((chord.Modifiers & KeyModifiers.Ctrl) != 0) sb.Append("ctrl+");
        if ((chord.Modifiers & KeyModifiers.Alt) != 0) sb.Append("alt+");
        if ((chord.Modifiers & KeyModifiers.Shift) != 0) sb.Append("shift+");
        if (chord.Code == KeyCode.Char)
            sb.Append(chord.Char.Value == ' ' ? "space" : chord.Char.ToString());
        else
            sb.Append(NameOf(chord.Code));
        return sb.ToString();
    }
}
