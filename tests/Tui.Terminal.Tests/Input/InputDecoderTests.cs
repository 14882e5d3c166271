using System.Text;
using Tui.Terminal.Input;

namespace Tui.Terminal.Tests.Input;

public class InputDecoderTests
{
    private const KeyModifiers Shift = KeyModifiers.Shift, Alt = KeyModifiers.Alt, Ctrl = KeyModifiers.Ctrl;

    private static KeyEvent K(Key key, KeyModifiers modifiers = KeyModifiers.None) => new(key, modifiers);
    private static KeyEvent C(string text, KeyModifiers modifiers = KeyModifiers.None) => KeyEvent.Char(text, modifiers);

    /// <summary>Bytes that xterm, tmux, rxvt and the Linux console send, and what they mean.</summary>
    public static TheoryData<string, string, InputEvent[]> Sequences => new()
    {
        // xterm, normal and application cursor mode, with modifiers
        { "xterm up", "\e[A", [K(Key.Up)] },
        { "xterm app-mode up", "\eOA", [K(Key.Up)] },
        { "xterm shift+up", "\e[1;2A", [K(Key.Up, Shift)] },
        { "xterm alt+left", "\e[1;3D", [K(Key.Left, Alt)] },
        { "xterm ctrl+right", "\e[1;5C", [K(Key.Right, Ctrl)] },
        { "xterm ctrl+shift+down", "\e[1;6B", [K(Key.Down, Ctrl | Shift)] },
        { "xterm meta counts as alt", "\e[1;9A", [K(Key.Up, Alt)] },
        { "xterm home/end", "\e[H\e[F\eOH\eOF", [K(Key.Home), K(Key.End), K(Key.Home), K(Key.End)] },
        { "xterm F1-F4", "\eOP\eOQ\eOR\eOS", [K(Key.F1), K(Key.F2), K(Key.F3), K(Key.F4)] },
        { "xterm F5-F12", "\e[15~\e[17~\e[18~\e[19~\e[20~\e[21~\e[23~\e[24~", [K(Key.F5), K(Key.F6), K(Key.F7), K(Key.F8), K(Key.F9), K(Key.F10), K(Key.F11), K(Key.F12)] },
        { "xterm ctrl+F1, shift+F5", "\e[1;5P\e[15;2~", [K(Key.F1, Ctrl), K(Key.F5, Shift)] },
        { "xterm edit keys", "\e[2~\e[3~\e[5~\e[6~", [K(Key.Insert), K(Key.Delete), K(Key.PageUp), K(Key.PageDown)] },
        { "xterm ctrl+delete, alt+pgup", "\e[3;5~\e[5;3~", [K(Key.Delete, Ctrl), K(Key.PageUp, Alt)] },
        { "shift+tab", "\e[Z", [K(Key.Tab, Shift)] },
        { "old xterm ctrl+F1", "\eO5P", [K(Key.F1, Ctrl)] },
        { "xterm modifyOtherKeys ctrl+enter", "\e[27;5;13~", [K(Key.Enter, Ctrl)] },
        { "kitty ctrl+a", "\e[97;5u", [C("a", Ctrl)] },
        { "kitty with subfields", "\e[97:65;5u", [C("a", Ctrl)] },
        // control bytes and text
        { "enter tab backspace", "\r\t\x7f\b", [K(Key.Enter), K(Key.Tab), K(Key.Backspace), K(Key.Backspace)] },
        { "ctrl letters", "\x03\x1a\x01", [C("c", Ctrl), C("z", Ctrl), C("a", Ctrl)] },
        { "ctrl+space and ctrl+backslash", "\0\x1c", [C(" ", Ctrl), C("\\", Ctrl)] },
        { "text", "q1 A", [C("q"), C("1"), C(" "), C("A")] },
        { "utf-8 text", "é日🚀", [C("é"), C("日"), C("🚀")] },
        { "alt+letter", "\ea\eQ", [C("a", Alt), C("Q", Alt)] },
        { "alt+backspace, alt+enter, ctrl+alt+c", "\e\x7f\e\r\e\x03", [K(Key.Backspace, Alt), K(Key.Enter, Alt), C("c", Ctrl | Alt)] },
        { "alt+utf-8", "\eé", [C("é", Alt)] },
        { "esc esc then a key", "\e\e[A", [K(Key.Escape), K(Key.Up)] },
        // tmux (TERM=tmux-256color / screen): vt220 Home/End, xterm-style modifiers
        { "tmux home/end", "\e[1~\e[4~", [K(Key.Home), K(Key.End)] },
        { "tmux shift+F1", "\e[1;2P", [K(Key.F1, Shift)] },
        { "tmux ctrl+left", "\e[1;5D", [K(Key.Left, Ctrl)] },
        // Linux console
        { "linux console F1-F5", "\e[[A\e[[B\e[[C\e[[D\e[[E", [K(Key.F1), K(Key.F2), K(Key.F3), K(Key.F4), K(Key.F5)] },
        { "linux console F6, home, end", "\e[17~\e[1~\e[4~", [K(Key.F6), K(Key.Home), K(Key.End)] },
        // rxvt
        { "rxvt home/end", "\e[7~\e[8~", [K(Key.Home), K(Key.End)] },
        { "rxvt shift/ctrl arrows", "\e[a\eOd", [K(Key.Up, Shift), K(Key.Left, Ctrl)] },
        // mouse (SGR 1006 and legacy X10)
        { "sgr mouse press and release", "\e[<0;10;5M\e[<0;10;5m", [new MouseEvent(MouseAction.Press, MouseButton.Left, 9, 4), new MouseEvent(MouseAction.Release, MouseButton.Left, 9, 4)] },
        { "sgr mouse right press with ctrl", "\e[<18;2;3M", [new MouseEvent(MouseAction.Press, MouseButton.Right, 1, 2, Ctrl)] },
        { "sgr mouse drag", "\e[<32;11;5M", [new MouseEvent(MouseAction.Drag, MouseButton.Left, 10, 4)] },
        { "sgr mouse move", "\e[<35;3;3M", [new MouseEvent(MouseAction.Move, MouseButton.None, 2, 2)] },
        { "sgr wheel", "\e[<64;1;1M\e[<65;200;60M", [new MouseEvent(MouseAction.Scroll, MouseButton.WheelUp, 0, 0), new MouseEvent(MouseAction.Scroll, MouseButton.WheelDown, 199, 59)] },
        { "x10 mouse press", "\e[M !!", [new MouseEvent(MouseAction.Press, MouseButton.Left, 0, 0)] },
        // paste and focus
        { "bracketed paste keeps escapes and newlines as text", "\e[200~hi\e[A\r\nthere\e[201~x", [new PasteEvent("hi\e[A\r\nthere"), C("x")] },
        { "paste with a partial end marker inside", "\e[200~a\e[201b\e[201~", [new PasteEvent("a\e[201b")] },
        { "focus in/out", "\e[I\e[O", [new FocusEvent(true), new FocusEvent(false)] },
        // broken and unknown input is dropped, and what follows still decodes
        { "terminal replies are dropped", "\e[?62;22c\e[>1;2c\e[12;40Rx", [C("x")] },
        { "overlong sequence", "\e[" + new string('1', 500) + "Ax", [C("x")] },
        { "sequence broken by a control byte", "\e[1;5\x03", [C("c", Ctrl)] },
        { "invalid utf-8", "\u00ff\u00c3a\u0080b", [C("a"), C("b")] },
        { "unknown final byte", "\e[5;5zq", [C("q")] },
    };

