using Tui.Terminal.Drawing;

namespace Tui.Terminal.Rendering;

/// <summary>
/// Writes the shortest SGR sequence that takes the terminal from one pen to another: only the
/// attributes and colours that change, in one CSI ... m. From an unknown pen it starts with a reset.
/// </summary>
internal static class SgrEncoder
{
    private const Modifiers Intensity = Modifiers.Bold | Modifiers.Dim;
    // Turning off two or more attributes one by one costs more than a reset and redrawing the rest.
    private const int MaxSeparateOffs = 1;

    public static void Transition(AnsiOutput output, Pen? from, Pen to)
    {
        if (from == to) return;
        output.Csi();
        bool first = true;
        Modifiers added;
        Color? fromForeground, fromBackground;
        Modifiers removed = from is { } f ? f.Modifiers & ~to.Modifiers : Modifiers.None;
        if (from is null || System.Numerics.BitOperations.PopCount((uint)removed) > MaxSeparateOffs)
        {
            Param(output, ref first, 0);
            added = to.Modifiers;
            fromForeground = Color.Default;
            fromBackground = Color.Default;
        }
        else
        {
            added = to.Modifiers & ~from.Value.Modifiers;
            if ((removed & Intensity) != 0)
            {
                Param(output, ref first, 22); // 22 ends both bold and dim; the one kept is added back
                added |= to.Modifiers & Intensity;
            }
            if (removed.HasFlag(Modifiers.Italic)) Param(output, ref first, 23);
            if (removed.HasFlag(Modifiers.Underline)) Param(output, ref first, 24);
            if (removed.HasFlag(Modifiers.Reverse)) Param(output, ref first, 27);
            if (removed.HasFlag(Modifiers.Strikethrough)) Param(output, ref first, 29);
            fromForeground = from.Value.Foreground;
            fromBackground = from.Value.Background;
        }
        if (added.HasFlag(Modifiers.Bold)) Param(output, ref first, 1);
        if (added.HasFlag(Modifiers.Dim)) Param(output, ref first, 2);
        if (added.HasFlag(Modifiers.Italic)) Param(output, ref first, 3);
        if (added.HasFlag(Modifiers.Underline)) Param(output, ref first, 4);
        if (added.HasFlag(Modifiers.Reverse)) Param(output, ref first, 7);
        if (added.HasFlag(Modifiers.Strikethrough)) Param(output, ref first, 9);
        if (to.Foreground != fromForeground) ColorParams(output, ref first, to.Foreground, foreground: true);
        if (to.Background != fromBackground) ColorParams(output, ref first, to.Background, foreground: false);
        output.Append((byte)'m');
    }

    private static void ColorParams(AnsiOutput output, ref bool first, Color color, bool foreground)
    {
        int @base = foreground ? 30 : 40;
        switch (color.Kind)
        {
            case ColorKind.Default:
                Param(output, ref first, @base + 9);
                break;
            case ColorKind.Indexed when color.Index < 8:
                Param(output, ref first, @base + color.Index);
                break;
            case ColorKind.Indexed when color.Index < 16:
                Param(output, ref first, @base + 60 + color.Index - 8); // 90-97 and 100-107: the bright eight
                break;
            case ColorKind.Indexed:
                Param(output, ref first, @base + 8);
                Param(output, ref first, 5);
                Param(output, ref first, color.Index);
                break;
            default:
                Param(output, ref first, @base + 8);
                Param(output, ref first, 2);
                Param(output, ref first, color.R);
                Param(output, ref first, color.G);
                Param(output, ref first, color.B);
                break;
        }
    }

    private static void Param(AnsiOutput output, ref bool first, int value)
    {
        if (!first) output.Append((byte)';');
        first = false;
        output.AppendNumber(value);
    }
}
