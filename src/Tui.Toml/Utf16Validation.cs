using Tui.Toml.Parsing;

namespace Tui.Toml;

/// <summary>Checks decoded text for lone surrogates, which no UTF-8 file can contain and TOML does not allow.</summary>
internal static class Utf16Validation
{
    /// <summary>The index of the first surrogate that is not half of a pair, or -1.</summary>
    public static int FindLoneSurrogate(string text)
    {
        var offset = 0;
        while (true)
        {
            var found = text.AsSpan(offset).IndexOfAnyInRange('\uD800', '\uDFFF');
            if (found < 0)
                return -1;
            var i = offset + found;
            if (!char.IsHighSurrogate(text[i]) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                return i;
            offset = i + 2;
        }
    }

    public static TomlException LoneSurrogateError(string text, int index, string sourceName)
    {
        var before = text.AsSpan(0, index);
        var lineStart = before.LastIndexOf('\n') + 1;
        var line = before.Count('\n') + 1;
        var column = 1;
        for (var i = lineStart; i < index; i++)
        {
            if (!char.IsLowSurrogate(text[i]))
                column++;
        }
        return SourceExcerpt.Exception(sourceName, new TomlPosition(line, column),
            $"invalid text: U+{(int)text[index]:X4} is a lone surrogate, not a Unicode character", text, lineStart, index);
    }
}
