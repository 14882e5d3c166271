using System.Text;

namespace Tui.Toml.Parsing;

/// <summary>
/// Places keys and tables into the document and enforces TOML's redefinition rules:
/// <list type="bullet">
/// <item>a key is defined once;</item>
/// <item>a [header] defines a table once; a table made implicitly by [a.b.c] may be defined later by [a];</item>
/// <item>a table made by dotted keys cannot be reopened by a [header] (but a header may add sub-tables under it);</item>
/// <item>dotted keys extend only tables that dotted keys made in the same section;</item>
/// <item>inline tables and arrays are complete once written;</item>
/// <item>[[a]] appends to an array of tables, which [a] and a = [...] cannot be.</item>
/// </list>
/// </summary>
internal sealed class DocumentBuilder
{
    private readonly Scanner _s;
    private bool _rootPositioned;

    public DocumentBuilder(Scanner scanner)
    {
        _s = scanner;
        Root = new TomlTable(new TomlPosition(1, 1), TomlTableOrigin.Root);
        Current = Root;
    }

    public TomlTable Root { get; }

    /// <summary>The table that key/value lines go into: the last header's table, or the root.</summary>
    public TomlTable Current { get; private set; }

    /// <summary>How many containers lie between the root and <see cref="Current"/> (an array of tables counts with its element).</summary>
    public int CurrentDepth { get; private set; }

    /// <summary>
    /// Walks the dotted part of a key from <paramref name="table"/>, creating dotted-key tables as needed,
    /// and returns the table the last segment goes into, after checking the last segment is new there.
    /// </summary>
    public TomlTable ResolveAssignment(TomlTable table, int tableDepth, List<KeySegment> key)
    {
        PositionRoot(key[0].Position);
        if (tableDepth + key.Count > TomlParser.MaxNestingDepth)
            throw TooDeep(key[Math.Clamp(TomlParser.MaxNestingDepth - tableDepth, 0, key.Count - 1)].Position);
        for (var k = 0; k < key.Count - 1; k++)
        {
            var segment = key[k];
            if (!table.TryGetValue(segment.Name, out var existing))
            {
                var created = new TomlTable(segment.Position, TomlTableOrigin.DottedKey);
                table.Add(segment.Name, created, segment.Position);
                table = created;
                continue;
            }
            if (existing is TomlTable { Origin: TomlTableOrigin.DottedKey } dotted)
            {
                table = dotted;
                continue;
            }
            var name = KeyText(key, k + 1);
            var where = At(table.KeyPosition(segment.Name));
            throw _s.ErrorAt(segment.Position, existing switch
            {
                TomlTable { Origin: TomlTableOrigin.Inline } =>
                    $"cannot add to '{name}' with a dotted key: it is an inline table (defined {where}), which is complete once closed",
                TomlTable { Origin: TomlTableOrigin.ImplicitByHeader } =>
                    $"cannot add to table '{name}' with a dotted key: it was created implicitly by a [header] ({where}); define it with [{name}] and add the key there",
                TomlTable =>
                    $"cannot add to table '{name}' with a dotted key: it was defined by a [header] ({where}); add the key under that header instead",
                TomlArray =>
                    $"'{name}' is an array (defined {where}), so a dotted key cannot add to it",
                _ => $"'{name}' is already a {existing.TypeName} (defined {where}), so it cannot also be a table",
            });
        }
        var last = key[^1];
        if (table.ContainsKey(last.Name))
            throw _s.ErrorAt(last.Position, $"duplicate key '{KeyText(key, key.Count)}': it was already defined {At(table.KeyPosition(last.Name))}");
        return table;
    }

    /// <summary>[a.b.c]: defines a table (once) and makes it current.</summary>
    public void OpenTable(List<KeySegment> key, TomlPosition headerPosition)
    {
        PositionRoot(headerPosition);
        var (parent, parentDepth) = WalkHeader(key, headerPosition);
        var last = key[^1];
        if (parentDepth + 1 > TomlParser.MaxNestingDepth)
            throw TooDeep(last.Position);
        CurrentDepth = parentDepth + 1;
        if (!parent.TryGetValue(last.Name, out var existing))
        {
            var table = new TomlTable(headerPosition, TomlTableOrigin.Header);
            parent.Add(last.Name, table, last.Position);
            Current = table;
            return;
        }
        if (existing is TomlTable { Origin: TomlTableOrigin.ImplicitByHeader } implicitTable)
        {
            // Made implicitly by an earlier [a.b.c]; this header is its one real definition.
            implicitTable.Origin = TomlTableOrigin.Header;
            implicitTable.Position = headerPosition;
            parent.SetKeyPosition(last.Name, last.Position);
            Current = implicitTable;
            return;
        }
        var name = KeyText(key, key.Count);
        var where = At(parent.KeyPosition(last.Name));
        throw _s.ErrorAt(last.Position, existing switch
        {
            TomlTable { Origin: TomlTableOrigin.DottedKey } =>
                $"table [{name}] was already defined by dotted keys ({where}); it cannot be reopened with a header",
            TomlTable { Origin: TomlTableOrigin.Inline } =>
                $"'{name}' is an inline table (defined {where}), which is complete once closed",
            TomlTable => $"table [{name}] is defined twice (first {where})",
            TomlArray { IsArrayOfTables: true } =>
                $"'{name}' is an array of tables (defined {where}); use [[{name}]] to add an element",
            _ => $"'{name}' is already a {existing.TypeName} (defined {where}), so it cannot also be a table",
        });
    }

