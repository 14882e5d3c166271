using System.Buffers;
using System.Text;

namespace Tui.Toml.Parsing;

/// <summary>
/// The four TOML string kinds: "basic", 'literal', """multi-line basic""" and '''multi-line literal'''.
/// Plain runs are found with a vectorised search and copied in one piece; a buffer is used only once an
/// escape or a CRLF forces the value to differ from the source text.
/// </summary>
internal sealed class StringParser
{
    /// <summary>Longest run of quotes allowed right before a multi-line closing delimiter (1*2 quotes, TOML ABNF).</summary>
    private const int MaxQuotesBeforeClosing = 2;

    private const string ControlCharacters =
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\n\u000B\u000C\r\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F";

    // Everything that ends a plain run: the closing quote, the escape character (basic only), and control characters except tab.
    private static readonly SearchValues<char> BasicStoppers = SearchValues.Create("\"\\" + ControlCharacters);
    private static readonly SearchValues<char> LiteralStoppers = SearchValues.Create("'" + ControlCharacters);

    private readonly Scanner _s;
    private readonly StringBuilder _buffer = new();
    // Short values repeat a lot in a config ("on-failure", "10s", "--port"); plain ones share one string each.
    private readonly StringCache _values = new();

    public StringParser(Scanner scanner) => _s = scanner;

    /// <summary>Parses the string whose opening quote is at the cursor. Keys may not be multi-line strings.</summary>
    public string Parse(bool allowMultiline)
    {
        var quote = _s.Peek();
        var isMultiline = _s.Peek(1) == quote && _s.Peek(2) == quote;
        if (isMultiline && !allowMultiline)
            throw _s.Error("a key cannot be a multi-line string");
        return (quote, isMultiline) switch
        {
            ('"', false) => SingleLine(BasicStoppers, isBasic: true),
            ('\'', false) => SingleLine(LiteralStoppers, isBasic: false),
            ('"', true) => MultiLine(BasicStoppers, quote),
            _ => MultiLine(LiteralStoppers, quote),
        };
    }

    private string SingleLine(SearchValues<char> stoppers, bool isBasic)
    {
        var text = _s.Text;
        var quote = text[_s.Index];
        var start = ++_s.Index;
        var runStart = start;
        var buffered = false;
        while (true)
        {
            var stop = text[_s.Index..].IndexOfAny(stoppers);
            if (stop < 0)
            {
                _s.Index = text.Length;
                throw _s.Error("unterminated string: the closing quote is missing");
            }
            var i = _s.Index + stop;
            var c = text[i];
            if (c == quote)
            {
                _s.Index = i + 1;
                return buffered ? _buffer.Append(text[runStart..i]).ToString() : _values.Get(text[start..i]);
            }
            if (c == '\\' && isBasic)
            {
                if (!buffered)
                {
                    _buffer.Clear();
                    buffered = true;
                }
                _buffer.Append(text[runStart..i]);
                _s.Index = i;
                AppendEscape();
                runStart = _s.Index;
                continue;
            }
            if (c == '\n' || c == '\r')
                throw _s.ErrorAt(i, "unterminated string: a single-line string must close on its line (use \"\"\" or ''' for multi-line text)");
            throw _s.ErrorAt(i, $"{_s.Describe(c)} must be escaped in a string");
        }
    }

