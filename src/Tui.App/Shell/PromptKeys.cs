using Tui.App.Keys;
using Tui.Terminal.Widgets;

namespace Tui.App.Shell;

/// <summary>
/// The editing keys of the monitor's one-line inputs (prompts and the palette's query), as readline has them:
/// the shell's own form of the terminal layer's TextInputState.Handle, which reads its key events instead of chords.
/// </summary>
public static class PromptKeys
{
    public static TextEditCommand? CommandFor(KeyChord key)
    {
        bool ctrl = (key.Modifiers & KeyModifiers.Ctrl) != 0, alt = (key.Modifiers & KeyModifiers.Alt) != 0;
        return key.Code switch
        {
            KeyCode.Char when ctrl => key.Char.Value switch
            {
                'a' => TextEditCommand.Home,
                'e' => TextEditCommand.End,
                'b' => TextEditCommand.Left,
                'f' => TextEditCommand.Right,
                'u' => TextEditCommand.DeleteToStart,
                'k' => TextEditCommand.DeleteToEnd,
                'w' => TextEditCommand.DeleteWordBefore,
                'd' => TextEditCommand.Delete,
                'h' => TextEditCommand.Backspace,
                _ => null,
            },
            KeyCode.Char when alt => key.Char.Value switch
            {
                'b' => TextEditCommand.WordLeft,
                'f' => TextEditCommand.WordRight,
                'd' => TextEditCommand.DeleteWordRight,
                _ => null,
            },
            KeyCode.Left => ctrl || alt ? TextEditCommand.WordLeft : TextEditCommand.Left,
            KeyCode.Right => ctrl || alt ? TextEditCommand.WordRight : TextEditCommand.Right,
            KeyCode.Home => TextEditCommand.Home,
            KeyCode.End => TextEditCommand.End,
            KeyCode.Backspace => ctrl || alt ? TextEditCommand.DeleteWordLeft : TextEditCommand.Backspace,
            KeyCode.Delete => TextEditCommand.Delete,
            _ => null,
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
