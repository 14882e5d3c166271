using Tui.Terminal.Drawing;
using Tui.Terminal.Input;

namespace Tui.Terminal.Widgets;

/// <summary>
/// The text and cursor of a one-line input, edited with the usual keys: arrows, Home/End, Backspace,
/// Delete, Ctrl+Left/Right by word, and the readline keys Ctrl+A/E/U/K/W. The cursor is a UTF-16 index
/// that always sits on a grapheme boundary, so editing never splits a character.
/// </summary>
public sealed class TextInputState
{
    private string _text = "";

    public string Text
    {
        get => _text;
        set
        {
            _text = value;
            Cursor = value.Length;
        }
    }

    public int Cursor { get; private set; }

    /// <summary>Columns of text scrolled off the left, kept so the cursor stays visible.</summary>
    public int ScrollColumns { get; internal set; }

    public void Clear() => Text = "";

    /// <summary>Inserts text at the cursor (typing or a paste); line breaks and controls become nothing.</summary>
    public void Insert(string text)
    {
        var clean = new System.Text.StringBuilder(text.Length);
        foreach (char c in text) if (!char.IsControl(c)) clean.Append(c);
        _text = _text.Insert(Cursor, clean.ToString());
        Cursor += clean.Length;
    }

    /// <summary>Applies an editing key. Returns false for keys it does not use (Enter, Esc, Tab...), which the caller handles.</summary>
    public bool Handle(KeyEvent key)
    {
        bool ctrl = key.Modifiers.HasFlag(KeyModifiers.Ctrl);
        switch (key.Key)
        {
            case Key.Char when ctrl && key.Text == "a": Cursor = 0; return true;
            case Key.Char when ctrl && key.Text == "e": Cursor = _text.Length; return true;
            case Key.Char when ctrl && key.Text == "u": _text = _text[Cursor..]; Cursor = 0; return true;
            case Key.Char when ctrl && key.Text == "k": _text = _text[..Cursor]; return true;
            case Key.Char when ctrl && key.Text == "w": DeleteTo(PreviousWord()); return true;
            case Key.Char when ctrl && key.Text == "d": DeleteTo(NextGrapheme()); return true;
            case Key.Char when !ctrl && !key.Modifiers.HasFlag(KeyModifiers.Alt): Insert(key.Text); return true;
            case Key.Left: Cursor = ctrl ? PreviousWord() : PreviousGrapheme(); return true;
            case Key.Right: Cursor = ctrl ? NextWord() : NextGrapheme(); return true;
            case Key.Home: Cursor = 0; return true;
            case Key.End: Cursor = _text.Length; return true;
            case Key.Backspace: DeleteTo(ctrl || key.Modifiers.HasFlag(KeyModifiers.Alt) ? PreviousWord() : PreviousGrapheme()); return true;
            case Key.Delete: DeleteTo(NextGrapheme()); return true;
            default: return false;
        }
    }

    private void DeleteTo(int other)
    {
        int start = Math.Min(Cursor, other), end = Math.Max(Cursor, other);
        _text = _text.Remove(start, end - start);
        Cursor = start;
    }

    private int NextGrapheme() => Cursor >= _text.Length ? Cursor : Cursor + TextWidth.NextGraphemeLength(_text.AsSpan(Cursor));

    private int PreviousGrapheme()
    {
        int position = 0, previous = 0;
        while (position < Cursor)
        {
            previous = position;
            position += TextWidth.NextGraphemeLength(_text.AsSpan(position));
        }
        return previous;
    }

    private int PreviousWord()
    {
        int i = Cursor;
        while (i > 0 && _text[i - 1] == ' ') i--;
        while (i > 0 && _text[i - 1] != ' ') i--;
        return i;
    }

    private int NextWord()
    {
        int i = Cursor;
        while (i < _text.Length && _text[i] == ' ') i++;
        while (i < _text.Length && _text[i] != ' ') i++;
        return i;
    }
}
