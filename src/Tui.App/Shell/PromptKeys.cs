using Tui.App.Keys;
using Tui.Terminal.Input;
using Tui.Terminal.Widgets;

namespace Tui.App.Shell;

/// <summary>
/// The editing keys of the monitor's one-line inputs (prompts and the palette's query), as readline has them:
/// the terminal layer's table (TextInputState.CommandFor), reached from the shell's chords.
/// </summary>
public static class PromptKeys
{
    /// <summary>The editing command of a chord: the terminal layer's readline table, read with the chord as a key event.</summary>
    public static TextEditCommand? CommandFor(KeyChord key) =>
        AsKeyEvent(key) is { } terminalKey ? TextInputState.CommandFor(terminalKey) : null;

    /// <summary>The chord as the terminal layer's key, for the keys that can edit (characters, arrows, home/end, deletes).</summary>
    private static KeyEvent? AsKeyEvent(KeyChord key)
    {
        var modifiers = (Tui.Terminal.Input.KeyModifiers)(byte)key.Modifiers; // the same flags in both layers
        Key? terminalKey = key.Code switch
        {
            KeyCode.Char => Key.Char,
            KeyCode.Left => Key.Left,
            KeyCode.Right => Key.Right,
            KeyCode.Home => Key.Home,
            KeyCode.End => Key.End,
            KeyCode.Backspace => Key.Backspace,
            KeyCode.Delete => Key.Delete,
            _ => null,
        };
        return terminalKey switch
        {
            null => null,
            Key.Char => KeyEvent.Char(key.Char.ToString(), modifiers),
            { } other => new KeyEvent(other, modifiers),
        };
    }

    /// <summary>
    /// The edit a key makes: an editing command, or a typed character inserted (up to <paramref name="maxLength"/>);
    /// null for keys that are not editing (Enter, Esc, arrows up and down), which the caller handles.
    /// </summary>
    public static TextEdit? Edit(TextEdit edit, KeyChord key, int maxLength)
    {
        if (CommandFor(key) is { } command) return edit.Apply(command);
        return key.IsPlainChar ? edit.Insert(key.Char.ToString(), maxLength) : null;
    }
}
