using Tui.Terminal.Drawing;

namespace Tui.Terminal.Widgets;

/// <summary>Styled text: lines drawn top to bottom, aligned, optionally word-wrapped, optionally scrolled.</summary>
public sealed record Paragraph(IReadOnlyList<Line> Lines) : IWidget
{
    public Paragraph(params Line[] lines) : this((IReadOnlyList<Line>)lines) { }

    /// <summary>Laid over the whole area first.</summary>
    public Style Style { get; init; }
    /// <summary>When set, overrides each line's own alignment.</summary>
    public Alignment? Alignment { get; init; }
    public bool Wrap { get; init; }
    /// <summary>Rows (after wrapping) skipped at the top.</summary>
    public int ScrollY { get; init; }

    /// <summary>How many rows the text takes at this width (for sizing a dialog).</summary>
    public int RowCount(int width) => Wrap ? Lines.Sum(l => Math.Max(1, LineWrapper.Wrap(l, width, words: true).Count)) : Lines.Count;

    public void Render(Rect area, CellBuffer buffer)
    {
        area = area.Intersect(buffer.Area);
        if (area.IsEmpty) return;
        buffer.SetStyle(area, Style);
        int row = -ScrollY;
        foreach (var line in Lines)
        {
            if (row >= area.Height) break;
            if (Wrap)
            {
                var parts = LineWrapper.Wrap(line, area.Width, words: true);
                if (parts.Count == 0) row++;
                foreach (var part in parts) DrawRow(part, row++, area, buffer);
            }
            else DrawRow(line, row++, area, buffer);
        }
    }

    private void DrawRow(Line line, int row, Rect area, CellBuffer buffer)
    {
        if (row < 0 || row >= area.Height) return;
        int width = Math.Min(line.Width, area.Width);
        int offset = (Alignment ?? line.Alignment) switch
        {
            Drawing.Alignment.Center => (area.Width - width) / 2,
            Drawing.Alignment.Right => area.Width - width,
            _ => 0,
        };
        buffer.SetLine(area.X + offset, area.Y + row, line with { Style = Style.Patch(line.Style) }, area.Width - offset, Overflow.Ellipsis);
    }
}
