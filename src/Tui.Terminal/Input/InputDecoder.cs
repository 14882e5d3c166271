using System.Text;

namespace Tui.Terminal.Input;

/// <summary>
/// Turns the bytes a terminal sends into key, mouse, paste and focus events. A state machine
/// (<see cref="DecoderState"/>) fed any split of the stream: a sequence cut across two reads
/// decodes the same as whole. Unknown or broken sequences are dropped, never thrown on, and every
/// buffer it holds is bounded. A lone ESC is ambiguous (the Esc key, or the start of a sequence);
/// the decoder holds it and the caller calls <see cref="Expire"/> when <see cref="PendingTimeout"/>
/// has passed with no more input (see <see cref="InputReader"/>, which does this on an IScheduler).
/// </summary>
internal sealed class InputDecoder
{
    /// <summary>How long a held ESC waits for the rest of a sequence. Terminals send a sequence in one write; 50 ms covers a slow SSH hop and is below what a person notices.</summary>
    public static readonly TimeSpan EscapeTimeout = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a bracketed paste may pause before it is taken as ended (a terminal that lost the end marker must not swallow all later keys).</summary>
    public static readonly TimeSpan PasteTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Longest CSI parameter list kept: the longest real one (SGR mouse on a huge screen) is under 20 bytes.</summary>
    public const int MaxSequenceLength = 64;

    /// <summary>Largest paste kept (1 MiB); the rest is dropped up to the end marker.</summary>
    public const int MaxPasteBytes = 1 << 20;

    private static readonly byte[] PasteEnd = "\e[201~"u8.ToArray();

    private readonly List<InputEvent> _events = [];
    private readonly StringBuilder _parameters = new(MaxSequenceLength);
    private readonly byte[] _utf8 = new byte[4];
    private int _utf8Length, _utf8Expected;
    private bool _utf8Alt;
    private readonly List<byte> _paste = [];
    private int _pasteMatched; // bytes of PasteEnd matched so far
    private bool _pasteOverflow;
    private readonly byte[] _x10 = new byte[3];
    private int _x10Length;
    private char _ss3Modifier;

    public DecoderState State { get; private set; } = DecoderState.Ground;

    /// <summary>How long to wait for more input before <see cref="Expire"/>; null when nothing is held.</summary>
    public TimeSpan? PendingTimeout => State switch
    {
        DecoderState.Ground => null,
        DecoderState.Paste => PasteTimeout,
        _ => EscapeTimeout,
    };

    /// <summary>Decodes <paramref name="bytes"/> and returns the events completed by them.</summary>
    public IReadOnlyList<InputEvent> Feed(ReadOnlySpan<byte> bytes)
    {
        _events.Clear();
        foreach (byte b in bytes) Step(b);
        return _events.ToArray();
    }

    /// <summary>No more input came in time: a held ESC is the Esc key, ESC [ and ESC O are Alt+[ and Alt+O, a paste ends, anything else held is dropped.</summary>
    public IReadOnlyList<InputEvent> Expire()
    {
        _events.Clear();
        switch (State)
        {
            case DecoderState.Escape: Emit(new KeyEvent(Key.Escape)); break;
            case DecoderState.Csi when _parameters.Length == 0: Emit(KeyEvent.Char('[', KeyModifiers.Alt)); break;
            case DecoderState.Ss3 when _ss3Modifier == '\0': Emit(KeyEvent.Char('O', KeyModifiers.Alt)); break;
            case DecoderState.Paste: EndPaste(); break;
        }
        State = DecoderState.Ground;
        return _events.ToArray();
    }

    private void Emit(InputEvent e) => _events.Add(e);

