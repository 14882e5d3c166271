namespace Tui.Toml.Parsing;

/// <summary>The line-level grammar: blank lines, comments, [table] and [[array]] headers, and key = value lines.</summary>
internal sealed class DocumentParser
{
    private readonly Scanner _s;
    private readonly KeyParser _keys;
    private readonly ValueParser _values;
    private readonly DocumentBuilder _builder;
    private readonly List<KeySegment> _key = new();
    private readonly string _sourceName;

    /// <param name="chars">The text is the first <paramref name="length"/> characters; parsing begins at <paramref name="start"/> (after a BOM).</param>
    public DocumentParser(char[] chars, int length, int start, string sourceName)
    {
        _sourceName = sourceName;
        _s = new Scanner(chars, length, sourceName, start);
        var strings = new StringParser(_s);
        _keys = new KeyParser(_s, strings);
        _builder = new DocumentBuilder(_s);
        _values = new ValueParser(_s, strings, _keys, _builder);
    }

    public TomlDocument Parse()
    {
        while (true)
        {
            _s.SkipWhitespace();
            if (_s.AtEnd)
                return new TomlDocument(_builder.Root, _sourceName);
            switch (_s.Peek())
            {
                case '#':
                    _s.SkipComment();
                    break;
                case '\n' or '\r':
                    _s.TryConsumeNewline();
                    break;
                case '[':
                    ParseHeader();
                    _s.ExpectEndOfLine("a table header");
                    break;
                default:
                    ParseKeyValue();
                    _s.ExpectEndOfLine("a value");
                    break;
            }
        }
    }

    private void ParseHeader()
    {
        var position = _s.Position;
        var isArray = _s.Peek(1) == '[';
        _s.Index += isArray ? 2 : 1;
        _s.SkipWhitespace();
        _keys.Parse(_key);
        var close = isArray ? "]]" : "]";
        if (!_s.Text[_s.Index..].StartsWith(close, StringComparison.Ordinal))
        {
            var found = _s.Peek() == ']' ? "']' alone" : _s.Describe(_s.Peek());
            throw _s.Error($"expected '{close}' to close the {(isArray ? "array-of-tables" : "table")} header, found {found}");
        }
        _s.Index += close.Length;
        if (isArray)
            _builder.AppendArrayElement(_key, position);
        else
            _builder.OpenTable(_key, position);
    }

    private void ParseKeyValue()
    {
        _keys.Parse(_key);
        if (_s.Peek() != '=')
        {
            var c = _s.Peek();
            var found = c is '\n' or '\r' || _s.AtEnd ? "the end of the line" : _s.Describe(c);
            throw _s.Error($"expected '=' after the key '{DocumentBuilder.KeyText(_key, _key.Count)}', found {found}");
        }
        _s.Index++;
        _s.SkipWhitespace();
        var target = _builder.ResolveAssignment(_builder.Current, _builder.CurrentDepth, _key);
        var last = _key[^1];
        target.Add(last.Name, _values.Parse(_builder.CurrentDepth + _key.Count), last.Position);
    }
}
