using System.Diagnostics.CodeAnalysis;

namespace Tui.Toml;

/// <summary>How a table came to exist; the TOML redefinition rules depend on it.</summary>
public enum TomlTableOrigin
{
    /// <summary>The document root.</summary>
    Root,
    /// <summary>Defined by a [header].</summary>
    Header,
    /// <summary>Created implicitly as the parent of a [a.b.c] header; may be defined later by its own header.</summary>
    ImplicitByHeader,
    /// <summary>Created by a dotted key (a.b = 1); cannot be reopened by a [header].</summary>
    DottedKey,
    /// <summary>An inline table { ... }; immutable once closed.</summary>
    Inline,
    /// <summary>An element of an array of tables ([[header]]).</summary>
    ArrayElement,
}

/// <summary>
/// A TOML table. Keys keep their insertion order and their own source position
/// (<see cref="KeyPosition"/>), separate from the value's position.
/// </summary>
public sealed class TomlTable : TomlNode, IReadOnlyDictionary<string, TomlNode>
{
    /// <summary>
    /// Up to this many keys a table is searched linearly, with no hash index at all: most tables
    /// (a process, an env block) are that small, and skipping the index saves allocations.
    /// </summary>
    private const int LinearSearchLimit = 8;

    // Keys, values and key positions in insertion order, as parallel arrays rather than one array of
    // entries: each stays under the 85 KB large-object threshold up to ~10,000 keys, so even a table of
    // 5,000 processes does not trigger a full garbage collection on every parse.
    private string[] _keys = [];
    private TomlNode[] _values = [];
    private TomlPosition[] _keyPositions = [];
    private int _count;

    // Open-addressing hash index (entry number + 1, 0 for empty; power-of-two length), built once the
    // table outgrows a linear search. Plain ints keep it small: 5,000 keys take 32 KB.
    private int[]? _index;

    public TomlTable(TomlPosition position, TomlTableOrigin origin) : base(position) => Origin = origin;

    public TomlTableOrigin Origin { get; internal set; }
    public override string TypeName => "table";

    public int Count => _count;

    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < _count; i++)
                yield return _keys[i];
        }
    }

    public IEnumerable<TomlNode> Values
    {
        get
        {
            for (var i = 0; i < _count; i++)
                yield return _values[i];
        }
    }

    public TomlNode this[string key] => _values[IndexOrThrow(key)];

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TomlNode value)
    {
        var i = IndexOf(key);
        if (i >= 0)
        {
            value = _values[i];
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>Where the key itself was written (the last segment of a dotted key, or the header that named the table).</summary>
    public TomlPosition KeyPosition(string key) => _keyPositions[IndexOrThrow(key)];

    internal void Add(string key, TomlNode value, TomlPosition keyPosition)
    {
        if (IndexOf(key) >= 0)
            throw new ArgumentException($"the key '{key}' is already in the table", nameof(key));
        if (_count == _keys.Length)
        {
            var capacity = _count > 0 ? _count * 2 : InitialCapacity(Origin);
            Array.Resize(ref _keys, capacity);
            Array.Resize(ref _values, capacity);
            Array.Resize(ref _keyPositions, capacity);
        }
        _keys[_count] = key;
        _values[_count] = value;
        _keyPositions[_count] = keyPosition;
        _count++;
        if (_index is not null && _count * 4 <= _index.Length * 3)
            Insert(_index, key, _count - 1);
        else if (_count > LinearSearchLimit)
            Rehash();
    }

    /// <summary>
    /// A [header] table (a process, say) usually gets several keys, so it starts with room for
    /// <see cref="LinearSearchLimit"/> and skips one resize; other tables (inline, dotted) are usually small.
    /// </summary>
    private static int InitialCapacity(TomlTableOrigin origin) =>
        origin is TomlTableOrigin.Header or TomlTableOrigin.ArrayElement or TomlTableOrigin.Root ? LinearSearchLimit : 4;

    /// <summary>Re-points a key at the header that finally defined it (an implicit table made explicit).</summary>
    internal void SetKeyPosition(string key, TomlPosition keyPosition) => _keyPositions[IndexOrThrow(key)] = keyPosition;

    public IEnumerator<KeyValuePair<string, TomlNode>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
            yield return new KeyValuePair<string, TomlNode>(_keys[i], _values[i]);
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_index is null)
        {
            for (var i = 0; i < _count; i++)
            {
                if (string.Equals(_keys[i], key, StringComparison.Ordinal))
                    return i;
            }
            return -1;
        }
        var mask = _index.Length - 1;
        for (var slot = key.GetHashCode() & mask; _index[slot] != 0; slot = (slot + 1) & mask)
        {
            var entry = _index[slot] - 1;
            if (string.Equals(_keys[entry], key, StringComparison.Ordinal))
                return entry;
        }
        return -1;
    }

    /// <summary>A fresh index at most half full, so probe runs stay short.</summary>
    private void Rehash()
    {
        var index = new int[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)_count * 2)];
        for (var i = 0; i < _count; i++)
            Insert(index, _keys[i], i);
        _index = index;
    }

    private static void Insert(int[] index, string key, int entry)
    {
        var mask = index.Length - 1;
        var slot = key.GetHashCode() & mask;
        while (index[slot] != 0)
            slot = (slot + 1) & mask;
        index[slot] = entry + 1;
    }

    private int IndexOrThrow(string key)
    {
        var i = IndexOf(key);
        return i >= 0 ? i : throw new KeyNotFoundException($"the table has no key '{key}'");
    }
}
