namespace Tui.Terminal.Drawing;

/// <summary>
/// A foreground or background colour: the terminal default, one of the 256 palette entries
/// (0-15 are the classic 16 colours) or 24-bit RGB. Packed in one uint so cells stay small
/// and compare fast. The renderer downgrades to what the terminal supports (see ColorDepth).
/// </summary>
public readonly struct Color : IEquatable<Color>
{
    private const int KindShift = 24;
    private readonly uint _packed;

    private Color(ColorKind kind, uint value) => _packed = ((uint)kind << KindShift) | (value & 0xFFFFFF);

    public ColorKind Kind => (ColorKind)(_packed >> KindShift);

    /// <summary>The palette index; meaningful only when <see cref="Kind"/> is Indexed.</summary>
    public byte Index => (byte)_packed;

    public byte R => (byte)(_packed >> 16);
    public byte G => (byte)(_packed >> 8);
    public byte B => (byte)_packed;

    public static readonly Color Default = default;
    public static readonly Color Black = FromIndex(0);
    public static readonly Color Red = FromIndex(1);
    public static readonly Color Green = FromIndex(2);
    public static readonly Color Yellow = FromIndex(3);
    public static readonly Color Blue = FromIndex(4);
    public static readonly Color Magenta = FromIndex(5);
    public static readonly Color Cyan = FromIndex(6);
    /// <summary>Palette 7: light grey on most terminals.</summary>
    public static readonly Color Gray = FromIndex(7);
    /// <summary>Palette 8 ("bright black"): dark grey on most terminals.</summary>
    public static readonly Color DarkGray = FromIndex(8);
    public static readonly Color BrightRed = FromIndex(9);
    public static readonly Color BrightGreen = FromIndex(10);
    public static readonly Color BrightYellow = FromIndex(11);
    public static readonly Color BrightBlue = FromIndex(12);
    public static readonly Color BrightMagenta = FromIndex(13);
    public static readonly Color BrightCyan = FromIndex(14);
    public static readonly Color White = FromIndex(15);

    public static Color FromIndex(byte index) => new(ColorKind.Indexed, index);

    public static Color FromRgb(byte r, byte g, byte b) => new(ColorKind.Rgb, ((uint)r << 16) | ((uint)g << 8) | b);

    /// <summary>Parses "#rrggbb", a palette number "0".."255", or a name such as "red", "brightblue", "darkgray", "default".</summary>
    public static bool TryParse(string text, out Color color)
    {
        color = Default;
        var s = text.Trim();
        if (s.Length == 7 && s[0] == '#' && uint.TryParse(s.AsSpan(1), System.Globalization.NumberStyles.HexNumber, null, out uint rgb))
        {
            color = new Color(ColorKind.Rgb, rgb);
            return true;
        }
        if (byte.TryParse(s, out byte index))
        {
            color = FromIndex(index);
            return true;
        }
        int named = Array.IndexOf(Names, s.ToLowerInvariant().Replace("_", "").Replace("-", "").Replace(" ", ""));
        if (named < 0) return s.Equals("default", StringComparison.OrdinalIgnoreCase) || s.Equals("reset", StringComparison.OrdinalIgnoreCase);
        color = FromIndex((byte)named);
        return true;
    }

    private static readonly string[] Names =
    [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "gray",
        "darkgray", "brightred", "brightgreen", "brightyellow", "brightblue", "brightmagenta", "brightcyan", "white",
    ];

    public bool Equals(Color other) => _packed == other._packed;
    public override bool Equals(object? obj) => obj is Color other && Equals(other);
    public override int GetHashCode() => (int)_packed;
    public static bool operator ==(Color left, Color right) => left._packed == right._packed;
    public static bool operator !=(Color left, Color right) => left._packed != right._packed;

    public override string ToString() => Kind switch
    {
        ColorKind.Default => "default",
        ColorKind.Indexed when Index < Names.Length => Names[Index],
        ColorKind.Indexed => Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => $"#{R:x2}{G:x2}{B:x2}",
    };
}
