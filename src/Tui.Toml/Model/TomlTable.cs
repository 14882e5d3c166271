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
    private readonly Dictionary<string, (TomlNode Value, TomlPosition KeyPosition)> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _order = new();

    public TomlTable(TomlPosition position, TomlTableOrigin origin) : base(position) => Origin = origin;

    public TomlTableOrigin Origin { get; internal set; }
    public override string TypeName => "table";

    public int Count => _order.Count;
    public IEnumerable<string> Keys => _order;
    public IEnumerable<TomlNode> Values => _order.Select(k => _entries[k].Value);
    public TomlNode this[string key] => _entries[key].Value;

    public bool ContainsKey(string key) => _entries.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TomlNode value)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            value = entry.Value;
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>Where the key itself was written (the last segment of a dotted key, or the header that named the table).</summary>
    public TomlPosition KeyPosition(string key) => _entries[key].KeyPosition;

    internal void Add(string key, TomlNode value, TomlPosition keyPosition)
    {
        _entries.Add(key, (value, keyPosition));
        _order.Add(key);
    }

    /// <summary>Re-points a key at the header that finally defined it (an implicit table made explicit).</summary>
    internal void SetKeyPosition(string key, TomlPosition keyPosition)
    {
        var entry = _entries[key];
        _entries[key] = (entry.Value, keyPosition);
    }

    public IEnumerator<KeyValuePair<string, TomlNode>> GetEnumerator()
    {
        foreach (var key in _order)
            yield return new KeyValuePair<string, TomlNode>(key, _entries[key].Value);
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
