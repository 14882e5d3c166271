namespace Tui.Toml.Parsing;

/// <summary>Makes <see cref="TomlException"/>s for places in one decoded source, with the excerpt-and-caret of <see cref="SourceExcerpt"/>.</summary>
internal sealed class SourceErrors(string text, string sourceName)
{
    /// <summary>The file name (or "&lt;input&gt;") that errors name.</summary>
    public string SourceName { get; } = sourceName;

    /// <summary>An error at a 1-based line and column (columns count Unicode scalar values, as Tomlyn's do).</summary>
    public TomlException At(TomlPosition position, string reason) => At(position, IndexOf(position), reason);

    /// <summary>An error whose place is known both ways: <paramref name="index"/> is its offset in the text.</summary>
    public TomlException At(TomlPosition position, int index, string reason)
    {
        index = Math.Clamp(index, 0, text.Length);
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        return SourceExcerpt.Exception(SourceName, position, reason, text, lineStart, index);
    }

    /// <summary>The character at a 1-based line and column, or '\0' past the end.</summary>
    public char CharAt(TomlPosition position)
    {
        var index = IndexOf(position);
        return index < text.Length ? text[index] : '\0';
    }

    private int IndexOf(TomlPosition position)
    {
        var index = 0;
        for (var line = 1; line < position.Line; line++)
        {
            var next = text.IndexOf('\n', index);
            if (next < 0)
                return text.Length;
            index = next + 1;
        }
        for (var column = 1; column < position.Column && index < text.Length && text[index] != '\n'; column++)
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        return index;
    }
}
