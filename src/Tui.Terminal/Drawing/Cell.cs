using System.Runtime.InteropServices;

namespace Tui.Terminal.Drawing;

/// <summary>
/// One terminal cell: a grapheme and its resolved style. A wide grapheme (CJK, emoji) lives in
/// the left cell of its pair; the right cell holds <see cref="Continuation"/> (an empty symbol),
/// which the renderer skips because the terminal fills it when it prints the wide grapheme.
/// The grapheme is stored as a code (see SymbolTable) and the struct has no padding, so cells and
/// whole rows compare as bytes. <c>default(Cell)</c> is <see cref="Blank"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct Cell : IEquatable<Cell>
{
    /// <summary>The symbol of the right half of a wide grapheme.</summary>
    public const string Continuation = "";

    /// <summary>A space in the terminal's default colours.</summary>
    public static readonly Cell Blank = default;

    private int _symbol;
    private Color _foreground;
    private Color _background;
    private uint _modifiers; // Modifiers in the low byte; a full word so the struct has no padding to compare

    public Cell(string symbol) : this(symbol, Color.Default, Color.Default, Modifiers.None) { }

    public Cell(string symbol, Color foreground, Color background, Modifiers modifiers)
    {
        _symbol = SymbolTable.IdOf(symbol);
        _foreground = foreground;
        _background = background;
        _modifiers = (byte)modifiers;
    }

    public Cell(string symbol, Style style) : this(symbol) => SetStyle(style);

    public string Symbol
    {
        readonly get => SymbolTable.TextOf(_symbol);
        set => _symbol = SymbolTable.IdOf(value);
    }

    public Color Foreground
    {
        readonly get => _foreground;
        set => _foreground = value;
    }

    public Color Background
    {
        readonly get => _background;
        set => _background = value;
    }

    public Modifiers Modifiers
    {
        readonly get => (Modifiers)_modifiers;
        set => _modifiers = (byte)value;
    }

    internal int SymbolId
    {
        readonly get => _symbol;
        set => _symbol = value;
    }

    public readonly bool IsContinuation => _symbol == SymbolTable.ContinuationId;

    /// <summary>The cell's style as a fully-set <see cref="Style"/>.</summary>
    public readonly Style Style => new()
    {
        Foreground = _foreground,
        Background = _background,
        AddModifiers = Modifiers,
        RemoveModifiers = ~Modifiers & AllModifiers,
    };

    private const Modifiers AllModifiers =
        Modifiers.Bold | Modifiers.Dim | Modifiers.Italic | Modifiers.Underline | Modifiers.Reverse | Modifiers.Strikethrough;

    /// <summary>Lays <paramref name="style"/> over this cell: set parts replace, unset parts stay.</summary>
    public void SetStyle(in Style style)
    {
        if (style.Foreground is { } fg) _foreground = fg;
        if (style.Background is { } bg) _background = bg;
        _modifiers = (_modifiers & ~(uint)style.RemoveModifiers) | (uint)style.AddModifiers;
    }

    public void Reset() => this = default;

    public readonly bool StyleEquals(in Cell other) =>
        _foreground == other._foreground && _background == other._background && _modifiers == other._modifiers;

    public readonly bool Equals(Cell other) => _symbol == other._symbol && StyleEquals(other);
    public override readonly bool Equals(object? obj) => obj is Cell other && Equals(other);
    public override readonly int GetHashCode() => HashCode.Combine(_symbol, _foreground, _background, _modifiers);
    public static bool operator ==(Cell left, Cell right) => left.Equals(right);
    public static bool operator !=(Cell left, Cell right) => !left.Equals(right);

    public override readonly string ToString() => $"'{Symbol}' {Style}";
}
