using System.Text;
using Tui.Terminal.Drawing;

namespace Tui.Terminal.Tests.Rendering;

/// <summary>
/// A small VT/xterm emulator for tests: it replays the bytes a renderer wrote and keeps the screen
/// they produce, so a test can check that the output draws exactly the frame (text and styles).
/// It knows what the renderer uses: printable UTF-8 with wide characters, CR, LF, CUP, CUF/CUB/CUU/CUD,
/// ED, EL, SGR (16/256/RGB), DECSTBM, SU/SD, autowrap with pending wrap, and the private modes
/// (recorded, not acted on).
/// </summary>
internal sealed class VirtualScreen
{
    private readonly Cell[,] _cells;
    private Cell _pen = Cell.Blank;
    private bool _pendingWrap;
    private int _top, _bottom;
    private readonly Decoder _utf8 = Encoding.UTF8.GetDecoder();

    public int Width { get; }
    public int Height { get; }
    public int CursorX { get; private set; }
    public int CursorY { get; private set; }
    public Dictionary<int, bool> PrivateModes { get; } = [];
    public List<string> UnknownSequences { get; } = [];

    public VirtualScreen(int width, int height)
    {
        Width = width;
        Height = height;
        _cells = new Cell[width, height];
        _bottom = height - 1;
        Erase(0, 0, width, height);
    }

    public void Feed(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        int count = _utf8.GetChars(bytes, chars, flush: false);
        Feed(chars.AsSpan(0, count));
    }