    private void Step(byte b)
    {
        switch (State)
        {
            case DecoderState.Ground: Ground(b, alt: false); break;
            case DecoderState.Escape: AfterEscape(b); break;
            case DecoderState.Csi or DecoderState.CsiIgnore: InCsi(b); break;
            case DecoderState.Ss3: InSs3(b); break;
            case DecoderState.LinuxFunctionKey:
                State = DecoderState.Ground;
                if (KeyTables.LinuxFunction.TryGetValue((char)b, out var f)) Emit(new KeyEvent(f));
                break;
            case DecoderState.X10Mouse: InX10Mouse(b); break;
            case DecoderState.Utf8: InUtf8(b); break;
            case DecoderState.Paste: InPaste(b); break;
        }
    }

    private void Ground(byte b, bool alt)
    {
        var modifiers = alt ? KeyModifiers.Alt : KeyModifiers.None;
        switch (b)
        {
            case 0x1B: State = DecoderState.Escape; break;
            case 0x0D or 0x0A: Emit(new KeyEvent(Key.Enter, modifiers)); break;
            case 0x09: Emit(new KeyEvent(Key.Tab, modifiers)); break;
            case 0x7F or 0x08: Emit(new KeyEvent(Key.Backspace, modifiers)); break;
            case 0x00: Emit(KeyEvent.Char(' ', modifiers | KeyModifiers.Ctrl)); break;
            case < 0x1B: Emit(KeyEvent.Char((char)('a' + b - 1), modifiers | KeyModifiers.Ctrl)); break;
            case < 0x20: Emit(KeyEvent.Char((char)('\\' + b - 0x1C), modifiers | KeyModifiers.Ctrl)); break; // Ctrl+\ ] ^ _
            case < 0x80: Emit(KeyEvent.Char((char)b, modifiers)); break;
            default: StartUtf8(b, alt); break;
        }
    }

    private void AfterEscape(byte b)
    {
        switch (b)
        {
            case (byte)'[':
                _parameters.Clear();
                State = DecoderState.Csi;
                break;
            case (byte)'O':
                _ss3Modifier = '\0';
                State = DecoderState.Ss3;
                break;
            case 0x1B:
                Emit(new KeyEvent(Key.Escape)); // Esc pressed twice, or Esc then a sequence
                break;
            default:
                State = DecoderState.Ground;
                Ground(b, alt: true); // ESC x: Alt+x, as xterm (metaSendsEscape), tmux and the console send it
                break;
        }
    }

    private void InCsi(byte b)
    {
        if (b is >= 0x40 and <= 0x7E)
        {
            bool ignored = State == DecoderState.CsiIgnore;
            State = DecoderState.Ground;
            if (!ignored) DispatchCsi((char)b);
        }
        else if (b is >= 0x20 and <= 0x3F)
        {
            if (_parameters.Length < MaxSequenceLength) _parameters.Append((char)b);
            else State = DecoderState.CsiIgnore;
        }
        else
        {
            // Not part of a CSI sequence: the sequence is broken. Drop it and read the byte afresh.
            State = DecoderState.Ground;
            Step(b);
        }
    }

