using Tui.Terminal.Drawing;

namespace Tui.Terminal.Sanitizing;

/// <summary>
/// Applies the parameters of one SGR sequence (CSI ... m) to a style. Default colours become unset
/// colours, so a child's "back to normal" shows in the pane's own style. Blink, conceal and the
/// rest are ignored: a child may colour its text, not hide or flash it.
/// </summary>
internal static class SgrStyle
{
    /// <summary>The most parameters read from one sequence; a longer list is cut (a hostile child may send thousands).</summary>
    public const int MaxParameters = 32;

    public static Style Apply(Style style, ReadOnlySpan<char> parameters)
    {
        if (parameters.IsEmpty) return Style.Default;
        Span<int> values = stackalloc int[MaxParameters];
        int count = Split(parameters, values);

        for (int i = 0; i < count; i++)
        {
            int code = values[i];
            switch (code)
            {
                case 0: style = Style.Default; break;
                case 1: style = style.Add(Modifiers.Bold); break;
                case 2: style = style.Add(Modifiers.Dim); break;
                case 3: style = style.Add(Modifiers.Italic); break;
                case 4 or 21: style = style.Add(Modifiers.Underline); break;
                case 7: style = style.Add(Modifiers.Reverse); break;
                case 9: style = style.Add(Modifiers.Strikethrough); break;
                case 22: style = Without(style, Modifiers.Bold | Modifiers.Dim); break;
                case 23: style = Without(style, Modifiers.Italic); break;
                case 24: style = Without(style, Modifiers.Underline); break;
                case 27: style = Without(style, Modifiers.Reverse); break;
                case 29: style = Without(style, Modifiers.Strikethrough); break;
                case >= 30 and <= 37: style = style with { Foreground = Color.FromIndex((byte)(code - 30)) }; break;
                case >= 40 and <= 47: style = style with { Background = Color.FromIndex((byte)(code - 40)) }; break;
                case >= 90 and <= 97: style = style with { Foreground = Color.FromIndex((byte)(code - 90 + 8)) }; break;
                case >= 100 and <= 107: style = style with { Background = Color.FromIndex((byte)(code - 100 + 8)) }; break;
                case 39: style = style with { Foreground = null }; break;
                case 49: style = style with { Background = null }; break;
                case 38 or 48:
                {
                    int used = ExtendedColor(values[(i + 1)..count], out Color? color);
                    if (color is { } c) style = code == 38 ? style with { Foreground = c } : style with { Background = c };
                    i += used;
                    break;
                }
            }
        }
        return style;
    }

    private static Style Without(Style style, Modifiers modifiers) => style with { AddModifiers = style.AddModifiers & ~modifiers };

    /// <summary>Reads "5;n" or "2;r;g;b" (the colon forms were flattened by Split, colour-space id dropped). Returns the values used.</summary>
    private static int ExtendedColor(ReadOnlySpan<int> rest, out Color? color)
    {
        color = null;
        if (rest.Length >= 2 && rest[0] == 5)
        {
            if (rest[1] is >= 0 and <= 255) color = Color.FromIndex((byte)rest[1]);
            return 2;
        }
        if (rest.Length >= 4 && rest[0] == 2)
        {
            if (rest[1] is >= 0 and <= 255 && rest[2] is >= 0 and <= 255 && rest[3] is >= 0 and <= 255)
                color = Color.FromRgb((byte)rest[1], (byte)rest[2], (byte)rest[3]);
            return 4;
        }
        return rest.Length; // a broken extended colour: ignore the rest of the sequence
    }

    /// <summary>Splits "1;38:2::10:20:30" into numbers; the empty colour-space slot of the colon form is dropped.</summary>
    private static int Split(ReadOnlySpan<char> parameters, Span<int> values)
    {
        const int MaxValue = 100_000; // numbers beyond any SGR meaning; clamped so parsing cannot overflow
        int count = 0, value = 0;
        bool any = false, previousColon = false;
        for (int i = 0; i <= parameters.Length && count < values.Length; i++)
        {
            char c = i < parameters.Length ? parameters[i] : ';';
            if (c is >= '0' and <= '9')
            {
                value = Math.Min(MaxValue, value * 10 + (c - '0'));
                any = true;
                continue;
            }
            bool isColon = c == ':';
            // "38:2::r:g:b" has an empty colour-space id after the 2; skip that empty slot.
            bool emptyColorSpace = isColon && previousColon && !any && count >= 2 && values[count - 1] == 2;
            if (!emptyColorSpace) values[count++] = value;
            value = 0;
            any = false;
            previousColon = isColon;
        }
        return count;
    }
}
