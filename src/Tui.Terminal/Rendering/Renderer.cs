using Tui.Terminal.Backend;
using Tui.Terminal.Drawing;

namespace Tui.Terminal.Rendering;

/// <summary>
/// Sends frames to the terminal, writing only what differs from what the terminal already shows.
/// <list type="bullet">
/// <item>An unchanged frame writes nothing at all; any other frame is one write, wrapped in synchronized
/// output (CSI ?2026 h/l) so the terminal never shows half a frame.</item>
/// <item>Cursor moves take the shortest form (nothing when the cursor is already there, CR, CR LF, CUF,
/// or a full CUP), and a gap of up to <see cref="MaxGapRewrite"/> unchanged cells in the current style
/// is rewritten instead of jumped over.</item>
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
    /// <summary>Rewriting a few unchanged cells is shorter than a cursor move (CSI n C is 4-5 bytes).</summary>
    public const int MaxGapRewrite = 4;

    private readonly ITerminalBackend _terminal;
    private readonly AnsiOutput _output = new();
    private CellBuffer? _screen; // what the terminal shows now
    private ulong[] _screenHashes = [];
    private bool _screenHashesValid;
    private ulong[] _frameHashes = [];
    private bool _frameHashesFresh; // _frameHashes describe the frame being drawn
    private ulong _blankHash;
    private int _blankHashWidth = -1;
    private Pen? _pen; // null: unknown, the next style change starts with a reset
    private int _cursorX = -1, _cursorY = -1; // -1: unknown
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
        _cursorX = _cursorY = -1;
    }

    /// <summary>Draws <paramref name="frame"/>, writing only the difference. Returns the bytes written (0 for an unchanged frame).</summary>
    public int Render(CellBuffer frame)
    {
        _output.Clear();
        _output.AppendAscii(TerminalSequences.BeginSynchronizedUpdate);
        int prefix = _output.Length;
        bool full = _screen is null || _screen.Width != frame.Width || _screen.Height != frame.Height;
        if (full) StartFullRepaint(frame);

        int scrolls = ScrollOptimization && !full ? EmitScrolls(frame) : 0;
        int cells = DrawDifferences(frame);

        _screen!.CopyFrom(frame);
        if (_frameHashesFresh)
        {
            (_screenHashes, _frameHashes) = (_frameHashes, _screenHashes);
            _screenHashesValid = true;
        }
        else _screenHashesValid = false;
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
        _screenHashesValid = false;
        _output.AppendAscii(TerminalSequences.ResetStyle);
        _output.AppendAscii(TerminalSequences.CursorHome);
        _output.AppendAscii(TerminalSequences.ClearScreen);
        _pen = Pen.Plain;
        _cursorX = 0;
        _cursorY = 0;
    }

    private int EmitScrolls(CellBuffer frame)
    {
        var screen = _screen!;
        // Cheap first test: shifting is only worth looking for when enough rows changed.
        int changedRows = 0;
        for (int y = 0; y < frame.Height && changedRows < ScrollDetector.MinRowsSaved; y++)
            if (!screen.Row(y).SequenceEqual(frame.Row(y))) changedRows++;
        if (changedRows < ScrollDetector.MinRowsSaved) return 0;

        EnsureHashes(frame);
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
        if (_screenHashes.Length != frame.Height) _screenHashes = new ulong[frame.Height];
        if (_frameHashes.Length != frame.Height) _frameHashes = new ulong[frame.Height];
        if (!_screenHashesValid)
        {
            for (int y = 0; y < screen.Height; y++) _screenHashes[y] = ScrollDetector.RowHash(screen.Row(y));
            _screenHashesValid = true;
        }
        for (int y = 0; y < frame.Height; y++) _frameHashes[y] = ScrollDetector.RowHash(frame.Row(y));
        _frameHashesFresh = true;
        if (_blankHashWidth != frame.Width)
        {
            var blank = new Cell[frame.Width];
            blank.AsSpan().Fill(Cell.Blank);
            _blankHash = ScrollDetector.RowHash(blank);
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
        _cursorX = _cursorY = -1; // setting the scroll region homes the cursor
    }

    private int DrawDifferences(CellBuffer frame)
    {
        var screen = _screen!;
        int written = 0;
        for (int y = 0; y < frame.Height; y++)
        {
            var next = frame.Row(y);
            var shown = screen.Row(y);
            if (next.SequenceEqual(shown)) continue;
            for (int x = 0; x < next.Length;)
            {
                ref readonly Cell cell = ref next[x];
                if (cell.Equals(shown[x]) || cell.IsContinuation)
                {
                    x++;
                    continue;
                }
                MoveTo(x, y, next);
                var pen = Pen.For(cell, _colorDepth);
                SgrEncoder.Transition(_output, _pen, pen);
                _pen = pen;
                _output.AppendUtf8(cell.Symbol);
                written++;
                int width = Math.Max(1, x + 1 < next.Length && next[x + 1].IsContinuation ? 2 : 1);
                x += width;
                Advance(x, y, frame.Width);
            }
        }
        return written;
    }

    private void Advance(int x, int y, int width)
    {
        // At the right edge the terminal holds a pending wrap; where the next character lands depends on
        // the terminal, so forget the position.
        if (x >= width) _cursorX = _cursorY = -1;
        else (_cursorX, _cursorY) = (x, y);
    }

    private void MoveTo(int x, int y, ReadOnlySpan<Cell> row)
    {
        if (_cursorY == y && _cursorX == x) return;
        if (_cursorY == y && _cursorX >= 0 && x > _cursorX)
        {
            if (x - _cursorX <= MaxGapRewrite && TryRewriteGap(row, _cursorX, x)) return;
            _output.Csi();
            if (x - _cursorX != 1) _output.AppendNumber(x - _cursorX);
            _output.Append((byte)'C');
        }
        else if (x == 0 && _cursorY == y && _cursorX >= 0)
        {
            _output.Append((byte)'\r');
        }
        else if (x == 0 && _cursorY >= 0 && y == _cursorY + 1)
        {
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

    /// <summary>Writes unchanged cells from..to-1 again when that is shorter than moving over them: narrow ASCII in the current pen.</summary>
    private bool TryRewriteGap(ReadOnlySpan<Cell> row, int from, int to)
    {
        for (int x = from; x < to; x++)
        {
            ref readonly Cell cell = ref row[x];
            if (cell.Symbol.Length != 1 || cell.Symbol[0] >= 0x80 || (x + 1 < row.Length && row[x + 1].IsContinuation)) return false;
            if (Pen.For(cell, _colorDepth) != _pen) return false;
        }
        for (int x = from; x < to; x++) _output.Append((byte)row[x].Symbol[0]);
        return true;
    }
}
