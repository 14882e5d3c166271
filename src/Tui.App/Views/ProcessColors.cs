using Tui.Terminal.Drawing;

namespace Tui.App.Views;

/// <summary>
/// A stable colour per process name for the merged log: the same name gets the same colour in every run and every
/// theme (a hash of the name, not string.GetHashCode, which .NET randomises per run).
/// </summary>
public static class ProcessColors
{
    private static readonly Color[] Palette =
    [
        Color.Cyan, Color.Magenta, Color.Green, Color.Yellow, Color.Blue,
        Color.BrightCyan, Color.BrightMagenta, Color.BrightGreen, Color.BrightYellow, Color.BrightBlue,
    ];

    public static Color For(string name)
    {
        // FNV-1a, 32 bit.
        uint hash = 2166136261;
        foreach (char c in name)
        {
            hash ^= c;
            hash *= 16777619;
        }
        return Palette[hash % (uint)Palette.Length];
    }
}
