namespace Tui.Terminal.Drawing;

/// <summary>
/// A rectangle of cells: the area a widget draws into. Right and Bottom are exclusive.
/// The split helpers never produce negative sizes, so layout code can carve an area
/// that is too small without checks; the pieces simply become empty.
/// </summary>
public readonly record struct Rect(int X, int Y, int Width, int Height)
{
    public static readonly Rect Empty = new(0, 0, 0, 0);

    public int Left => X;
    public int Top => Y;
    public int Right => X + Width;
    public int Bottom => Y + Height;
    public int Area => Width * Height;
    public bool IsEmpty => Width <= 0 || Height <= 0;

    public bool Contains(int x, int y) => x >= X && x < Right && y >= Y && y < Bottom;

    /// <summary>The area shrunk by <paramref name="margin"/> cells on every side.</summary>
    public Rect Inner(int margin) => Inner(margin, margin);

    /// <summary>The area shrunk by <paramref name="horizontal"/> cells left and right and <paramref name="vertical"/> rows top and bottom.</summary>
    public Rect Inner(int horizontal, int vertical)
    {
        int width = Math.Max(0, Width - 2 * horizontal);
        int height = Math.Max(0, Height - 2 * vertical);
        return width == 0 || height == 0
            ? new Rect(X + Math.Min(horizontal, Width), Y + Math.Min(vertical, Height), width, height)
            : new Rect(X + horizontal, Y + vertical, width, height);
    }

    public Rect Intersect(Rect other)
    {
        int left = Math.Max(X, other.X);
        int top = Math.Max(Y, other.Y);
        int right = Math.Min(Right, other.Right);
        int bottom = Math.Min(Bottom, other.Bottom);
        return right <= left || bottom <= top ? new Rect(left, top, 0, 0) : new Rect(left, top, right - left, bottom - top);
    }

    /// <summary>Takes <paramref name="rows"/> rows off the top: (the top rows, the remainder).</summary>
    public (Rect Top, Rect Remainder) SplitTop(int rows)
    {
        int taken = Math.Clamp(rows, 0, Height);
        return (this with { Height = taken }, new Rect(X, Y + taken, Width, Height - taken));
    }

    /// <summary>Takes <paramref name="rows"/> rows off the bottom: (the rest, the bottom rows).</summary>
    public (Rect Remainder, Rect Bottom) SplitBottom(int rows)
    {
        int taken = Math.Clamp(rows, 0, Height);
        return (this with { Height = Height - taken }, new Rect(X, Bottom - taken, Width, taken));
    }

    /// <summary>Takes <paramref name="columns"/> columns off the left: (the left columns, the rest).</summary>
    public (Rect Left, Rect Remainder) SplitLeft(int columns)
    {
        int taken = Math.Clamp(columns, 0, Width);
        return (this with { Width = taken }, new Rect(X + taken, Y, Width - taken, Height));
    }

    /// <summary>Takes <paramref name="columns"/> columns off the right: (the rest, the right columns).</summary>
    public (Rect Remainder, Rect Right) SplitRight(int columns)
    {
        int taken = Math.Clamp(columns, 0, Width);
        return (this with { Width = Width - taken }, new Rect(Right - taken, Y, taken, Height));
    }

    /// <summary>The single row <paramref name="index"/> (0-based, relative to this area), empty when out of range.</summary>
    public Rect Row(int index) =>
        index < 0 || index >= Height ? new Rect(X, Y, Width, 0) : new Rect(X, Y + index, Width, 1);

    /// <summary>A rectangle of the given size centred in this one (clamped to it): where a dialog goes.</summary>
    public Rect Centered(int width, int height)
    {
        int w = Math.Clamp(width, 0, Width);
        int h = Math.Clamp(height, 0, Height);
        return new Rect(X + (Width - w) / 2, Y + (Height - h) / 2, w, h);
    }

    public override string ToString() => $"{Width}x{Height}+{X}+{Y}";
}
