using System.Buffers;
using System.Text;
using Tui.Terminal.Drawing;

namespace Tui.Terminal.Sanitizing;

/// <summary>
/// Turns untrusted text from a child process into a styled line that is safe to draw. SGR colour
/// and attribute sequences become span styles; everything else that could act on a terminal is
/// dropped: other CSI sequences (cursor moves, erase, modes), OSC (titles, clipboard writes,
/// hyperlinks), DCS/SOS/PM/APC strings, other escapes, C0 and C1 controls (bell, backspace, ...),
/// bidirectional overrides, and unpaired surrogates (shown as U+FFFD). Tabs expand to the next
/// multiple of <see cref="TabWidth"/> columns. A carriage return inside a line acts as on a
/// terminal for progress bars: the text after it replaces the text before it.
/// Parsing is a state machine over the line; no sequence survives into the next line, except the
/// SGR style, which the caller may carry (terminals keep colours across lines).
/// </summary>
public static class AnsiSanitizer
{
    public const int TabWidth = 8;

    /// <summary>Longest CSI parameter list kept for SGR parsing; longer sequences are skipped whole.</summary>
    public const int MaxCsiLength = 256;

    private const char Escape = '\u001B';
    private const char Bell = '\u0007';
    private const char C1Dcs = '\u0090', C1Sos = '\u0098', C1Csi = '\u009B', C1St = '\u009C', C1Osc = '\u009D', C1Pm = '\u009E', C1Apc = '\u009F';

    // Characters that need the slow path: C0, DEL, C1, bidirectional controls, BOM, and surrogates (checked for pairing).
    private static readonly SearchValues<char> Special = SearchValues.Create(BuildSpecial());

    private static string BuildSpecial()
    {
        var chars = new StringBuilder();
        for (char c = '\0'; c < ' '; c++) chars.Append(c);
        for (char c = '\u007F'; c <= '\u009F'; c++) chars.Append(c);
        chars.Append("\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uFEFF");
        for (char c = '\uD800'; c <= '\uDFFF'; c++) chars.Append(c);
        return chars.ToString();
    }

    private static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\uFEFF';

    /// <summary>The line in styles from its SGR sequences, starting from the default style.</summary>
    public static Line Sanitize(string text)
    {
        var style = Style.Default;
        return Sanitize(text, ref style);
    }

    /// <summary>UTF-8 bytes straight from a child: invalid sequences become U+FFFD first.</summary>
    public static Line Sanitize(ReadOnlySpan<byte> utf8, ref Style style) => Sanitize(Encoding.UTF8.GetString(utf8), ref style);

    /// <summary>
    /// The line, starting in <paramref name="style"/>; on return <paramref name="style"/> is the style
    /// in force at the end of the line, to carry into the next line of the same stream.
    /// </summary>
    public static Line Sanitize(string text, ref Style style)
    {
        if (text.AsSpan().IndexOfAny(Special) < 0)
            return text.Length == 0 ? Line.Empty : new Line([new Span(text, style)]); // the common case: no copy
        // One parser per thread, reused: sanitising runs for every line a child prints.
        var parser = _parser ??= new Parser();
        parser.Reset(style);
        parser.Run(text);
        style = parser.Style;
        return parser.ToLine();
    }

    /// <summary>Whether the text would reach the screen unchanged (no sequences, controls or tabs).</summary>
    public static bool IsPlain(string text) => text.AsSpan().IndexOfAny(Special) < 0;

    [ThreadStatic]
    private static Parser? _parser;

    private enum State { Ground, Escape, EscapeIntermediate, Csi, CsiIgnore, Osc, ControlString, ControlStringEscape, OscEscape }

    private sealed class Parser
    {
        private readonly List<Span> _spans = [];
        private readonly StringBuilder _text = new();
        private readonly char[] _csi = new char[MaxCsiLength];
        private int _csiLength;
        private int _column; // cells in the finished spans plus _text, for tab stops
        private int _textWidthCounted; // chars of _text already counted in _column
        private State _state = State.Ground;

        public Style Style { get; private set; }

        public void Reset(Style style)
        {
            _spans.Clear();
            _text.Clear();
            _csiLength = 0;
            _column = 0;
            _textWidthCounted = 0;
            _state = State.Ground;
            Style = style;
        }

