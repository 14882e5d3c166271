using Tui.Terminal.Input;

namespace Tui.Terminal.Widgets;

/// <summary>
/// The text and cursor of a one-line input (a <see cref="TextEdit"/>), edited with the usual keys: arrows,
/// Home/End, Backspace, Delete, Ctrl+Left/Right and Alt+B/F by word, and the readline keys Ctrl+A/E/U/K/W/D
/// and Alt+D, Alt+Backspace. For a caller whose state is mutable; an immutable one holds the <see cref="TextEdit"/>.
/// </summary>
public sealed class TextInputState
{
    public TextInputState()
    {
    }

    public TextInputState(TextEdit edit) => Edit = edit;

    public TextEdit Edit { get; set; } = TextEdit.Empty;

    /// <summary>Setting the text puts the cursor at its end.</summary>
    public string Text
    {
        get => Edit.Text;
        set => Edit = new TextEdit(value);
    }

    public int Cursor => Edit.Cursor;

    /// <summary>Columns of text scrolled off the left, kept so the cursor stays visible.</summary>
    public int ScrollColumns { get; internal set; }

    public void Clear() => Edit = TextEdit.Empty;

    /// <summary>Inserts text at the cursor (typing or a paste); line breaks and controls become nothing.</summary>
    public void Insert(string text) => Edit = Edit.Insert(text);

    /// <summary>Applies an editing key. Returns false for keys it does not use (Enter, Esc, Tab...), which the caller handles.</summary>
    public bool Handle(KeyEvent key)
    {
        if (CommandFor(key) is { } command)
        {
            Edit = Edit.Apply(command);
            return true;
        }
        if (key.Key != Key.Char || (key.Modifiers & (KeyModifiers.Ctrl | KeyModifiers.Alt)) != 0) return false;
        Insert(key.Text);
        return true;
    }

    /// <summary>
    /// The editing command a key stands for (readline's keys), or null for text and for keys that are not editing.
    /// The one table of them: the monitor's prompts read it too.
    /// </summary>
    public static TextEditCommand? CommandFor(KeyEvent key)
    {
        bool ctrl = key.Modifiers.HasFlag(KeyModifiers.Ctrl), alt = key.Modifiers.HasFlag(KeyModifiers.Alt);
        return key.Key switch
        {
            Key.Char when ctrl => key.Text switch
            {
                "a" => TextEditCommand.Home,
                "e" => TextEditCommand.End,
                "b" => TextEditCommand.Left,
                "f" => TextEditCommand.Right,
                "u" => TextEditCommand.DeleteToStart,
                "k" => TextEditCommand.DeleteToEnd,
                "w" => TextEditCommand.DeleteWordBefore,
                "d" => TextEditCommand.Delete,
                "h" => TextEditCommand.Backspace,
                _ => null,
            },
            Key.Char when alt => key.Text switch
            {
                "b" => TextEditCommand.WordLeft,
                "f" => TextEditCommand.WordRight,
                "d" => TextEditCommand.DeleteWordRight,
                _ => null,
            },
            Key.Left => ctrl || alt ? TextEditCommand.WordLeft : TextEditCommand.Left,
            Key.Right => ctrl || alt ? TextEditCommand.WordRight : TextEditCommand.Right,
            Key.Home => TextEditCommand.Home,
            Key.End => TextEditCommand.End,
            Key.Backspace => ctrl || alt ? TextEditCommand.DeleteWordLeft : TextEditCommand.Backspace,
            Key.Delete => TextEditCommand.Delete,
            _ => null,
        };
    }
}