    private static byte[] Bytes(string text) =>
        // Strings here mix real UTF-8 text with raw bytes written as \xNN; chars above 0xFF are UTF-8 encoded.
        text.Any(c => c > 0xFF) || text.Contains('é') ? Encoding.UTF8.GetBytes(text) : text.Select(c => (byte)c).ToArray();

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Decodes_whole(string name, string input, InputEvent[] expected)
    {
        _ = name;
        Assert.Equal(expected, new InputDecoder().Feed(Bytes(input)));
    }

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Decodes_the_same_when_split_at_every_byte_boundary(string name, string input, InputEvent[] expected)
    {
        _ = name;
        var bytes = Bytes(input);
        for (int split = 1; split < bytes.Length; split++)
        {
            var decoder = new InputDecoder();
            var events = decoder.Feed(bytes.AsSpan(0, split)).Concat(decoder.Feed(bytes.AsSpan(split))).ToArray();
            Assert.True(expected.SequenceEqual(events), $"split at {split}: got {string.Join(", ", events.Select(e => e.ToString()))}");
        }
        var oneByOne = new InputDecoder();
        Assert.Equal(expected, bytes.SelectMany(b => oneByOne.Feed([b])).ToArray());
    }

    [Fact]
    public void A_lone_escape_is_held_until_it_expires()
    {
        var decoder = new InputDecoder();
        Assert.Empty(decoder.Feed("\e"u8));
        Assert.Equal(InputDecoder.EscapeTimeout, decoder.PendingTimeout);
        Assert.Equal([K(Key.Escape)], decoder.Expire());
        Assert.Null(decoder.PendingTimeout);
    }

    [Fact]
    public void An_expired_escape_bracket_is_alt_bracket()
    {
        var decoder = new InputDecoder();
        decoder.Feed("\e["u8);
        Assert.Equal([C("[", Alt)], decoder.Expire());
    }

    [Fact]
    public void A_paste_longer_than_the_limit_is_cut_and_marked()
    {
        var decoder = new InputDecoder();
        decoder.Feed("\e[200~"u8);
        var chunk = Enumerable.Repeat((byte)'a', 64 * 1024).ToArray();
        for (int i = 0; i < 20; i++) Assert.Empty(decoder.Feed(chunk));
        var paste = Assert.IsType<PasteEvent>(Assert.Single(decoder.Feed("\e[201~"u8)));
        Assert.Equal(InputDecoder.MaxPasteBytes, paste.Text.Length);
        Assert.True(paste.Truncated);
    }

    [Fact]
    public void Random_bytes_never_crash_the_decoder_and_it_returns_to_ground()
    {
        var random = new Random(11);
        byte[] alphabet = [0x1B, (byte)'[', (byte)'O', (byte)'<', (byte)';', (byte)'1', (byte)'2', (byte)'0', (byte)'~', (byte)'M', (byte)'m', (byte)'A', 0xE6, 0x97, 0xA5, 0x7F, 0x0D];
        var decoder = new InputDecoder();
        for (int n = 0; n < 20000; n++)
        {
            var bytes = new byte[random.Next(1, 16)];
            for (int i = 0; i < bytes.Length; i++) bytes[i] = random.Next(5) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
            decoder.Feed(bytes);
            if (random.Next(10) == 0) decoder.Expire();
        }
        decoder.Expire();
        Assert.Equal(DecoderState.Ground, decoder.State);
        Assert.Equal([C("x")], decoder.Feed("x"u8));
    }
}
