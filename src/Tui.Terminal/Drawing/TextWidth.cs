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

    private const char ZeroWidthJoiner = '\u200D';
    private const char EmojiPresentationSelector = '\uFE0F';
    private const int RegionalIndicatorFirst = 0x1F1E6;
    private const int RegionalIndicatorLast = 0x1F1FF;

    /// <summary>The cell width of a whole string.</summary>
    public static int Of(string text) => Of(text.AsSpan());

    public static int Of(ReadOnlySpan<char> text)
    {
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
    /// ASCII followed by ASCII is the common case and skips the Unicode segmentation tables.
    /// </summary>
    public static int NextGraphemeLength(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return 0;
        char c = text[0];
        if (c < 0x80 && (text.Length == 1 || text[1] < 0x80) && c != '\r') return 1;
        int length = StringInfo.GetNextTextElementLength(text);
        return length == 0 ? 1 : length;
    }

    /// <summary>The cell width of one grapheme cluster.</summary>
    public static int OfGrapheme(ReadOnlySpan<char> grapheme)
    {
        if (grapheme.IsEmpty) return 0;
        char first = grapheme[0];
        if (grapheme.Length == 1)
        {
            if (first >= 0x20 && first < 0x7F) return 1;
            return char.IsSurrogate(first) ? 1 : OfRune(new Rune(first));
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
