using System.Buffers;
using System.Runtime.CompilerServices;

namespace Tui.Toml.Parsing;

/// <summary>
/// A cursor over decoded TOML text. It knows the current line; columns (in Unicode scalar values)
/// are computed only when a position is asked for, from a per-line cache, so the hot path pays nothing.
/// Whitespace, newlines and comments live here too, since every other part of the parser skips them.
/// The text is a char buffer (usually rented from the array pool) rather than a string, so that decoding
/// a large file does not put a new large-object-heap string on every parse.
/// </summary>
internal sealed class Scanner
{
    /// <summary>Returned by <see cref="Peek()"/> past the end; a real NUL in the input is always an error anyway.</summary>
    public const char End = '\0';

    // Characters that end or break a comment: every control character except tab (TOML 1.0 forbids them in comments).
    private static readonly SearchValues<char> CommentStoppers = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\n\u000B\u000C\r\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    private readonly char[] _chars;
    private readonly int _length;
    private readonly string _sourceName;
    private readonly int _start;
    // Column cache for the current line: the column of _columnIndex is _column.
    private int _columnIndex;
    private int _column = 1;

    public Scanner(char[] chars, int length, string sourceName, int start)
    {
        _chars = chars;
        _length = length;
        _sourceName = sourceName;
        Index = start;
        _start = start;
        LineStart = start;
        _columnIndex = start;
    }

    public ReadOnlySpan<char> Text
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(_chars, 0, _length);
    }

    public int Index;
    public int Line { get; private set; } = 1;
    /// <summary>Index of the first character of the current line.</summary>
    public int LineStart { get; private set; }

    public int Length => _length;

    public bool AtEnd => Index >= _length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public char Peek() => (uint)Index < (uint)_length ? _chars[Index] : End;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public char Peek(int offset)
    {
        var i = Index + offset;
        return (uint)i < (uint)_length ? _chars[i] : End;
    }

    public TomlPosition Position => PositionAt(Index);

    /// <summary>The position of an index; cheap on the current line, which is where the parser asks.</summary>
    public TomlPosition PositionAt(int index)
    {
        if (index < LineStart)
            return PositionOnEarlierLine(index);
        if (index < _columnIndex)
        {
            _columnIndex = LineStart;
            _column = 1;
        }
        _column += ScalarCount(Text.Slice(_columnIndex, index - _columnIndex));
        _columnIndex = index;
        return new TomlPosition(Line, _column);
    }

    /// <summary>Counts lines from the start: only for an error about an earlier line, so the cost does not matter.</summary>
    private TomlPosition PositionOnEarlierLine(int index)
    {
        var before = Text[_start..index];
        var lineStart = before.LastIndexOf('\n') + 1;
        return new TomlPosition(before.Count('\n') + 1, 1 + ScalarCount(before[lineStart..]));
    }

    /// <summary>Records that a line feed was consumed and the next line starts at <paramref name="nextLineStart"/>.</summary>
    public void NewLine(int nextLineStart)
    {
        Line++;
        LineStart = nextLineStart;
        _columnIndex = nextLineStart;
        _column = 1;
    }

    public void SkipWhitespace()
    {
        var text = Text;
        var i = Index;
        while ((uint)i < (uint)text.Length && (text[i] == ' ' || text[i] == '\t'))
            i++;
        Index = i;
    }

    /// <summary>Consumes LF or CRLF. A CR not followed by LF is an error wherever a newline may stand.</summary>
    public bool TryConsumeNewline()
    {
        var c = Peek();
        if (c == '\n')
        {
            Index++;
            NewLine(Index);
            return true;
        }
        if (c == '\r')
        {
            if (Peek(1) != '\n')
                throw ErrorAt(Index, "a carriage return must be followed by a line feed");
            Index += 2;
            NewLine(Index);
            return true;
        }
        return false;
    }

    /// <summary>Skips a comment starting at '#', up to (not including) the newline that ends it.</summary>
    public void SkipComment()
    {
        var stop = Text[(Index + 1)..].IndexOfAny(CommentStoppers);
        if (stop < 0)
        {
            Index = _length;
            return;
        }
        Index += 1 + stop;
        var c = _chars[Index];
        if (c == '\n' || (c == '\r' && Peek(1) == '\n'))
            return;
        throw ErrorAt(Index, $"{Describe(c)} is not allowed in a comment");
    }

    /// <summary>Skips whitespace and an optional comment, then requires the end of the line (or of the input).</summary>
    public void ExpectEndOfLine(string after)
    {
        SkipWhitespace();
        if (Peek() == '#')
            SkipComment();
        if (AtEnd || TryConsumeNewline())
            return;
        throw ErrorAt(Index, $"expected a newline after {after}, found {Describe(Peek())}");
    }

    /// <summary>Skips whitespace, newlines and comments (inside arrays).</summary>
    public void SkipWhitespaceCommentsAndNewlines()
    {
        while (true)
        {
            SkipWhitespace();
            var c = Peek();
            if (c == '#')
                SkipComment();
            else if (!TryConsumeNewline())
                return;
        }
    }

    /// <summary>True for what may follow a scalar value: whitespace, a newline, a comment, a separator or the end.</summary>
    public static bool IsValueTerminator(char c) => c is ' ' or '\t' or '\n' or '\r' or '#' or ',' or ']' or '}' or End;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>How a character is named in an error message.</summary>
    public string Describe(char c)
    {
        if (c == End && AtEnd)
            return "the end of the input";
        return c switch
        {
            '\n' => "a newline",
            '\r' => "a carriage return",
            '\t' => "a tab",
            '\'' => "\"'\"",
            _ when char.IsControl(c) || char.IsSurrogate(c) || c == '\uFEFF' || char.IsWhiteSpace(c)
                => $"the character U+{(int)c:X4}",
            _ => $"'{c}'",
        };
    }

    public TomlException Error(string reason) => ErrorAt(Index, reason);

    /// <summary>An error at an index (normally on the current line).</summary>
    public TomlException ErrorAt(int index, string reason)
    {
        index = Math.Min(index, _length);
        if (index < LineStart)
            return ErrorAt(PositionOnEarlierLine(index), reason);
        return SourceExcerpt.Exception(_sourceName, PositionAt(index), reason, Text, LineStart, index);
    }

    /// <summary>An error at a position recorded earlier (possibly on an earlier line), e.g. a duplicate key.</summary>
    public TomlException ErrorAt(TomlPosition position, string reason)
    {
        var text = Text;
        var lineStart = LineStart;
        for (var line = Line; line > position.Line && lineStart > _start; line--)
            lineStart = Math.Max(_start, text[..(lineStart - 1)].LastIndexOf('\n') + 1);
        var index = lineStart;
        for (var column = 1; column < position.Column && index < text.Length; column++)
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length ? 2 : 1;
        return SourceExcerpt.Exception(_sourceName, position, reason, Text, lineStart, index);
    }

    /// <summary>
    /// Unicode scalar values in a span: chars minus the low halves of surrogate pairs
    /// (the text was checked beforehand, so every low surrogate is the second half of a pair).
    /// </summary>
    private static int ScalarCount(ReadOnlySpan<char> span)
    {
        var count = span.Length;
        int i;
        while ((i = span.IndexOfAnyInRange('\uDC00', '\uDFFF')) >= 0)
        {
            count--;
            span = span[(i + 1)..];
        }
        return count;
    }
}
