using Tui.Terminal.Backend;
using Tui.Terminal.Drawing;

namespace Tui.Terminal.Rendering;

/// <summary>
/// Sends frames to the terminal, writing only what differs from what the terminal already shows.
/// <list type="bullet">
/// <item>An unchanged frame writes nothing at all; any other frame is one write, wrapped in synchronized
/// output (CSI ?2026 h/l) so the terminal never shows half a frame.</item>
/// <item>Only rows whose bytes differ are looked at (a memcmp per row), and only cells that differ are
/// written. Cursor moves take the shortest form (nothing when the cursor is already there, CR, CR LF,
/// CUF, or a full CUP), and a gap of up to <see cref="MaxGapRewrite"/> unchanged plain cells is rewritten
/// instead of jumped over when its style is the one in use or the one needed next.</item>
/// <item>Styles change only where they differ, by the smallest SGR (see SgrEncoder); the pen and the
/// cursor position carry over between frames.</item>
/// <item>When rows of the new frame are rows of the screen shifted up or down (a log following its
/// output), the renderer has the terminal scroll them (DECSTBM + SU/SD) and then draws only the rows
/// that are new; see ScrollDetector. Detection needs no hint from the widgets.</item>
/// <item>The first frame, a frame of another size, and any frame after <see cref="Invalidate"/>
/// (resize, return from suspend) clear the screen and draw everything.</item>
/// </list>
/// </summary>
public sealed class Renderer
{
    /// <summary>Rewriting a few unchanged cells is shorter than a cursor move (CSI n C is 3-5 bytes).</summary>
    public const int MaxGapRewrite = 4;

    private const int Unknown = -1;

    private readonly ITerminalBackend _terminal;
    private readonly AnsiOutput _output = new();
    private CellBuffer? _screen; // what the terminal shows now
    private bool[] _changed = [];
    private ulong[] _screenHashes = [];
    private bool _screenHashesValid;
    private ulong[] _frameHashes = [];
    private bool _frameHashesFresh; // _frameHashes describe the frame being drawn
    private ulong _blankHash;
    private int _blankHashWidth = Unknown;
    private Pen? _pen; // null: unknown, the next style change starts with a reset
    private int _cursorX = Unknown, _cursorY = Unknown; // _cursorX == width: a wrap is pending at the end of row _cursorY
    private ColorDepth _colorDepth;

    public Renderer(ITerminalBackend terminal, ColorDepth colorDepth)
    {
        _terminal = terminal;
        _colorDepth = colorDepth;
    }

    public ColorDepth ColorDepth
    {
        get => _colorDepth;
        set
        {
            if (_colorDepth == value) return;
            _colorDepth = value;
            Invalidate();
        }
    }

    /// <summary>Whether shifted rows are scrolled by the terminal (on by default; off to compare the cost).</summary>
    public bool ScrollOptimization { get; set; } = true;

    public FrameStatistics LastFrame { get; private set; }

    public long TotalBytes { get; private set; }

    /// <summary>Forgets what the terminal shows: the next frame clears the screen and draws every cell.</summary>
    public void Invalidate()
    {
        _screen = null;
        _pen = null;
        _cursorX = _cursorY = Unknown;
    }

    /// <summary>
    /// Draws <paramref name="frame"/>, writing only the difference. Returns the bytes written (0 for an
    /// unchanged frame). The renderer keeps its own copy, so the caller may clear and reuse the buffer.
    /// </summary>
    public int Render(CellBuffer frame)
    {
        _output.Clear();
        _output.AppendAscii(TerminalSequences.BeginSynchronizedUpdate);
        int prefix = _output.Length;
        bool full = _screen is null || _screen.Width != frame.Width || _screen.Height != frame.Height;
        if (full) StartFullRepaint(frame);

        int changedRows = FindChangedRows(frame);
        int scrolls = 0, cells = 0;
        if (changedRows > 0)
        {
            if (ScrollOptimization && !full && changedRows >= ScrollDetector.MinRowsSaved)
            {
                scrolls = EmitScrolls(frame);
                if (scrolls > 0) FindChangedRows(frame);
            }
            cells = DrawChangedRows(frame);
        }
        _frameHashesFresh = false;

        if (_output.Length == prefix)
        {
            LastFrame = new FrameStatistics(0, 0, 0, full);
            return 0;
        }
        _output.AppendAscii(TerminalSequences.EndSynchronizedUpdate);
        _terminal.Write(_output.Bytes);
        TotalBytes += _output.Length;
        LastFrame = new FrameStatistics(_output.Length, cells, scrolls, full);
        return _output.Length;
    }