    private void Feed(ReadOnlySpan<char> text)
    {
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\e')
            {
                i = Escape(text, i + 1);
                continue;
            }
            if (c == '\r') { CursorX = 0; _pendingWrap = false; i++; continue; }
            if (c == '\n') { LineFeed(); i++; continue; }
            if (c < 0x20) { i++; continue; }
            int start = i;
            while (i < text.Length && text[i] >= 0x20 && text[i] != '\e') i++;
            Print(text[start..i]);
        }
    }

    private void Print(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            int length = TextWidth.NextGraphemeLength(text);
            var grapheme = text[..length];
            text = text[length..];
            int width = TextWidth.OfGrapheme(grapheme);
            if (width == 0) continue;
            if (_pendingWrap)
            {
                CursorX = 0;
                LineFeed();
            }
            if (CursorX + width > Width)
            {
                CursorX = 0;
                LineFeed();
            }
            PutCell(CursorX, CursorY, grapheme.ToString(), width);
            CursorX += width;
            if (CursorX >= Width)
            {
                CursorX = Width - 1;
                _pendingWrap = true;
            }
        }
    }

    private void PutCell(int x, int y, string symbol, int width)
    {
        // Overwriting half of a wide character erases the other half, as terminals do.
        if (_cells[x, y].IsContinuation && x > 0) _cells[x - 1, y].Symbol = " ";
        var cell = _pen;
        cell.Symbol = symbol;
        _cells[x, y] = cell;
        if (width == 2)
        {
            cell.Symbol = Cell.Continuation;
            _cells[x + 1, y] = cell;
        }
        int after = x + width;
        if (after < Width && _cells[after, y].IsContinuation) _cells[after, y].Symbol = " ";
    }

    private void LineFeed()
    {
        _pendingWrap = false;
        if (CursorY == _bottom) ScrollUp(_top, _bottom, 1);
        else if (CursorY < Height - 1) CursorY++;
    }

    private int Escape(ReadOnlySpan<char> text, int i)
    {
        if (i >= text.Length) return i;
        if (text[i] != '[')
        {
            UnknownSequences.Add("ESC " + text[i]);
            return i + 1;
        }
        int start = ++i;
        while (i < text.Length && text[i] is >= (char)0x30 and <= (char)0x3F) i++;
        if (i >= text.Length) return i;
        string parameters = text[start..i].ToString();
        char final = text[i];
        Csi(parameters, final);
        return i + 1;
    }

    private void Csi(string parameters, char final)
    {
        if (parameters.StartsWith('?'))
        {
            foreach (var mode in parameters[1..].Split(';')) PrivateModes[int.Parse(mode)] = final == 'h';
            return;
        }
        int[] p = parameters.Length == 0 ? [] : parameters.Split(';').Select(s => s.Length == 0 ? 0 : int.Parse(s)).ToArray();
        int Arg(int index, int fallback) => index < p.Length && p[index] != 0 ? p[index] : fallback;
        _pendingWrap = false;
        switch (final)
        {
            case 'H' or 'f':
                CursorY = Math.Clamp(Arg(0, 1) - 1, 0, Height - 1);
                CursorX = Math.Clamp(Arg(1, 1) - 1, 0, Width - 1);
                break;
            case 'C': CursorX = Math.Min(Width - 1, CursorX + Arg(0, 1)); break;
            case 'D': CursorX = Math.Max(0, CursorX - Arg(0, 1)); break;
            case 'A': CursorY = Math.Max(0, CursorY - Arg(0, 1)); break;
            case 'B': CursorY = Math.Min(Height - 1, CursorY + Arg(0, 1)); break;
            case 'J' when Arg(0, 0) == 2: Erase(0, 0, Width, Height); break;
            case 'K': Erase(CursorX, CursorY, Width - CursorX, 1); break;
            case 'r':
                _top = Arg(0, 1) - 1;
                _bottom = Arg(1, Height) - 1;
                CursorX = CursorY = 0;
                break;
            case 'S': ScrollUp(_top, _bottom, Arg(0, 1)); break;
            case 'T': ScrollDown(_top, _bottom, Arg(0, 1)); break;
            case 'm': Sgr(p.Length == 0 ? [0] : p); break;
            default: UnknownSequences.Add($"CSI {parameters}{final}"); break;
        }
    }

    private void Sgr(int[] p)
    {
        for (int i = 0; i < p.Length; i++)
        {
            int v = p[i];
            switch (v)
            {
                case 0: _pen = Cell.Blank; break;
                case 1: _pen.Modifiers |= Modifiers.Bold; break;
                case 2: _pen.Modifiers |= Modifiers.Dim; break;
                case 3: _pen.Modifiers |= Modifiers.Italic; break;
                case 4: _pen.Modifiers |= Modifiers.Underline; break;
                case 7: _pen.Modifiers |= Modifiers.Reverse; break;
                case 9: _pen.Modifiers |= Modifiers.Strikethrough; break;
                case 22: _pen.Modifiers &= ~(Modifiers.Bold | Modifiers.Dim); break;
                case 23: _pen.Modifiers &= ~Modifiers.Italic; break;
                case 24: _pen.Modifiers &= ~Modifiers.Underline; break;
                case 27: _pen.Modifiers &= ~Modifiers.Reverse; break;
                case 29: _pen.Modifiers &= ~Modifiers.Strikethrough; break;
                case >= 30 and <= 37: _pen.Foreground = Color.FromIndex((byte)(v - 30)); break;
                case >= 40 and <= 47: _pen.Background = Color.FromIndex((byte)(v - 40)); break;
                case >= 90 and <= 97: _pen.Foreground = Color.FromIndex((byte)(v - 90 + 8)); break;
                case >= 100 and <= 107: _pen.Background = Color.FromIndex((byte)(v - 100 + 8)); break;
                case 39: _pen.Foreground = Color.Default; break;
                case 49: _pen.Background = Color.Default; break;
                case 38 or 48:
                    Color color;
                    if (p[i + 1] == 5) { color = Color.FromIndex((byte)p[i + 2]); i += 2; }
                    else { color = Color.FromRgb((byte)p[i + 2], (byte)p[i + 3], (byte)p[i + 4]); i += 4; }
                    if (v == 38) _pen.Foreground = color; else _pen.Background = color;
                    break;
                default: UnknownSequences.Add($"SGR {v}"); break;
            }
        }
    }

    private void ScrollUp(int top, int bottom, int lines)
    {
        for (int y = top; y <= bottom; y++)
            for (int x = 0; x < Width; x++)
                _cells[x, y] = y + lines <= bottom ? _cells[x, y + lines] : Blank();
    }

    private void ScrollDown(int top, int bottom, int lines)
    {
        for (int y = bottom; y >= top; y--)
            for (int x = 0; x < Width; x++)
                _cells[x, y] = y - lines >= top ? _cells[x, y - lines] : Blank();
    }

    // Erased cells take the current background (BCE), like xterm.
    private Cell Blank() => new(" ", Color.Default, _pen.Background, Modifiers.None);

    private void Erase(int x0, int y0, int width, int height)
    {
        for (int y = y0; y < y0 + height; y++)
            for (int x = x0; x < x0 + width; x++)
                _cells[x, y] = Blank();
    }

    public CellBuffer ToBuffer()
    {
        var buffer = new CellBuffer(Width, Height);
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
                buffer[x, y] = _cells[x, y];
        return buffer;
    }
}
