namespace Tui.Toml;

/// <summary>A TOML array (also an array of tables, whose items are <see cref="TomlTable"/>s).</summary>
public sealed class TomlArray : TomlNode, IReadOnlyList<TomlNode>
{
    private readonly List<TomlNode> _items = new();

    public TomlArray(TomlPosition position, bool isArrayOfTables = false) : base(position) => IsArrayOfTables = isArrayOfTables;

    /// <summary>True when defined with [[header]] syntax (it may then be appended to by later headers).</summary>
    public bool IsArrayOfTables { get; }

    public override string TypeName => "array";
    public int Count => _items.Count;
    public TomlNode this[int index] => _items[index];

    internal void Add(TomlNode item) => _items.Add(item);

    public IEnumerator<TomlNode> GetEnumerator() => _items.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
