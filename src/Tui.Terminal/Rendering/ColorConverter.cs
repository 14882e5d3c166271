using Tui.Terminal.Drawing;

namespace Tui.Terminal.Rendering;

/// <summary>
/// Downgrades colours to a terminal's depth by nearest match: RGB to the 6x6x6 cube or the grey ramp
/// of the 256 palette, anything to the closest of the 16 classic colours (in the xterm defaults).
/// </summary>
internal static class ColorConverter
{
    private static readonly byte[] CubeLevels = [0, 95, 135, 175, 215, 255];
    private const int CubeStart = 16;
    private const int GreyStart = 232;
    private const int GreySteps = 24;

    // xterm's default values for the classic 16 colours.
    private static readonly (byte R, byte G, byte B)[] Classic =
    [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ];

    /// <summary>The colour as the terminal of the given depth can show it (Default when it cannot show colour).</summary>
    public static Color Downgrade(Color color, ColorDepth depth) => depth switch
    {
        _ when color.Kind == ColorKind.Default => color,
        ColorDepth.TrueColor => color,
        ColorDepth.Ansi256 => color.Kind == ColorKind.Rgb ? Color.FromIndex(To256(color.R, color.G, color.B)) : color,
        ColorDepth.Ansi16 => color.Kind == ColorKind.Indexed && color.Index < Classic.Length ? color : Color.FromIndex(To16(ToRgb(color))),
        _ => Color.Default,
    };

    /// <summary>The RGB value of a colour (palette entries as xterm shows them by default).</summary>
    public static (byte R, byte G, byte B) ToRgb(Color color)
    {
        if (color.Kind == ColorKind.Rgb) return (color.R, color.G, color.B);
        int index = color.Index;
        if (index < CubeStart) return Classic[index];
        if (index >= GreyStart)
        {
            byte level = (byte)(8 + 10 * (index - GreyStart));
            return (level, level, level);
        }
        int cube = index - CubeStart;
        return (CubeLevels[cube / 36], CubeLevels[cube / 6 % 6], CubeLevels[cube % 6]);
    }

    public static byte To256(byte r, byte g, byte b)
    {
        int ri = NearestLevel(r), gi = NearestLevel(g), bi = NearestLevel(b);
        int cubeIndex = CubeStart + 36 * ri + 6 * gi + bi;
        int cubeDistance = Distance((r, g, b), (CubeLevels[ri], CubeLevels[gi], CubeLevels[bi]));

        int average = (r + g + b) / 3;
        int greyStep = Math.Clamp((average - 8 + 5) / 10, 0, GreySteps - 1);
        byte grey = (byte)(8 + 10 * greyStep);
        int greyDistance = Distance((r, g, b), (grey, grey, grey));
        return (byte)(greyDistance < cubeDistance ? GreyStart + greyStep : cubeIndex);
    }

    public static byte To16((byte R, byte G, byte B) rgb)
    {
        int best = 0, bestDistance = int.MaxValue;
        for (int i = 0; i < Classic.Length; i++)
        {
            int distance = Distance(rgb, Classic[i]);
            if (distance < bestDistance) (best, bestDistance) = (i, distance);
        }
        return (byte)best;
    }

    private static int NearestLevel(byte value)
    {
        int best = 0;
        for (int i = 1; i < CubeLevels.Length; i++)
            if (Math.Abs(CubeLevels[i] - value) < Math.Abs(CubeLevels[best] - value)) best = i;
        return best;
    }

    // Squared distance weighted for the eye's sensitivity (green most, blue least): cheap and good enough.
    private static int Distance((byte R, byte G, byte B) a, (byte R, byte G, byte B) b)
    {
        int dr = a.R - b.R, dg = a.G - b.G, db = a.B - b.B;
        return 3 * dr * dr + 4 * dg * dg + 2 * db * db;
    }
}
