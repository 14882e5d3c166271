using Tomlyn.Syntax;

namespace Tui.Toml.Parsing;

/// <summary>
/// Builds Tui's position-keeping model from a Tomlyn syntax tree that Tomlyn has already validated (so TOML's
/// redefinition rules hold). What stays here is the placing: headers walk or create tables, a table first made
/// implicitly by [a.b] is adopted by a later [a], [[a]] appends an element, and dotted keys create tables.
/// Tomlyn's spans are 0-based; the model's positions are 1-based.
/// <para>
/// Tomlyn bounds the nesting of values, but not of header or dotted-key segments (100,000 parse fine), so the
/// adapter bounds the depth of every node, counted from the root, by <see cref="TomlParser.MaxNestingDepth"/>:
/// the config loader and the toml-test encoder walk the model recursively.
/// </para>
/// </summary>
internal sealed class DocumentAdapter
{
    private readonly SourceErrors _errors;
    private readonly TomlTable _root = new(new TomlPosition(1, 1), TomlTableOrigin.Root);
    private bool _rootPositioned;

    private DocumentAdapter(SourceErrors errors) => _errors = errors;

    /// <summary>The document for a syntax tree without errors; throws <see cref="TomlException"/> for what Tomlyn let through.</summary>
    public static TomlDocument Build(DocumentSyntax syntax, SourceErrors errors)
    {
        var adapter = new DocumentAdapter(errors);
        adapter.AddKeyValues(adapter._root, 0, syntax.KeyValues);
        foreach (var table in syntax.Tables)
        {
            var (current, depth) = table is TableArraySyntax ? adapter.AppendArrayElement(table) : adapter.OpenTable(table);
            adapter.AddKeyValues(current, depth, table.Items);
        }
        return new TomlDocument(adapter._root, errors.SourceName);
    }

    private void AddKeyValues(TomlTable table, int depth, SyntaxList<KeyValueSyntax> keyValues)
    {
        foreach (var keyValue in keyValues)
            AddKeyValue(table, depth, keyValue);
    }

    private void AddKeyValue(TomlTable table, int depth, KeyValueSyntax keyValue)
    {
        var key = Segments(keyValue.Key);
        PositionRoot(key[0].Position);
        for (var k = 0; k < key.Count - 1; k++)
        {
            var segment = key[k];
            depth = Deeper(depth, segment.Position);
            if (table.TryGetValue(segment.Name, out var existing))
            {
                table = existing switch
                {
                    TomlTable { Origin: TomlTableOrigin.DottedKey } dotted => dotted,
                    // Tomlyn lets a dotted key add to a table made implicitly by an earlier [a.b.c] (then opened by
                    // [a]); TOML does not (toml-test's table/append-with-dotted-keys), so that rule is kept here.
                    TomlTable { Origin: TomlTableOrigin.ImplicitByHeader } => throw _errors.At(segment.Position,
                        $"cannot add to table `{KeyText(key, k + 1)}` with a dotted key: it was created implicitly by the [header] " +
                        $"at line {table.KeyPosition(segment.Name).Line}; give it a header of its own and add the key there"),
                    _ => throw Conflict(segment),
                };
                continue;
            }
            var created = new TomlTable(segment.Position, TomlTableOrigin.DottedKey);
            table.Add(segment.Name, created, segment.Position);
            table = created;
        }
        var last = key[^1];
        var value = Value(keyValue.Value, Deeper(depth, last.Position));
        if (table.ContainsKey(last.Name))
            throw Conflict(last);
        table.Add(last.Name, value, last.Position);
    }

    /// <summary>[a.b.c]: the table it defines, which may exist already as the implicit parent of an earlier header.</summary>
    private (TomlTable Table, int Depth) OpenTable(TableSyntaxBase header)
    {
        var position = Position(header);
        var key = Segments(header.Name);
        PositionRoot(position);
        var (parent, depth) = WalkHeader(key, position);
        var last = key[^1];
        depth = Deeper(depth, last.Position);
        if (parent.TryGetValue(last.Name, out var existing))
        {
            if (existing is not TomlTable { Origin: TomlTableOrigin.ImplicitByHeader } implicitTable)
                throw Conflict(last);
            implicitTable.Origin = TomlTableOrigin.Header;
            implicitTable.Position = position;
            parent.SetKeyPosition(last.Name, last.Position);
            return (implicitTable, depth);
        }
        var table = new TomlTable(position, TomlTableOrigin.Header);
        parent.Add(last.Name, table, last.Position);
        return (table, depth);
    }

    /// <summary>[[a.b.c]]: a new element at the end of the array of tables (which the first such header creates).</summary>
    private (TomlTable Table, int Depth) AppendArrayElement(TableSyntaxBase header)
    {
        var position = Position(header);
        var key = Segments(header.Name);
        PositionRoot(position);
        var (parent, depth) = WalkHeader(key, position);
        var last = key[^1];
        depth = Deeper(Deeper(depth, last.Position), last.Position);
        if (!parent.TryGetValue(last.Name, out var existing))
        {
            existing = new TomlArray(position, isArrayOfTables: true);
            parent.Add(last.Name, existing, last.Position);
        }
        if (existing is not TomlArray { IsArrayOfTables: true } array)
            throw Conflict(last);
        var element = new TomlTable(position, TomlTableOrigin.ArrayElement);
        array.Add(element);
        return (element, depth);
    }