    /// <summary>[[a.b.c]]: appends a new table to an array of tables and makes it current.</summary>
    public void AppendArrayElement(List<KeySegment> key, TomlPosition headerPosition)
    {
        PositionRoot(headerPosition);
        var (parent, parentDepth) = WalkHeader(key, headerPosition);
        var last = key[^1];
        if (parentDepth + 2 > TomlParser.MaxNestingDepth)
            throw TooDeep(last.Position);
        CurrentDepth = parentDepth + 2;
        TomlArray array;
        if (!parent.TryGetValue(last.Name, out var existing))
        {
            array = new TomlArray(headerPosition, isArrayOfTables: true);
            parent.Add(last.Name, array, last.Position);
        }
        else if (existing is TomlArray { IsArrayOfTables: true } known)
        {
            array = known;
        }
        else
        {
            var name = KeyText(key, key.Count);
            var where = At(parent.KeyPosition(last.Name));
            throw _s.ErrorAt(last.Position, existing switch
            {
                TomlArray => $"'{name}' is an array value (defined {where}); [[{name}]] cannot append to it",
                TomlTable => $"'{name}' is a table (defined {where}), so [[{name}]] cannot make it an array of tables",
                _ => $"'{name}' is already a {existing.TypeName} (defined {where}), so it cannot be an array of tables",
            });
        }
        var element = new TomlTable(headerPosition, TomlTableOrigin.ArrayElement);
        array.Add(element);
        Current = element;
    }

    /// <summary>Walks all but the last segment of a header key, entering (or implicitly creating) tables.</summary>
    private (TomlTable Table, int Depth) WalkHeader(List<KeySegment> key, TomlPosition headerPosition)
    {
        var table = Root;
        var depth = 0;
        for (var k = 0; k < key.Count - 1; k++)
        {
            var segment = key[k];
            if (depth >= TomlParser.MaxNestingDepth)
                throw TooDeep(segment.Position);
            if (!table.TryGetValue(segment.Name, out var existing))
            {
                var created = new TomlTable(headerPosition, TomlTableOrigin.ImplicitByHeader);
                table.Add(segment.Name, created, segment.Position);
                table = created;
                depth++;
                continue;
            }
            switch (existing)
            {
                case TomlTable { Origin: TomlTableOrigin.Inline }:
                    break;
                case TomlTable next:
                    table = next;
                    depth++;
                    continue;
                case TomlArray { IsArrayOfTables: true } array:
                    // A header below an array of tables adds to its latest element.
                    table = (TomlTable)array[^1];
                    depth += 2;
                    continue;
            }
            var name = KeyText(key, k + 1);
            var where = At(table.KeyPosition(segment.Name));
            throw _s.ErrorAt(segment.Position, existing switch
            {
                TomlTable => $"'{name}' is an inline table (defined {where}), which is complete once closed",
                TomlArray => $"'{name}' is an array value (defined {where}); a [header] cannot add to it",
                _ => $"'{name}' is already a {existing.TypeName} (defined {where}), so it cannot also be a table",
            });
        }
        return (table, depth);
    }

    private TomlException TooDeep(TomlPosition position) =>
        _s.ErrorAt(position, $"tables and values are nested more than {TomlParser.MaxNestingDepth} levels deep");

    /// <summary>The root's position is its first key or header (an empty document keeps 1:1).</summary>
    private void PositionRoot(TomlPosition position)
    {
        if (_rootPositioned)
            return;
        _rootPositioned = true;
        Root.Position = position;
    }

    private static string At(TomlPosition position) => $"at line {position.Line}, column {position.Column}";

    /// <summary>The first <paramref name="count"/> segments as they could be written back: a.b."c d".</summary>
    public static string KeyText(List<KeySegment> key, int count)
    {
        var text = new StringBuilder();
        for (var k = 0; k < count; k++)
        {
            if (k > 0)
                text.Append('.');
            var name = key[k].Name;
            if (name.Length > 0 && name.AsSpan().IndexOfAnyExcept(BareKey) < 0)
                text.Append(name);
            else
                text.Append('"').Append(name.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
        }
        return text.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> BareKey =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");
}