    private string MultiLine(SearchValues<char> stoppers, char quote)
    {
        var text = _s.Text;
        var isBasic = quote == '"';
        var open = _s.Position;
        _s.Index += 3;
        // A newline right after the opening delimiter is not part of the value.
        _s.TryConsumeNewline();
        _buffer.Clear();
        var runStart = _s.Index;
        while (true)
        {
            var stop = text[_s.Index..].IndexOfAny(stoppers);
            if (stop < 0)
            {
                _s.Index = text.Length;
                throw _s.ErrorAt(open, $"unterminated multi-line string: the closing {quote}{quote}{quote} is missing");
            }
            var i = _s.Index + stop;
            var c = text[i];
            if (c == quote)
            {
                var run = 1;
                while (i + run < text.Length && text[i + run] == quote)
                    run++;
                _s.Index = i + run;
                if (run < 3)
                    continue;
                if (run > 3 + MaxQuotesBeforeClosing)
                    throw _s.ErrorAt(i + 3 + MaxQuotesBeforeClosing, $"too many quotes: at most {MaxQuotesBeforeClosing} may stand right before the closing {quote}{quote}{quote}");
                return _buffer.Append(text[runStart..(i + run - 3)]).ToString();
            }
            if (c == '\\' && isBasic)
            {
                _buffer.Append(text[runStart..i]);
                _s.Index = i;
                if (IsWhitespaceOrNewline(_s.Peek(1)))
                    SkipLineEndingBackslash();
                else
                    AppendEscape();
                runStart = _s.Index;
                continue;
            }
            if (c == '\n')
            {
                _s.Index = i + 1;
                _s.NewLine(_s.Index);
                continue;
            }
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                // CRLF becomes LF, so a script in a multi-line string behaves the same whatever editor saved the file.
                _buffer.Append(text[runStart..i]).Append('\n');
                _s.Index = i + 2;
                _s.NewLine(_s.Index);
                runStart = _s.Index;
                continue;
            }
            throw _s.ErrorAt(i, c == '\r'
                ? "a carriage return must be followed by a line feed"
                : $"{_s.Describe(c)} must be escaped in a string");
        }
    }

    private static bool IsWhitespaceOrNewline(char c) => c is ' ' or '\t' or '\n' or '\r';

    /// <summary>
    /// A backslash at the end of a line (trailing whitespace allowed) trims that newline and all
    /// whitespace and newlines after it.
    /// </summary>
    private void SkipLineEndingBackslash()
    {
        var backslash = _s.Index;
        _s.Index++;
        _s.SkipWhitespace();
        if (!_s.TryConsumeNewline())
            throw _s.ErrorAt(backslash, "invalid escape: a backslash followed by whitespace must end the line");
        while (true)
        {
            _s.SkipWhitespace();
            if (!_s.TryConsumeNewline())
                return;
        }
    }

    /// <summary>Appends the character of the escape sequence at the cursor (a backslash) and moves past it.</summary>
    private void AppendEscape()
    {
        var backslash = _s.Index;
        var c = _s.Peek(1);
        _s.Index += 2;
        switch (c)
        {
            case 'b': _buffer.Append('\b'); return;
            case 't': _buffer.Append('\t'); return;
            case 'n': _buffer.Append('\n'); return;
            case 'f': _buffer.Append('\f'); return;
            case 'r': _buffer.Append('\r'); return;
            case '"': _buffer.Append('"'); return;
            case '\\': _buffer.Append('\\'); return;
            case 'u': AppendUnicodeEscape(backslash, 4); return;
            case 'U': AppendUnicodeEscape(backslash, 8); return;
        }
        var shown = c == Scanner.End || char.IsControl(c) || char.IsSurrogate(c) ? _s.Describe(c) : $"'\\{c}'";
        throw _s.ErrorAt(backslash, $"invalid escape sequence {shown}; valid escapes are \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX");
    }

    private void AppendUnicodeEscape(int backslash, int digits)
    {
        var value = 0u;
        for (var k = 0; k < digits; k++)
        {
            var digit = HexValue(_s.Peek());
            if (digit < 0)
                throw _s.ErrorAt(backslash, $"invalid escape: \\{(digits == 4 ? 'u' : 'U')} needs exactly {digits} hexadecimal digits");
            value = (value << 4) | (uint)digit;
            _s.Index++;
        }
        if (!System.Text.Rune.IsValid(value))
            throw _s.ErrorAt(backslash, $"invalid escape: U+{value:X} is not a Unicode scalar value");
        var rune = new System.Text.Rune(value);
        Span<char> chars = stackalloc char[2];
        _buffer.Append(chars[..rune.EncodeToUtf16(chars)]);
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