    private void DispatchCsi(char final)
    {
        string p = _parameters.ToString();
        if (p.StartsWith('<'))
        {
            if (final is 'M' or 'm') SgrMouse(p[1..], final == 'm');
            return;
        }
        if (p.Length > 0 && !char.IsAsciiDigit(p[0]) && p[0] != ';') return; // other private sequences: replies we never asked for

        Span<int> values = stackalloc int[4];
        int count = ParseNumbers(p, values);
        int first = count > 0 ? values[0] : 0;
        var modifiers = count > 1 ? KeyTables.Modifiers(values[1]) : KeyModifiers.None;

        switch (final)
        {
            case '~' when first == 200:
                State = DecoderState.Paste;
                _paste.Clear();
                _pasteMatched = 0;
                _pasteOverflow = false;
                break;
            case '~' when first == 27 && count >= 3:
                // xterm modifyOtherKeys: CSI 27 ; mod ; code ~
                EmitCodePoint(values[2], KeyTables.Modifiers(values[1]));
                break;
            case '~' when KeyTables.Tilde.TryGetValue(first, out var key):
                Emit(new KeyEvent(key, modifiers));
                break;
            case 'u' when count >= 1:
                // fixterms / kitty: CSI code ; mod u
                EmitCodePoint(first, modifiers);
                break;
            case 'Z':
                Emit(new KeyEvent(Key.Tab, KeyModifiers.Shift | modifiers));
                break;
            case 'I' when p.Length == 0: Emit(new FocusEvent(true)); break;
            case 'O' when p.Length == 0: Emit(new FocusEvent(false)); break;
            case '[' when p.Length == 0: State = DecoderState.LinuxFunctionKey; break;
            case 'M' when p.Length == 0:
                _x10Length = 0;
                State = DecoderState.X10Mouse;
                break;
            case 'M': break; // CSI n M is not a key
            default:
                // xterm sends "1;mod" before a letter; any other first number is a reply (e.g. a cursor report, CSI row;col R).
                if (first > 1) break;
                if (KeyTables.Letter.TryGetValue(final, out var letterKey)) Emit(new KeyEvent(letterKey, modifiers));
                else if (p.Length == 0 && KeyTables.RxvtArrow.TryGetValue(final, out var shifted)) Emit(new KeyEvent(shifted, KeyModifiers.Shift));
                break;
        }
    }

    private void EmitCodePoint(int codePoint, KeyModifiers modifiers)
    {
        switch (codePoint)
        {
            case 13: Emit(new KeyEvent(Key.Enter, modifiers)); return;
            case 9: Emit(new KeyEvent(Key.Tab, modifiers)); return;
            case 27: Emit(new KeyEvent(Key.Escape, modifiers)); return;
            case 127 or 8: Emit(new KeyEvent(Key.Backspace, modifiers)); return;
        }
        if (!Rune.IsValid(codePoint) || codePoint < 0x20) return;
        string text = new Rune(codePoint).ToString();
        // Shift is already in the character ('A' rather than Shift+a) unless it modifies a control key.
        if (modifiers.HasFlag(KeyModifiers.Shift) && text.ToLowerInvariant() != text.ToUpperInvariant()) modifiers &= ~KeyModifiers.Shift;
        Emit(KeyEvent.Char(modifiers.HasFlag(KeyModifiers.Ctrl) ? text.ToLowerInvariant() : text, modifiers));
    }

    private void InSs3(byte b)
    {
        if (b is >= (byte)'1' and <= (byte)'9' && _ss3Modifier == '\0')
        {
            _ss3Modifier = (char)b; // old xterm: ESC O 5 P is Ctrl+F1
            return;
        }
        State = DecoderState.Ground;
        var modifiers = _ss3Modifier == '\0' ? KeyModifiers.None : KeyTables.Modifiers(_ss3Modifier - '0');
        if (KeyTables.Letter.TryGetValue((char)b, out var key)) Emit(new KeyEvent(key, modifiers));
        else if (KeyTables.RxvtArrow.TryGetValue((char)b, out var arrow)) Emit(new KeyEvent(arrow, KeyModifiers.Ctrl));
    }

    private void SgrMouse(string parameters, bool release)
    {
        Span<int> v = stackalloc int[3];
        if (ParseNumbers(parameters, v) != 3) return;
        Mouse(v[0], v[1] - 1, v[2] - 1, release);
    }

    private void InX10Mouse(byte b)
    {
        _x10[_x10Length++] = b;
        if (_x10Length < 3) return;
        State = DecoderState.Ground;
        // X10: each value is offset by 32; button 3 means "released, which one unknown".
        int code = _x10[0] - 32;
        bool release = (code & 3) == 3 && (code & 64) == 0 && (code & 32) == 0;
        Mouse(code, _x10[1] - 33, _x10[2] - 33, release);
    }

