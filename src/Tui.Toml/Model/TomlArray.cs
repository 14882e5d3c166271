namespace Tui.Toml;

/// <summary>A TOML array (also an array of tables, whose items are <see cref="TomlTable"/>s).</summary>
public sealed class TomlArray : TomlNode, IReadOnlyList<TomlNode>
{
    // A bare array rather than a List: one object less per array, and most arrays hold a handful of items.
    private TomlNode[] _items = [];
    private int _count;

    public TomlArray(TomlPosition position, bool isArrayOfTables = false) : base(position) => IsArrayOfTables = isArrayOfTables;

    /// <summary>True when defined with [[header]] syntax (it may then be appended to by later headers).</summary>
    public bool IsArrayOfTables { get; }

    public override string TypeName => "array";
    public int Count => _count;

    public TomlNode this[int index] =>
        (uint)index < (uint)_count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index), index, $"the array has {_count} items");

    internal void Add(TomlNode item)
    {
        if (_count == _items.Length)
            Array.Resize(ref _items, Math.Max(2, _count * 2));
        _items[_count++] = item;
    }

    public IEnumerator<TomlNode> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
            yield return _items[i];
    }
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
