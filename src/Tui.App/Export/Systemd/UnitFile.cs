using System.Collections.Immutable;
using System.Text;

namespace Tui.App.Export.Systemd;

/// <summary>
/// One line of a unit file section: a <c>Key=Value</c> assignment (the value already in unit-file syntax, see
/// <see cref="UnitSyntax"/>), or a comment when <see cref="Key"/> is null.
/// </summary>
internal sealed record UnitLine(string? Key, string Text)
{
    /// <summary>An assignment; <paramref name="value"/> must already be escaped.</summary>
    public static UnitLine Set(string key, string value) => new(key, value);

    /// <summary>A comment line; the text is made one line (control characters escaped), since a comment cannot continue.</summary>
    public static UnitLine Comment(string text) => new(null, UnitSyntax.OneLine(text));
}

/// <summary>A <c>[Name]</c> section and its lines, in the order written.</summary>
internal sealed record UnitSection(string Name, ImmutableArray<UnitLine> Lines);

/// <summary>
/// A unit file as data: its file name, the comment block at its top, its sections. <see cref="Render"/> is the only
/// place that turns it into text, so the output is deterministic (\n line ends, one blank line between sections).
/// </summary>
internal sealed record UnitFile(string FileName, ImmutableArray<string> Header, ImmutableArray<UnitSection> Sections)
{
    public string Render()
    {
        var text = new StringBuilder();
        foreach (var comment in Header) text.Append("# ").Append(UnitSyntax.OneLine(comment)).Append('\n');
        foreach (var section in Sections)
        {
            if (text.Length > 0) text.Append('\n');
            text.Append('[').Append(section.Name).Append("]\n");
            foreach (var line in section.Lines)
            {
                if (line.Key is null) text.Append("# ").Append(line.Text).Append('\n');
                else text.Append(line.Key).Append('=').Append(line.Text).Append('\n');
            }
        }
        return text.ToString();
    }
}
