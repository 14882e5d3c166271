using Tui.Toml;

namespace Tui.Core.Config.Loading;

/// <summary>A source file's name and lines, so that an error can quote the offending line under its message.</summary>
internal sealed class SourceText
{
    private readonly string[] _lines;

    public SourceText(string name, string text)
    {
        Name = name;
        _lines = text.Split('\n');
    }

    /// <summary>The name errors show: the path as the user wrote it.</summary>
    public string Name { get; }

    /// <summary>Line <paramref name="line"/> (1-based) with control characters made visible, or null past the end.</summary>
    public string? Line(int line)
    {
        if (line < 1 || line > _lines.Length) return null;
        var text = _lines[line - 1].TrimEnd('\r');
        // One visible character per control character keeps the caret under the right column.
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = source[i] == '\t' ? ' ' : source[i] < ' ' ? (char)(0x2400 + source[i]) : source[i];
        });
    }

    public TomlException Error(TomlPosition position, string reason) => new(Name, position, reason, Line(position.Line));
}
