using System.Runtime.InteropServices;
using System.Text;

namespace Tui.Terminal.Drawing;

/// <summary>
/// A screen-sized grid of cells that a frame is drawn into. Widgets write into it; the renderer
/// compares it with the previous frame's buffer and sends only the difference. Drawing outside the
/// buffer is clipped silently, so widgets need not check their areas against the screen.
/// </summary>
public sealed class CellBuffer
{
    private readonly Cell[] _cells;

    public int Width { get; }
    public int Height { get; }
    public Rect Area => new(0, 0, Width, Height);

    public CellBuffer(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        Width = width;
        Height = height;
        _cells = new Cell[width * height]; // zeroed cells are blanks
    }

    /// <summary>The cell at (x, y); a reference, so <c>buffer[x, y].Foreground = ...</c> works.</summary>
    public ref Cell this[int x, int y]
    {
        get
        {
            if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
                throw new ArgumentOutOfRangeException(nameof(x), $"({x}, {y}) is outside the {Width}x{Height} buffer");
            return ref _cells[y * Width + x];
        }
    }

    public bool InBounds(int x, int y) => (uint)x < (uint)Width && (uint)y < (uint)Height;

    /// <summary>The cells of row <paramref name="y"/>, for the renderer's diff.</summary>
    internal ReadOnlySpan<Cell> Row(int y) => _cells.AsSpan(y * Width, Width);

    internal Span<Cell> Cells => _cells;

    /// <summary>Row <paramref name="y"/> as bytes, for comparing and hashing whole rows at memory speed.</summary>
    internal ReadOnlySpan<byte> RowBytes(int y) => MemoryMarshal.AsBytes(Row(y));

    /// <summary>Every cell back to a blank in the default style.</summary>
    public void Clear() => Array.Clear(_cells);

    /// <summary>The cells of <paramref name="area"/> back to blanks in the default style.</summary>
    public void Clear(Rect area) => Fill(area, Cell.Blank);

    /// <summary>Sets every cell of <paramref name="area"/> to <paramref name="cell"/>.</summary>
    public void Fill(Rect area, Cell cell)
    {
        var clipped = area.Intersect(Area);
        for (int y = clipped.Top; y < clipped.Bottom; y++)
            _cells.AsSpan(y * Width + clipped.X, clipped.Width).Fill(cell);
    }

    /// <summary>Fills <paramref name="area"/> with <paramref name="symbol"/> (one narrow grapheme) laid over with <paramref name="style"/>.</summary>
    public void Fill(Rect area, string symbol, Style style)
    {
        var clipped = area.Intersect(Area);
        int id = SymbolTable.IdOf(symbol);
        for (int y = clipped.Top; y < clipped.Bottom; y++)
            foreach (ref Cell cell in _cells.AsSpan(y * Width + clipped.X, clipped.Width))
            {
                cell.SymbolId = id;
                cell.SetStyle(style);
            }
    }

    /// <summary>Lays <paramref name="style"/> over every cell of <paramref name="area"/>, keeping the text (e.g. a selected row).</summary>
    public void SetStyle(Rect area, Style style)
    {
        if (style == default) return;
        var clipped = area.Intersect(Area);
        for (int y = clipped.Top; y < clipped.Bottom; y++)
            foreach (ref Cell cell in _cells.AsSpan(y * Width + clipped.X, clipped.Width))
                cell.SetStyle(style);
    }

    /// <summary>
    /// Writes <paramref name="text"/> from (x, y) rightwards, in at most <paramref name="maxWidth"/> cells
    /// and never past the right edge. Wide graphemes take two cells and are never split: one that
    /// does not fit is left out. Control characters and lone zero-width marks are skipped, so a
    /// cell never holds anything that could move the terminal's cursor.
    /// </summary>
    /// <returns>The number of cells written.</returns>
    public int SetString(int x, int y, string text, Style style, int maxWidth = int.MaxValue, Overflow overflow = Overflow.Clip) =>
        SetString(x, y, text.AsSpan(), style, maxWidth, overflow);

    public int SetString(int x, int y, ReadOnlySpan<char> text, Style style, int maxWidth = int.MaxValue, Overflow overflow = Overflow.Clip)
    {
        if ((uint)y >= (uint)Height || x >= Width || maxWidth <= 0) return 0;
        int room = Math.Min(maxWidth, Width - Math.Max(0, x));
        if (overflow == Overflow.Ellipsis && TextWidth.Of(text) > room)
        {
            if (room <= 0) return 0;
            var (length, _) = TextWidth.Fit(text, room - 1);
            int used = Write(x, y, text[..length], style, room - 1);
            return used + Write(x + used, y, TextWidth.Ellipsis, style, 1);
        }
        return Write(x, y, text, style, room);
    }