    private void StartFullRepaint(CellBuffer frame)
    {
        _screen = new CellBuffer(frame.Width, frame.Height);
        _changed = new bool[frame.Height];
        _screenHashesValid = false;
        _output.AppendAscii(TerminalSequences.ResetStyle);
        _output.AppendAscii(TerminalSequences.CursorHome);
        _output.AppendAscii(TerminalSequences.ClearScreen);
        _pen = Pen.Plain;
        _cursorX = 0;
        _cursorY = 0;
    }

    private int FindChangedRows(CellBuffer frame)
    {
        var screen = _screen!;
        int count = 0;
        for (int y = 0; y < frame.Height; y++)
        {
            // A memcmp of the row's bytes: an unchanged 200-cell row costs a few hundred nanoseconds.
            _changed[y] = !frame.RowBytes(y).SequenceEqual(screen.RowBytes(y));
            if (_changed[y]) count++;
        }
        return count;
    }

    private int EmitScrolls(CellBuffer frame)
    {
        EnsureHashes(frame);
        var screen = _screen!;
        int scrolls = 0, start = 0;
        while (ScrollDetector.FindNext(screen, _screenHashes, frame, _frameHashes, _blankHash, start) is var (operation, next))
        {
            EmitScroll(operation, frame.Height);
            ScrollDetector.Apply(screen, _screenHashes, operation, _blankHash);
            scrolls++;
            start = next;
        }
        return scrolls;
    }

    private void EnsureHashes(CellBuffer frame)
    {
        var screen = _screen!;
        if (_screenHashes.Length != frame.Height) (_screenHashes, _screenHashesValid) = (new ulong[frame.Height], false);
        if (_frameHashes.Length != frame.Height) _frameHashes = new ulong[frame.Height];
        if (!_screenHashesValid)
        {
            for (int y = 0; y < screen.Height; y++) _screenHashes[y] = ScrollDetector.RowHash(screen.RowBytes(y));
            _screenHashesValid = true;
        }
        for (int y = 0; y < frame.Height; y++)
            _frameHashes[y] = _changed[y] ? ScrollDetector.RowHash(frame.RowBytes(y)) : _screenHashes[y];
        _frameHashesFresh = true;
        if (_blankHashWidth != frame.Width)
        {
            var blank = new Cell[frame.Width]; // zeroed cells are blanks
            _blankHash = ScrollDetector.RowHash(System.Runtime.InteropServices.MemoryMarshal.AsBytes(blank.AsSpan()));
            _blankHashWidth = frame.Width;
        }
    }

    private void EmitScroll(ScrollOperation operation, int height)
    {
        // New rows are erased in the current background (BCE), so draw them from a plain pen.
        if (_pen != Pen.Plain)
        {
            _output.AppendAscii(TerminalSequences.ResetStyle);
            _pen = Pen.Plain;
        }
        bool wholeScreen = operation.Top == 0 && operation.Bottom == height - 1;
        if (!wholeScreen)
        {
            _output.Csi();
            _output.AppendNumber(operation.Top + 1);
            _output.Append((byte)';');
            _output.AppendNumber(operation.Bottom + 1);
            _output.Append((byte)'r');
        }
        _output.Csi();
        int lines = Math.Abs(operation.Lines);
        if (lines != 1) _output.AppendNumber(lines);
        _output.Append((byte)(operation.Lines > 0 ? 'S' : 'T'));
        if (!wholeScreen) _output.AppendAscii(TerminalSequences.ResetScrollRegion);
        _cursorX = _cursorY = Unknown; // setting the scroll region homes the cursor
    }

