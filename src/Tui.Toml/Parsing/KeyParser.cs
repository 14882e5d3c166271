using System.Buffers;

namespace Tui.Toml.Parsing;

/// <summary>One part of a dotted key, with where it was written.</summary>
internal readonly record struct KeySegment(string Name, TomlPosition Position);

/// <summary>Keys: bare (A-Za-z0-9_-), "basic" or 'literal' quoted, joined by dots with optional whitespace around them.</summary>
internal sealed class KeyParser
{
    private static readonly SearchValues<char> BareKeyCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    private readonly Scanner _s;
    private readonly StringParser _strings;
    private readonly StringCache _names = new();

    public KeyParser(Scanner scanner, StringParser strings)
    {
        _s = scanner;
        _strings = strings;
    }

    /// <summary>Reads a (possibly dotted) key into <paramref name="segments"/>, leaving the cursor after trailing whitespace.</summary>
    public void Parse(List<KeySegment> segments)
    {
        segments.Clear();
        while (true)
        {
            var position = _s.Position;
            segments.Add(new KeySegment(ParseSegment(), position));
            _s.SkipWhitespace();
            if (_s.Peek() != '.')
                return;
            _s.Index++;
            _s.SkipWhitespace();
        }
    }

    private string ParseSegment()
    {
        var c = _s.Peek();
        if (c is '"' or '\'')
            return _strings.Parse(allowMultiline: false);
        var text = _s.Text;
        var start = _s.Index;
        var length = text[start..].IndexOfAnyExcept(BareKeyCharacters);
        if (length < 0)
            length = text.Length - start;
        if (length == 0)
            throw _s.Error(MissingKeyReason(c));
        _s.Index = start + length;
        return _names.Get(text.Slice(start, length));
    }

    private string MissingKeyReason(char c)
    {
        if (c == Scanner.End && _s.AtEnd)
            return "expected a key, found the end of the input";
        if (c is '\n' or '\r')
            return "expected a key, found the end of the line";
        if (c is '.' or '=' or ']' or ',' or '}')
            return $"expected a key before {_s.Describe(c)}";
        return $"expected a key, found {_s.Describe(c)} (bare keys may contain only A-Z a-z 0-9 _ -; quote other keys)";
    }
}