    /// <summary>Walks all but the last segment of a header, entering tables (an array of tables: its latest element) or creating them implicitly.</summary>
    private (TomlTable Table, int Depth) WalkHeader(List<KeySegment> key, TomlPosition headerPosition)
    {
        var table = _root;
        var depth = 0;
        for (var k = 0; k < key.Count - 1; k++)
        {
            var segment = key[k];
            depth = Deeper(depth, segment.Position);
            switch (table.TryGetValue(segment.Name, out var existing) ? existing : null)
            {
                case null:
                    var created = new TomlTable(headerPosition, TomlTableOrigin.ImplicitByHeader);
                    table.Add(segment.Name, created, segment.Position);
                    table = created;
                    break;
                case TomlTable next:
                    table = next;
                    break;
                case TomlArray { IsArrayOfTables: true } array:
                    table = (TomlTable)array[^1];
                    depth = Deeper(depth, segment.Position);
                    break;
                default:
                    throw Conflict(segment);
            }
        }
        return (table, depth);
    }

    private TomlNode Value(ValueSyntax? syntax, int depth)
    {
        var position = syntax is null ? new TomlPosition(1, 1) : Position(syntax);
        switch (syntax)
        {
            case StringValueSyntax text:
                return new TomlString(MultiLineText(text), position);
            case IntegerValueSyntax integer:
                // Tomlyn wraps a hexadecimal, octal or binary literal above long.MaxValue round to a negative
                // number; those literals have no sign in TOML, so a negative one is an overflow.
                if (integer.Value < 0 && integer.Token?.TokenKind is TokenKind.IntegerHexa or TokenKind.IntegerOctal or TokenKind.IntegerBinary)
                    throw _errors.At(position, $"invalid integer `{integer.Token.Text}`: out of range (64-bit)");
                return new TomlInteger(integer.Value, position);
            case FloatValueSyntax number:
                // Tomlyn reads 1e400 as infinity; only inf itself may be infinite.
                if (double.IsInfinity(number.Value) && number.Token?.TokenKind == TokenKind.Float)
                    throw _errors.At(position, $"float out of range: `{number.Token.Text}` is beyond a 64-bit float (write inf if meant)");
                return new TomlFloat(number.Value, position);
            case BooleanValueSyntax boolean:
                return new TomlBoolean(boolean.Value, position);
            case DateTimeValueSyntax dateTime:
                return DateTimeConversion.From(dateTime, position);
            case ArraySyntax arraySyntax:
                var array = new TomlArray(position);
                foreach (var item in arraySyntax.Items)
                    array.Add(Value(item.Value, Deeper(depth, position)));
                return array;
            case InlineTableSyntax inline:
                var table = new TomlTable(position, TomlTableOrigin.Inline);
                foreach (var item in inline.Items)
                {
                    if (item.KeyValue is { } keyValue)
                        AddKeyValue(table, depth, keyValue);
                }
                return table;
            default:
                throw _errors.At(position, $"unsupported value ({syntax?.Kind.ToString() ?? "missing"})");
        }
    }

    /// <summary>
    /// A multi-line string of a CRLF file keeps Tomlyn's "\r\n" line breaks; they become "\n" (as TOML allows), so a
    /// command written on Windows runs the same. Only raw line breaks are touched: an escaped \r stays.
    /// </summary>
    private static string MultiLineText(StringValueSyntax text)
    {
        var value = text.Value ?? "";
        return text.Token is { TokenKind: TokenKind.StringMulti or TokenKind.StringLiteralMulti, Text: { } raw } && raw.Contains("\r\n", StringComparison.Ordinal)
            ? value.Replace("\r\n", "\n", StringComparison.Ordinal)
            : value;
    }

    /// <summary>The first <paramref name="count"/> segments as they could be written back: a.b."c d".</summary>
    private static string KeyText(List<KeySegment> key, int count) =>
        string.Join('.', key.Take(count).Select(segment => BareKeySyntax.IsBareKey(segment.Name)
            ? segment.Name
            : $"\"{segment.Name.Replace("\\", "\\\\").Replace("\"", "\\\"")}\""));

    /// <summary>One level further from the root; refused past <see cref="TomlParser.MaxNestingDepth"/>.</summary>
    private int Deeper(int depth, TomlPosition position) =>
        depth < TomlParser.MaxNestingDepth
            ? depth + 1
            : throw _errors.At(position, $"tables and values are nested more than {TomlParser.MaxNestingDepth} levels deep");

    /// <summary>
    /// Tomlyn validated the document, so a name that is taken by something else cannot happen; should it ever, the
    /// user still gets an error at the place rather than a crash.
    /// </summary>
    private TomlException Conflict(KeySegment segment) =>
        _errors.At(segment.Position, $"'{segment.Name}' conflicts with an earlier definition of the same name");

    /// <summary>The root's position is its first key or header (an empty document keeps 1:1).</summary>
    private void PositionRoot(TomlPosition position)
    {
        if (_rootPositioned)
            return;
        _rootPositioned = true;
        _root.Position = position;
    }

    private List<KeySegment> Segments(KeySyntax? key)
    {
        var segments = new List<KeySegment>(1 + (key?.DotKeys.ChildrenCount ?? 0));
        if (key?.Key is { } first)
            segments.Add(Segment(first));
        if (key is not null)
        {
            foreach (var dotted in key.DotKeys)
            {
                if (dotted.Key is { } next)
                    segments.Add(Segment(next));
            }
        }
        return segments.Count > 0 ? segments : throw _errors.At(key is null ? new TomlPosition(1, 1) : Position(key), "expected a key");
    }

    private static KeySegment Segment(BareKeyOrStringValueSyntax syntax) => syntax switch
    {
        BareKeySyntax bare => new KeySegment(bare.Key?.Text ?? "", Position(bare)),
        StringValueSyntax quoted => new KeySegment(quoted.Value ?? "", Position(quoted)),
        _ => new KeySegment("", Position(syntax)),
    };

    private static TomlPosition Position(SyntaxNode node) => new(node.Span.Start.Line + 1, node.Span.Start.Column + 1);

    private readonly record struct KeySegment(string Name, TomlPosition Position);
}