        public void Run(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                switch (_state)
                {
                    case State.Ground: Ground(text, ref i); break;
                    case State.Escape: AfterEscape(c); break;
                    case State.EscapeIntermediate:
                        if (c is >= (char)0x30 and <= (char)0x7E) _state = State.Ground; // final byte ends it
                        else if (c == Escape) _state = State.Escape;
                        else if (c is < (char)0x20 or > (char)0x2F) _state = State.Ground; // broken: drop and go on
                        break;
                    case State.Csi or State.CsiIgnore: InCsi(c); break;
                    case State.Osc:
                        if (c == Bell || c == C1St) _state = State.Ground;
                        else if (c == Escape) _state = State.OscEscape;
                        break;
                    case State.OscEscape:
                        _state = c == '\\' ? State.Ground : State.Osc;
                        break;
                    case State.ControlString:
                        if (c == C1St) _state = State.Ground;
                        else if (c == Escape) _state = State.ControlStringEscape;
                        break;
                    case State.ControlStringEscape:
                        _state = c == '\\' ? State.Ground : State.ControlString;
                        break;
                }
            }
        }

        private void Ground(string text, ref int i)
        {
            char c = text[i];
            if (c >= ' ' && c != '\u007F' && !(c is >= '\u0080' and <= '\u009F') && !IsBidiControl(c) && !char.IsSurrogate(c))
            {
                // Copy the run of ordinary characters at once.
                int end = text.AsSpan(i).IndexOfAny(Special);
                int length = end < 0 ? text.Length - i : end;
                _text.Append(text, i, length);
                i += length - 1;
                return;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                _text.Append(c).Append(text[i + 1]);
                i++;
                return;
            }
            if (char.IsSurrogate(c))
            {
                _text.Append('\uFFFD');
                return;
            }
            switch (c)
            {
                case '\t': ExpandTab(); break;
                case '\r' when i + 1 < text.Length && text[i + 1] != '\n': CarriageReturn(); break;
                case Escape: _state = State.Escape; break;
                case C1Csi: StartCsi(); break;
                case C1Osc: _state = State.Osc; break;
                case C1Dcs or C1Sos or C1Pm or C1Apc: _state = State.ControlString; break;
                default: break; // every other control: dropped
            }
        }

        private void AfterEscape(char c)
        {
            switch (c)
            {
                case '[': StartCsi(); break;
                case ']': _state = State.Osc; break;
                case 'P' or 'X' or '^' or '_': _state = State.ControlString; break;
                case Escape: break;
                case >= (char)0x20 and <= (char)0x2F: _state = State.EscapeIntermediate; break;
                default: _state = State.Ground; break; // ESC 7, ESC c, ESC M ...: dropped
            }
        }

        private void StartCsi()
        {
            _csiLength = 0;
            _state = State.Csi;
        }

        private void InCsi(char c)
        {
            if (c is >= (char)0x40 and <= (char)0x7E)
            {
                if (_state == State.Csi && c == 'm' && IsPlainSgr()) SetStyle(SgrStyle.Apply(Style, _csi.AsSpan(0, _csiLength)));
                _state = State.Ground;
            }
            else if (c == Escape) _state = State.Escape;
            else if (c is >= (char)0x20 and <= (char)0x3F)
            {
                if (_state == State.Csi && _csiLength < MaxCsiLength) _csi[_csiLength++] = c;
                else _state = State.CsiIgnore;
            }
            else if (c >= (char)0x80 || c == '\u007F') _state = State.Ground; // not part of any sequence: a broken one ends here
            // C0 controls inside a sequence are dropped and the sequence goes on, as on a terminal.
        }

        /// <summary>Only digits, ';' and ':' — a private marker (CSI ? ... m, CSI > ... m) or an intermediate makes it something else.</summary>
        private bool IsPlainSgr()
        {
            foreach (char c in _csi.AsSpan(0, _csiLength))
                if (c is not ((>= '0' and <= '9') or ';' or ':')) return false;
            return true;
        }

        private void SetStyle(Style next)
        {
            if (next == Style) return;
            Flush();
            Style = next;
        }

        private void Flush()
        {
            if (_text.Length == 0) return;
            CountColumns();
            _spans.Add(new Span(_text.ToString(), Style));
            _text.Clear();
            _textWidthCounted = 0;
        }

        private void CountColumns()
        {
            if (_textWidthCounted == _text.Length) return;
            _column += TextWidth.Of(_text.ToString(_textWidthCounted, _text.Length - _textWidthCounted));
            _textWidthCounted = _text.Length;
        }

        private void ExpandTab()
        {
            CountColumns();
            int spaces = TabWidth - _column % TabWidth;
            _text.Append(' ', spaces);
            _column += spaces;
            _textWidthCounted = _text.Length;
        }

        private void CarriageReturn()
        {
            _spans.Clear();
            _text.Clear();
            _column = 0;
            _textWidthCounted = 0;
        }

        public Line ToLine()
        {
            Flush();
            return _spans.Count == 0 ? Line.Empty : new Line(_spans.ToArray());
        }
    }
}
