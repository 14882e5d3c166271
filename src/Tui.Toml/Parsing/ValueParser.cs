namespace Tui.Toml.Parsing;

/// <summary>Values: strings, numbers, booleans, dates and times, arrays and inline tables.</summary>
internal sealed class ValueParser
{
    private readonly Scanner _s;
    private readonly StringParser _strings;
    private readonly KeyParser _keys;
    private readonly DocumentBuilder _builder;
    private readonly List<KeySegment> _key = new();

    public ValueParser(Scanner scanner, StringParser strings, KeyParser keys, DocumentBuilder builder)
    {
        _s = scanner;
        _strings = strings;
        _keys = keys;
        _builder = builder;
    }

    /// <summary>Parses the value at the cursor. <paramref name="depth"/> is where it sits: the number of containers above it.</summary>
    public TomlNode Parse(int depth)
    {
        var c = _s.Peek();
        switch (c)
        {
            case '"' or '\'':
            {
                var position = _s.Position;
                return new TomlString(_strings.Parse(allowMultiline: true), position);
            }
            case 't':
                return Keyword("true", true);
            case 'f':
                return Keyword("false", false);
            case '[':
                return ParseArray(depth);
            case '{':
                return ParseInlineTable(depth);
            case '+' or '-' or 'i' or 'n':
                return NumberParser.Parse(_s);
            case >= '0' and <= '9':
                return DateTimeParser.StartsDateOrTime(_s) ? DateTimeParser.Parse(_s) : NumberParser.Parse(_s);
        }
        if (_s.AtEnd)
            throw _s.Error("expected a value, found the end of the input");
        if (c is '\n' or '\r')
            throw _s.Error("expected a value, found the end of the line");
        if (char.IsLetter(c))
            throw _s.Error($"expected a value, found {_s.Describe(c)} (strings must be quoted)");
        throw _s.Error($"expected a value, found {_s.Describe(c)}");
    }

    private TomlBoolean Keyword(string word, bool value)
    {
        var position = _s.Position;
        if (!_s.Text[_s.Index..].StartsWith(word, StringComparison.Ordinal) || !Scanner.IsValueTerminator(_s.Peek(word.Length)))
            throw _s.Error("expected a value (strings must be quoted; booleans are lower-case true and false)");
        _s.Index += word.Length;
        return new TomlBoolean(value, position);
    }

    private void CheckDepth(int depth)
    {
        if (depth >= TomlParser.MaxNestingDepth)
            throw _s.Error($"values are nested more than {TomlParser.MaxNestingDepth} levels deep");
    }

    private TomlArray ParseArray(int depth)
    {
        CheckDepth(depth);
        var open = _s.Position;
        var array = new TomlArray(open);
        _s.Index++;
        while (true)
        {
            _s.SkipWhitespaceCommentsAndNewlines();
            if (_s.Peek() == ']')
            {
                _s.Index++;
                return array;
            }
            if (_s.AtEnd)
                throw _s.ErrorAt(open, "unterminated array: the closing ']' is missing");
            if (_s.Peek() == ',')
                throw _s.Error("expected a value before ','");
            array.Add(Parse(depth + 1));
            _s.SkipWhitespaceCommentsAndNewlines();
            var c = _s.Peek();
            if (c == ',')
            {
                _s.Index++;
                continue;
            }
            if (c == ']')
            {
                _s.Index++;
                return array;
            }
            if (_s.AtEnd)
                throw _s.ErrorAt(open, "unterminated array: the closing ']' is missing");
            throw _s.Error($"expected ',' or ']' after an array element, found {_s.Describe(c)}");
        }
    }

    private TomlTable ParseInlineTable(int depth)
    {
        CheckDepth(depth);
        var open = _s.Position;
        var table = new TomlTable(open, TomlTableOrigin.Inline);
        _s.Index++;
        _s.SkipWhitespace();
        if (_s.Peek() == '}')
        {
            _s.Index++;
            return table;
        }
        while (true)
        {
            _keys.Parse(_key);
            if (_s.Peek() != '=')
                throw _s.Error($"expected '=' after the key '{DocumentBuilder.KeyText(_key, _key.Count)}', found {_s.Describe(_s.Peek())}");
            _s.Index++;
            _s.SkipWhitespace();
            var target = _builder.ResolveAssignment(table, depth, _key);
            var last = _key[^1];
            target.Add(last.Name, Parse(depth + _key.Count), last.Position);
            _s.SkipWhitespace();
            var c = _s.Peek();
            if (c == '}')
            {
                _s.Index++;
                return table;
            }
            if (c == ',')
            {
                _s.Index++;
                _s.SkipWhitespace();
                if (_s.Peek() == '}')
                    throw _s.Error("a trailing comma is not allowed in an inline table");
                continue;
            }
            if (c is '\n' or '\r' || _s.AtEnd)
                throw _s.Error($"unterminated inline table (opened at line {open.Line}, column {open.Column}): in TOML 1.0 an inline table must close on the line it starts");
            throw _s.Error($"expected ',' or '}}' after a value in an inline table, found {_s.Describe(c)}");
        }
    }
}
