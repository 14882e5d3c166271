namespace Tui.Toml.Parsing;

/// <summary>Builds the "offending line + caret" part of a <see cref="TomlException"/>.</summary>
internal static class SourceExcerpt
{
    /// <summary>
    /// Longest excerpt shown. A longer line (a minified file, a 50 MB string) is cut to a window
    /// around the caret, so an error message stays one screen line instead of megabytes.
    /// </summary>
    public const int MaxLength = 120;

    /// <summary>How much of a long line is kept before the caret.</summary>
    private const int ContextBefore = 60;

    private const string Ellipsis = "…";

    /// <param name="lineStart">Index of the first character of the line holding <paramref name="index"/>.</param>
    public static TomlException Exception(string sourceName, TomlPosition position, string reason, ReadOnlySpan<char> text, int lineStart, int index)
    {
        var lineEnd = text[lineStart..].IndexOf('\n');
        lineEnd = lineEnd < 0 ? text.Length : lineStart + lineEnd;
        if (lineEnd > lineStart && text[lineEnd - 1] == '\r')
            lineEnd--;
        index = Math.Clamp(index, lineStart, Math.Max(lineStart, lineEnd));

        var from = lineStart;
        var prefix = "";
        if (lineEnd - lineStart > MaxLength && index - lineStart > ContextBefore)
        {
            from = index - ContextBefore;
            if (char.IsLowSurrogate(text[from]))
                from++;
            prefix = Ellipsis;
        }
        var to = Math.Min(lineEnd, from + MaxLength);
        if (to > from && to < lineEnd && char.IsHighSurrogate(text[to - 1]))
            to--;
        var suffix = to < lineEnd ? Ellipsis : "";

        var line = string.Concat(prefix, Visible(text.Slice(from, to - from)), suffix);
        var caretColumn = prefix.Length + (index - from) + 1;
        return new TomlException(sourceName, position, reason, line, caretColumn);
    }

    private static bool IsPaired(ReadOnlySpan<char> span, int i) =>
        char.IsHighSurrogate(span[i])
            ? i + 1 < span.Length && char.IsLowSurrogate(span[i + 1])
            : i > 0 && char.IsHighSurrogate(span[i - 1]);

    /// <summary>
    /// Control characters become their Unicode "control picture" (U+2400 block) and a tab becomes a space,
    /// one character each, so the caret below still lines up; a lone surrogate becomes U+FFFD so the message is valid text.
    /// </summary>
    private static string Visible(ReadOnlySpan<char> span)
    {
        Span<char> visible = span.Length <= 256 ? stackalloc char[span.Length] : new char[span.Length];
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            visible[i] = c switch
            {
                '\t' => ' ',
                < ' ' => (char)(0x2400 + c),
                '\u007F' => '\u2421',
                _ when char.IsSurrogate(c) && !IsPaired(span, i) => '\uFFFD',
                _ => c,
            };
        }
        return visible.ToString();
    }
}
