using System.Text;
using Tui.Terminal.Drawing;

namespace Tui.App.Views;

/// <summary>
/// Turns a child's raw output line into styled text that is safe to draw: nothing in it may move the cursor,
/// change modes or set the title. Until the terminal layer's sanitiser (SGR colours kept) is available this keeps
/// the plain text only, dropping every escape sequence and control character.
/// </summary>
public static class ChildText
{
    private const char Escape = '\u001b';

    public static Line ToLine(string text, Style style)
    {
        if (!NeedsCleaning(text)) return new Line(text, style);
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == Escape)
            {
                i = SkipSequence(text, i);
                continue;
            }
            if (c == '\t') { sb.Append(' '); continue; }
            if (char.IsControl(c)) continue;
            sb.Append(c);
        }
        return new Line(sb.ToString(), style);
    }

    private static bool NeedsCleaning(string text)
    {
        foreach (char c in text)
        {
            if (c < ' ' || c == '\u007f' || c is >= '\u0080' and <= '\u009f') return true;
        }
        return false;
    }

    /// <summary>The index of the last character of the escape sequence starting at <paramref name="start"/>.</summary>
    private static int SkipSequence(string text, int start)
    {
        int i = start + 1;
        if (i >= text.Length) return start;
        char kind = text[i];
        if (kind == '[')
        {
            // CSI: parameters and intermediates, then one final byte in @..~.
            for (i++; i < text.Length; i++)
            {
                if (text[i] is >= '@' and <= '~') return i;
            }
            return text.Length - 1;
        }
        if (kind is ']' or 'P' or '_' or '^' or 'X')
        {
            // OSC and other strings: up to BEL or ST (ESC \).
            for (i++; i < text.Length; i++)
            {
                if (text[i] == '\u0007') return i;
                if (text[i] == Escape && i + 1 < text.Length && text[i + 1] == '\\') return i + 1;
            }
            return text.Length - 1;
        }
        return i; // a two-character sequence
    }
}
