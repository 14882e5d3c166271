using Tui.Terminal.Drawing;

namespace Tui.Terminal.Rendering;

/// <summary>The style the terminal is currently drawing in, after downgrading to its colour depth.</summary>
internal readonly record struct Pen(Color Foreground, Color Background, Modifiers Modifiers)
{
    public static readonly Pen Plain = new(Color.Default, Color.Default, Modifiers.None);

    /// <summary>
    /// The pen for a cell on a terminal of the given depth. Without colour, a coloured background
    /// (a selection, a status bar) becomes reverse video so it still stands out.
    /// </summary>
    public static Pen For(in Cell cell, ColorDepth depth)
    {
        if (depth == ColorDepth.TrueColor) return new Pen(cell.Foreground, cell.Background, cell.Modifiers);
        if (depth == ColorDepth.Monochrome)
        {
            var modifiers = cell.Modifiers;
            if (cell.Background.Kind != ColorKind.Default) modifiers |= Modifiers.Reverse;
            return new Pen(Color.Default, Color.Default, modifiers);
        }
        return new Pen(ColorConverter.Downgrade(cell.Foreground, depth), ColorConverter.Downgrade(cell.Background, depth), cell.Modifiers);
    }
}
