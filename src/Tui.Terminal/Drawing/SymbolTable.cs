namespace Tui.Terminal.Drawing;

/// <summary>
/// Maps a cell's grapheme to a small integer, so a <see cref="Cell"/> holds no reference: buffers then
/// clear with a memset and compare with a memcmp, which is what makes an unchanged 200x60 frame cheap.
/// A single UTF-16 unit is its own code (a space is 0, so a zeroed cell is a blank); the right half of a
/// wide grapheme is <see cref="ContinuationId"/>; longer graphemes (emoji sequences, letters with
/// combining marks) are interned.
/// </summary>
internal static class SymbolTable
{
    public const int SpaceId = 0;
    public const int ContinuationId = -1;
    private const int FirstInternedId = 0x10000;

    /// <summary>
    /// The most distinct multi-unit graphemes kept. A child printing endless novel combining sequences
    /// must not grow memory without end; past this, new ones show as U+FFFD.
    /// </summary>
    public const int MaxInterned = 1 << 16;

    private static readonly string?[] SingleUnit = new string?[char.MaxValue + 1];
    private static readonly object Gate = new();
    private static readonly Dictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static string[] _interned = new string[64];
    private static int _internedCount;

    public static int IdOf(char c) => c == ' ' ? SpaceId : c;

    public static int IdOf(ReadOnlySpan<char> grapheme)
    {
        if (grapheme.Length == 1) return IdOf(grapheme[0]);
        if (grapheme.IsEmpty) return ContinuationId;
        lock (Gate)
        {
            var lookup = Ids.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(grapheme, out int id)) return id;
            if (_internedCount >= MaxInterned) return '\uFFFD';
            string text = grapheme.ToString();
            if (_internedCount == _interned.Length)
            {
                var grown = new string[_interned.Length * 2];
                _interned.CopyTo(grown, 0);
                Volatile.Write(ref _interned, grown);
            }
            _interned[_internedCount] = text;
            id = FirstInternedId + _internedCount++;
            Ids.Add(text, id);
            return id;
        }
    }

    public static int IdOf(string symbol) => symbol.Length == 1 ? IdOf(symbol[0]) : IdOf(symbol.AsSpan());

    public static string TextOf(int id)
    {
        if (id == SpaceId) return " ";
        if (id == ContinuationId) return Cell.Continuation;
        if (id < FirstInternedId) return SingleUnit[id] ??= ((char)id).ToString();
        return Volatile.Read(ref _interned)[id - FirstInternedId];
    }

    /// <summary>The id's single UTF-16 unit, or -1 when the symbol is longer (interned).</summary>
    public static int SingleUnitOf(int id) => id == SpaceId ? ' ' : id is > 0 and < FirstInternedId ? id : -1;
}
