using System.Buffers;
using System.Globalization;
using System.Text;

namespace Tui.Terminal.Drawing;

/// <summary>
/// How many terminal cells text takes. A grapheme cluster (what a reader sees as one character)
/// takes the width of its first visible code point: 2 for East Asian wide/fullwidth and emoji
/// presentation, 0 for combining marks, format characters and controls, otherwise 1. A cluster
/// with the emoji presentation selector (U+FE0F) or a flag (two regional indicators) is 2 wide,
/// as modern terminals draw them.
/// </summary>
public static class TextWidth
{
    /// <summary>What a cut string ends with.</summary>
    public const string Ellipsis = "…";

    private const sbyte UnknownWidth = -1;
    private static readonly sbyte[] SingleUnitWidths = CreateWidthCache();

    private static sbyte[] CreateWidthCache()
    {
        var cache = new sbyte[char.MaxValue + 1];
        Array.Fill(cache, UnknownWidth);
        return cache;
    }

    private const char ZeroWidthJoiner = '\u200D';
    private const char EmojiPresentationSelector = '\uFE0F';
    private const int RegionalIndicatorFirst = 0x1F1E6;
    private const int RegionalIndicatorLast = 0x1F1FF;

    /// <summary>The cell width of a whole string.</summary>
    public static int Of(string text) => Of(text.AsSpan());

    public static int Of(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAnyExceptInRange(' ', '~') < 0) return text.Length; // printable ASCII: one cell each
        int width = 0;
        while (!text.IsEmpty)
        {
            int length = NextGraphemeLength(text);
            width += OfGrapheme(text[..length]);
            text = text[length..];
        }
        return width;
    }

    /// <summary>
    /// The length in UTF-16 units of the grapheme cluster at the start of <paramref name="text"/>.
    /// Most text never needs the Unicode segmentation tables (they cost about 100 ns a character):
    /// see <see cref="EndsClusterFast"/>.
    /// </summary>
    public static int NextGraphemeLength(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return 0;
        if (text.Length == 1 || EndsClusterFast(text[0], text[1])) return 1;
        int length = StringInfo.GetNextTextElementLength(text);
        return length == 0 ? 1 : length;
    }

    /// <summary>
    /// True when a cluster certainly ends between <paramref name="c"/> and <paramref name="next"/>: both are
    /// in blocks with no combining, joining or prepending characters (ASCII and Latin-1 letters, box drawing,
    /// blocks, braille, arrows, CJK, kana, Hangul syllables). False means "ask the Unicode tables".
    /// </summary>
    private static bool EndsClusterFast(char c, char next)
    {
        if (c == '\r' || char.IsSurrogate(c)) return false;
        return IsSimple(c) && IsSimple(next);

        static bool IsSimple(char ch) => ch switch
        {
            < '\u0300' => true, // ASCII and Latin-1 up to the combining diacritics
            >= '\u2190' and <= '\u2BFF' => true, // arrows, maths, technical, box drawing, blocks, shapes, symbols, braille
            >= '\u3041' and <= '\u3096' => true, // hiragana (the combining voicing marks are 3099-309A)
            >= '\u30A0' and <= '\u30FF' => true, // katakana
            >= '\u4E00' and <= '\u9FFF' => true, // CJK unified ideographs
            >= '\uAC00' and <= '\uD7A3' => true, // Hangul syllables (precomposed)
            >= '\uFF01' and <= '\uFF60' => true, // fullwidth forms
            _ => false,
        };
    }

    /// <summary>The cell width of one grapheme cluster.</summary>
    public static int OfGrapheme(ReadOnlySpan<char> grapheme)
    {
        if (grapheme.IsEmpty) return 0;
        char first = grapheme[0];
        if (grapheme.Length == 1)
        {
            if (first >= 0x20 && first < 0x7F) return 1;
            if (char.IsSurrogate(first)) return 1;
            // Cached per UTF-16 unit: the category lookup and the range search cost more than drawing the cell.
            int cached = SingleUnitWidths[first];
            if (cached != UnknownWidth) return cached;
            int computed = OfRune(new Rune(first));
            SingleUnitWidths[first] = (sbyte)computed;
            return computed;
        }

        int width = 0;
        int regionalIndicators = 0;
        bool emojiPresentation = false;
        var rest = grapheme;
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out Rune rune, out int used) != OperationStatus.Done) { rune = Rune.ReplacementChar; used = Math.Max(1, used); }
            rest = rest[used..];
            if (rune.Value == EmojiPresentationSelector) emojiPresentation = true;
            if (rune.Value is >= RegionalIndicatorFirst and <= RegionalIndicatorLast) regionalIndicators++;
            if (width == 0) width = OfRune(rune);
            if (rune.Value == ZeroWidthJoiner) break; // what follows a ZWJ is drawn inside the first emoji's cells
        }
        if (regionalIndicators >= 2 || (emojiPresentation && width == 1)) return 2;
        return width;
    }

    /// <summary>The cell width of one code point: 0, 1 or 2.</summary>
    public static int OfRune(Rune rune)
    {
        int value = rune.Value;
        if (value < 0x7F) return value >= 0x20 ? 1 : 0;
        if (value < 0xA0) return 0; // DEL and C1 controls
        if (value < 0x300) return value == 0xAD ? 0 : 1; // soft hyphen is a format character
        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.Format:
            case UnicodeCategory.Control:
                return 0;
        }
        if (value is >= 0x1160 and <= 0x11FF) return 0; // Hangul medial vowels and final consonants join the syllable
        return WideRanges.Contains(value) ? 2 : 1;
    }

    /// <summary>
    /// How much of <paramref name="text"/> fits in <paramref name="maxWidth"/> cells without splitting
    /// a grapheme: the number of UTF-16 units, and the cells they take.
    /// </summary>
    public static (int Length, int Width) Fit(ReadOnlySpan<char> text, int maxWidth)
    {
        int used = 0, width = 0;
        while (used < text.Length)
        {
            int length = NextGraphemeLength(text[used..]);
            int w = OfGrapheme(text.Slice(used, length));
            if (width + w > maxWidth) break;
            width += w;
            used += length;
        }
        return (used, width);
    }

    /// <summary>
    /// The text cut to <paramref name="maxWidth"/> cells, ending in an ellipsis when it was cut.
    /// Never splits a wide character: the cut may leave the result one cell narrower than maxWidth.
    /// </summary>
    public static string Truncate(string text, int maxWidth)
    {
        if (maxWidth <= 0) return string.Empty;
        if (Of(text) <= maxWidth) return text;
        var (length, _) = Fit(text, maxWidth - 1);
        return string.Concat(text.AsSpan(0, length), Ellipsis);
    }
}
