namespace Tui.Toml.Parsing;

/// <summary>
/// Hands back the same string for a recently seen short key, so that 5,000 process tables with a
/// "command" key share one "command" string instead of allocating 5,000 copies. A small direct-mapped
/// table: a collision just replaces the slot, so the cost is one hash and one compare per key.
/// </summary>
internal sealed class StringCache
{
    /// <summary>Slots in the table (a power of two); enough for the distinct key names of a typical config.</summary>
    private const int Slots = 512;

    /// <summary>Longer keys are rarely repeated and would cost more to hash than to allocate.</summary>
    private const int MaxCachedLength = 32;

    private readonly string?[] _slots = new string?[Slots];

    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxCachedLength)
            return text.ToString();
        var hash = 2166136261u;
        foreach (var c in text)
            hash = (hash ^ c) * 16777619u;
        ref var slot = ref _slots[hash & (Slots - 1)];
        if (slot is not null && text.SequenceEqual(slot))
            return slot;
        return slot = text.ToString();
    }
}
