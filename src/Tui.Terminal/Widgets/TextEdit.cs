using Tui.Terminal.Drawing;

namespace Tui.Terminal.Widgets;

/// <summary>
/// The text of a one-line input and its cursor, as an immutable value: every edit returns a new one (the same
/// instance when nothing changed), so an application that keeps its state immutable can hold it directly.
/// The cursor is a UTF-16 index that always sits on a grapheme boundary, so editing never splits a character.
/// Word moves stop at letters and digits (readline's alt+b/f); <see cref="TextEditCommand.DeleteWordBefore"/>
/// deletes back to whitespace (readline's ctrl+w), so it takes "--since=1h" as one word.
/// </summary>
public sealed record TextEdit
{
    public static TextEdit Empty { get; } = new("");

    /// <summary>The text with the cursor at its end (where typing continues).</summary>
    public TextEdit(string text) : this(text, text.Length)
    {
    }

    public TextEdit(string text, int cursor)
    {
        Text = text;
        Cursor = Boundary(text, Math.Clamp(cursor, 0, text.Length));
    }

    public string Text { get; }

    public int Cursor { get; }

    /// <summary>
    /// Inserts text at the cursor (typing or a paste); controls are dropped (a pasted line break must not run
    /// anything), and nothing beyond <paramref name="maxLength"/> UTF-16 units is taken.
    /// </summary>
    public TextEdit Insert(string text, int maxLength = int.MaxValue)
    {
        var clean = new System.Text.StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (System.Text.Rune.IsControl(rune)) continue;
            if (Text.Length + clean.Length + rune.Utf16SequenceLength > maxLength) break;
            clean.Append(rune.ToString());
        }
        return clean.Length == 0 ? this : new TextEdit(Text.Insert(Cursor, clean.ToString()), Cursor + clean.Length);
    }

    public TextEdit Apply(TextEditCommand command) => command switch
    {
        TextEditCommand.Left => MoveTo(PreviousGrapheme()),
        TextEditCommand.Right => MoveTo(NextGrapheme()),
        TextEditCommand.WordLeft => MoveTo(PreviousWord()),
        TextEditCommand.WordRight => MoveTo(NextWord()),
        TextEditCommand.Home => MoveTo(0),
        TextEditCommand.End => MoveTo(Text.Length),
        TextEditCommand.Backspace => DeleteTo(PreviousGrapheme()),
        TextEditCommand.Delete => DeleteTo(NextGrapheme()),
        TextEditCommand.DeleteWordBefore => DeleteTo(PreviousSpace()),
        TextEditCommand.DeleteWordLeft => DeleteTo(PreviousWord()),
        TextEditCommand.DeleteWordRight => DeleteTo(NextWord()),
        TextEditCommand.DeleteToStart => DeleteTo(0),
        TextEditCommand.DeleteToEnd => DeleteTo(Text.Length),
        _ => this,
    };

    private TextEdit MoveTo(int cursor) => cursor == Cursor ? this : new TextEdit(Text, cursor);

    private TextEdit DeleteTo(int other)
    {
        if (other == Cursor) return this;
        int start = Math.Min(Cursor, other), end = Math.Max(Cursor, other);
        return new TextEdit(Text.Remove(start, end - start), start);
    }

    private int NextGrapheme() => Cursor >= Text.Length ? Cursor : Cursor + TextWidth.NextGraphemeLength(Text.AsSpan(Cursor));

    private int PreviousGrapheme()
    {
        int position = 0, previous = 0;
        while (position < Cursor)
        {
            previous = position;
            position += TextWidth.NextGraphemeLength(Text.AsSpan(position));
        }
        return previous;
    }

    private int PreviousSpace()
    {
        int i = Cursor;
        while (i > 0 && char.IsWhiteSpace(Text[i - 1])) i--;
        while (i > 0 && !char.IsWhiteSpace(Text[i - 1])) i--;
        return i;
    }

    private int PreviousWord()
    {
        int i = Cursor;
        while (i > 0 && !IsWordChar(Text[i - 1])) i--;
        while (i > 0 && IsWordChar(Text[i - 1])) i--;
        return i;
    }

    private int NextWord()
    {
        int i = Cursor;
        while (i < Text.Length && !IsWordChar(Text[i])) i++;
        while (i < Text.Length && IsWordChar(Text[i])) i++;
        return Boundary(Text, i);
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.IsSurrogate(c);

    /// <summary>The grapheme boundary at or before <paramref name="index"/>.</summary>
    private static int Boundary(string text, int index)
    {
        int position = 0;
        while (position < index)
        {
            int next = position + TextWidth.NextGraphemeLength(text.AsSpan(position));
            if (next > index) return position;
            position = next;
        }
        return position;
    }
}

/// <summary>The editing operations of <see cref="TextEdit"/>; which key does which is the caller's choice.</summary>
public enum TextEditCommand
{
    Left, Right, WordLeft, WordRight, Home, End,
    Backspace, Delete,
    /// <summary>Back to the previous whitespace (ctrl+w).</summary>
    DeleteWordBefore,
    /// <summary>Back to the previous word start (alt+backspace, ctrl+backspace).</summary>
    DeleteWordLeft,
    /// <summary>Forward to the end of the word (alt+d).</summary>
    DeleteWordRight,
    DeleteToStart, DeleteToEnd,
}
