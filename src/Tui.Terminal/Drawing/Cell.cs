namespace Tui.Terminal.Drawing;

/// <summary>
/// One terminal cell: a grapheme and its resolved style. A wide grapheme (CJK, emoji) lives in
/// the left cell of its pair; the right cell holds <see cref="Continuation"/> (an empty symbol),
/// which the renderer skips because the terminal fills it when it prints the wide grapheme.
/// </summary>
public struct Cell : IEquatable<Cell>
{
    /// <summary>The symbol of the right half of a wide grapheme.</summary>
    public const string Continuation = "";

    public static readonly Cell Blank = new(" ");

    public string Symbol;
    public Color Foreground;
    public Color Background;
    public Modifiers Modifiers;

    public Cell(string symbol) : this(symbol, Color.Default, Color.Default, Modifiers.None) { }

    public Cell(string symbol, Color foreground, Color background, Modifiers modifiers)
    {
        Symbol = symbol;
        Foreground = foreground;
        Background = background;
        Modifiers = modifiers;
    }

    public Cell(string symbol, Style style) : this(symbol, Color.Default, Color.Default, Modifiers.None) => SetStyle(style);

    public readonly bool IsContinuation => Symbol.Length == 0;

    /// <summary>The cell's style as a fully-set <see cref="Style"/>.</summary>
    public readonly Style Style => new()
    {
        Foreground = Foreground,
        Background = Background,
        AddModifiers = Modifiers,
        RemoveModifiers = ~Modifiers & AllModifiers,
    };

    private const Modifiers AllModifiers =
        Modifiers.Bold | Modifiers.Dim | Modifiers.Italic | Modifiers.Underline | Modifiers.Reverse | Modifiers.Strikethrough;

    /// <summary>Lays <paramref name="style"/> over this cell: set parts replace, unset parts stay.</summary>
    public void SetStyle(Style style)
    {
        if (style.Foreground is { } fg) Foreground = fg;
        if (style.Background is { } bg) Background = bg;
        Modifiers = (Modifiers & ~style.RemoveModifiers) | style.AddModifiers;
    }

    public void Reset() => this = Blank;

    public readonly bool StyleEquals(in Cell other) =>
        Foreground == other.Foreground && Background == other.Background && Modifiers == other.Modifiers;

    public readonly bool Equals(Cell other) => StyleEquals(other) && string.Equals(Symbol, other.Symbol, StringComparison.Ordinal);
    public override readonly bool Equals(object? obj) => obj is Cell other && Equals(other);
    public override readonly int GetHashCode() => HashCode.Combine(Symbol, Foreground, Background, Modifiers);
    public static bool operator ==(Cell left, Cell right) => left.Equals(right);
    public static bool operator !=(Cell left, Cell right) => !left.Equals(right);

    public override readonly string ToString() => $"'{Symbol}' {Style}";
}