    /// <summary>Writes a styled span; its style is laid over <paramref name="baseStyle"/>. Returns the cells written.</summary>
    public int SetSpan(int x, int y, Span span, int maxWidth = int.MaxValue, Style baseStyle = default) =>
        SetString(x, y, span.Text, baseStyle.Patch(span.Style), maxWidth);

    /// <summary>
    /// Writes a styled line from (x, y) in at most <paramref name="maxWidth"/> cells (the line's own
    /// alignment is applied by widgets, not here). With <see cref="Overflow.Ellipsis"/> a line that
    /// does not fit ends in "…". Returns the cells written.
    /// </summary>
    public int SetLine(int x, int y, Line line, int maxWidth = int.MaxValue, Overflow overflow = Overflow.Clip)
    {
        int room = Math.Min(maxWidth, Width - Math.Max(0, x));
        if (room <= 0 || (uint)y >= (uint)Height) return 0;
        bool cut = overflow == Overflow.Ellipsis && line.Width > room;
        int budget = cut ? room - 1 : room;
        int used = 0;
        Style last = line.Style;
        foreach (var span in line.Spans)
        {
            if (used >= budget) break;
            last = line.Style.Patch(span.Style);
            used += SetString(x + used, y, span.Text, last, budget - used);
        }
        if (cut) used += Write(x + used, y, TextWidth.Ellipsis, last, 1);
        return used;
    }

    private int Write(int x, int y, ReadOnlySpan<char> text, Style style, int room)
    {
        int column = x;
        int end = x + room;
        while (!text.IsEmpty)
        {
            int length = TextWidth.NextGraphemeLength(text);
            var grapheme = text[..length];
            text = text[length..];
            int width = TextWidth.OfGrapheme(grapheme);
            if (width == 0) continue;
            if (column + width > end) break;
            if (column >= 0) Put(column, y, SymbolTable.IdOf(grapheme), width, style);
            else if (column + width > 0) Put(0, y, SymbolTable.SpaceId, 1, style); // half a wide grapheme left of the edge
            column += width;
        }
        return Math.Max(0, column - x);
    }

    /// <summary>Puts one grapheme at (x, y), repairing any wide grapheme it overwrites half of.</summary>
    private void Put(int x, int y, int symbol, int width, in Style style)
    {
        int row = y * Width;
        ref Cell cell = ref _cells[row + x];
        if (cell.IsContinuation && x > 0) _cells[row + x - 1].SymbolId = SymbolTable.SpaceId;
        cell.SymbolId = symbol;
        cell.SetStyle(style);
        int last = x + width - 1;
        for (int i = x + 1; i <= last; i++)
        {
            ref Cell tail = ref _cells[row + i];
            tail.SymbolId = SymbolTable.ContinuationId;
            tail.SetStyle(style);
        }
        // A narrow grapheme over the left half of a wide one leaves an orphaned right half.
        if (last + 1 < Width && _cells[row + last + 1].IsContinuation) _cells[row + last + 1].SymbolId = SymbolTable.SpaceId;
    }

    /// <summary>A buffer whose rows are the given lines (as wide as the widest), in the default style: expected screens in tests.</summary>
    public static CellBuffer FromLines(params string[] lines)
    {
        int width = lines.Length == 0 ? 0 : lines.Max(TextWidth.Of);
        var buffer = new CellBuffer(width, lines.Length);
        for (int y = 0; y < lines.Length; y++) buffer.SetString(0, y, lines[y], Style.Default);
        return buffer;
    }

    /// <summary>The text of each row; the right half of a wide grapheme adds nothing, so rows read as they look.</summary>
    public string[] ToLines()
    {
        var lines = new string[Height];
        var builder = new StringBuilder(Width);
        for (int y = 0; y < Height; y++)
        {
            builder.Clear();
            foreach (ref readonly Cell cell in Row(y)) builder.Append(cell.Symbol);
            lines[y] = builder.ToString();
        }
        return lines;
    }

    /// <summary>Copies every cell of <paramref name="source"/> that falls inside this buffer, at the same coordinates.</summary>
    public void CopyFrom(CellBuffer source)
    {
        int width = Math.Min(Width, source.Width);
        for (int y = 0; y < Math.Min(Height, source.Height); y++)
            source.Row(y)[..width].CopyTo(_cells.AsSpan(y * Width, width));
    }

    public override string ToString() => string.Join('\n', ToLines());
}