    private int DrawChangedRows(CellBuffer frame)
    {
        var screen = _screen!;
        int written = 0;
        for (int y = 0; y < frame.Height; y++)
        {
            if (!_changed[y]) continue;
            var next = frame.Row(y);
            var shown = screen.Row(y);
            for (int x = 0; x < next.Length;)
            {
                ref readonly Cell cell = ref next[x];
                if (cell.Equals(shown[x]) || cell.IsContinuation)
                {
                    x++;
                    continue;
                }
                var pen = Pen.For(cell, _colorDepth);
                MoveTo(x, y, next, pen);
                SgrEncoder.Transition(_output, _pen, pen);
                _pen = pen;
                WriteSymbol(cell.SymbolId);
                written++;
                x += x + 1 < next.Length && next[x + 1].IsContinuation ? 2 : 1;
                (_cursorX, _cursorY) = (x, y); // x == width: the terminal now holds a pending wrap
            }
            next.CopyTo(screen.Cells.Slice(y * frame.Width, frame.Width));
            if (_screenHashesValid)
                _screenHashes[y] = _frameHashesFresh ? _frameHashes[y] : ScrollDetector.RowHash(frame.RowBytes(y));
        }
        return written;
    }

    private void MoveTo(int x, int y, ReadOnlySpan<Cell> row, Pen pen)
    {
        int width = row.Length;
        if (_cursorY == y && _cursorX == x) return;
        bool known = _cursorY != Unknown;
        if (known && _cursorY == y && _cursorX < width && x > _cursorX)
        {
            if (x - _cursorX <= MaxGapRewrite && TryRewriteGap(row, _cursorX, x, pen)) return;
            _output.Csi();
            if (x - _cursorX != 1) _output.AppendNumber(x - _cursorX);
            _output.Append((byte)'C');
        }
        else if (known && x == 0 && _cursorY == y)
        {
            _output.Append((byte)'\r'); // CR also cancels a pending wrap
        }
        else if (known && x == 0 && y == _cursorY + 1)
        {
            // Safe even from a pending wrap: CR returns within the row, and LF above the last row never scrolls.
            _output.Append((byte)'\r');
            _output.Append((byte)'\n');
        }
        else
        {
            _output.Csi();
            _output.AppendNumber(y + 1);
            if (x > 0)
            {
                _output.Append((byte)';');
                _output.AppendNumber(x + 1);
            }
            _output.Append((byte)'H');
        }
        (_cursorX, _cursorY) = (x, y);
    }

    /// <summary>
    /// Writes the unchanged cells from..to-1 again instead of moving over them, when they are plain ASCII
    /// drawn in the pen in use or in the pen the next cell needs (then the style change comes first).
    /// </summary>
    private bool TryRewriteGap(ReadOnlySpan<Cell> row, int from, int to, Pen nextPen)
    {
        Pen? gapPen = null;
        for (int x = from; x < to; x++)
        {
            ref readonly Cell cell = ref row[x];
            int unit = SymbolTable.SingleUnitOf(cell.SymbolId);
            if (unit is < 0x20 or >= 0x7F || (x + 1 < row.Length && row[x + 1].IsContinuation)) return false;
            var pen = Pen.For(cell, _colorDepth);
            if (gapPen is { } first && first != pen) return false;
            gapPen = pen;
        }
        if (gapPen != _pen && gapPen != nextPen) return false;
        SgrEncoder.Transition(_output, _pen, gapPen!.Value);
        _pen = gapPen;
        for (int x = from; x < to; x++) _output.Append((byte)SymbolTable.SingleUnitOf(row[x].SymbolId));
        _cursorX = to;
        return true;
    }

    private void WriteSymbol(int id)
    {
        int unit = SymbolTable.SingleUnitOf(id);
        if (unit >= 0 && !char.IsSurrogate((char)unit)) _output.AppendChar((char)unit);
        else _output.AppendUtf8(SymbolTable.TextOf(id));
    }
}