    private void Mouse(int code, int x, int y, bool release)
    {
        if (x < 0 || y < 0) return;
        var modifiers = KeyModifiers.None;
        if ((code & 4) != 0) modifiers |= KeyModifiers.Shift;
        if ((code & 8) != 0) modifiers |= KeyModifiers.Alt;
        if ((code & 16) != 0) modifiers |= KeyModifiers.Ctrl;
        int button = code & 3;
        if ((code & 64) != 0)
        {
            var wheel = button switch { 0 => MouseButton.WheelUp, 1 => MouseButton.WheelDown, 2 => MouseButton.WheelLeft, _ => MouseButton.WheelRight };
            Emit(new MouseEvent(MouseAction.Scroll, wheel, x, y, modifiers));
            return;
        }
        var which = button switch { 0 => MouseButton.Left, 1 => MouseButton.Middle, 2 => MouseButton.Right, _ => MouseButton.None };
        var action = (code & 32) != 0 ? (which == MouseButton.None ? MouseAction.Move : MouseAction.Drag)
            : release ? MouseAction.Release : MouseAction.Press;
        Emit(new MouseEvent(action, which, x, y, modifiers));
    }

    private void StartUtf8(byte b, bool alt)
    {
        int expected = b switch { >= 0xF0 and <= 0xF4 => 4, >= 0xE0 and <= 0xEF => 3, >= 0xC2 and <= 0xDF => 2, _ => 0 };
        if (expected == 0) return; // a stray continuation byte or an invalid lead: dropped
        _utf8[0] = b;
        _utf8Length = 1;
        _utf8Expected = expected;
        _utf8Alt = alt;
        State = DecoderState.Utf8;
    }

    private void InUtf8(byte b)
    {
        if ((b & 0xC0) != 0x80)
        {
            State = DecoderState.Ground; // broken character: drop it, read this byte afresh
            Step(b);
            return;
        }
        _utf8[_utf8Length++] = b;
        if (_utf8Length < _utf8Expected) return;
        State = DecoderState.Ground;
        if (Rune.DecodeFromUtf8(_utf8.AsSpan(0, _utf8Length), out var rune, out _) == System.Buffers.OperationStatus.Done)
            Emit(KeyEvent.Char(rune.ToString(), _utf8Alt ? KeyModifiers.Alt : KeyModifiers.None));
    }

    private void InPaste(byte b)
    {
        if (b == PasteEnd[_pasteMatched])
        {
            if (++_pasteMatched == PasteEnd.Length) EndPaste();
            return;
        }
        // A partial end marker that did not continue was pasted text after all.
        for (int i = 0; i < _pasteMatched; i++) AddPasteByte(PasteEnd[i]);
        _pasteMatched = 0;
        if (b == PasteEnd[0])
        {
            _pasteMatched = 1;
            return;
        }
        AddPasteByte(b);
    }

    private void AddPasteByte(byte b)
    {
        if (_paste.Count < MaxPasteBytes) _paste.Add(b);
        else _pasteOverflow = true;
    }

    private void EndPaste()
    {
        State = DecoderState.Ground;
        _pasteMatched = 0;
        Emit(new PasteEvent(Encoding.UTF8.GetString([.. _paste])) { Truncated = _pasteOverflow });
        _paste.Clear();
        _pasteOverflow = false;
    }

    private static int ParseNumbers(string text, Span<int> values)
    {
        const int MaxValue = 1_000_000; // beyond any key code or coordinate; clamped so parsing cannot overflow
        int count = 0, value = 0;
        bool any = false, subfield = false;
        foreach (char c in text)
        {
            if (subfield)
            {
                // kitty's ':' subfields (alternate keys, event type): the base value is enough; the ';' after them ends them.
                subfield = c != ';';
                continue;
            }
            if (char.IsAsciiDigit(c))
            {
                value = Math.Min(MaxValue, value * 10 + (c - '0'));
                any = true;
            }
            else if (c is ';' or ':')
            {
                if (count < values.Length) values[count++] = value;
                value = 0;
                any = false;
                subfield = c == ':';
            }
        }
        if ((any || text.EndsWith(';')) && !subfield && count < values.Length) values[count++] = value;
        return count;
    }
}
