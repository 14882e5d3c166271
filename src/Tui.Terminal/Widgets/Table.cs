using Tui.Terminal.Drawing;

namespace Tui.Terminal.Widgets;

/// <summary>
/// Rows of columns with an optional header, a selected row and vertical scrolling. Column widths
/// are <see cref="Constraint"/>s solved against the area; a cell too wide for its column ends in "…".
/// </summary>
public sealed record Table(IReadOnlyList<Row> Rows, IReadOnlyList<Constraint> Widths) : IStatefulWidget<TableState>, IWidget
{
    public Row? Header { get; init; }
    /// <summary>Laid over the whole area first.</summary>
    public Style Style { get; init; }
    /// <summary>Laid over the selected row (reverse video by default, which reads in monochrome too).</summary>
    public Style HighlightStyle { get; init; } = new Style().Reversed();
    /// <summary>Drawn before the selected row (e.g. "▶ "); other rows get blanks of the same width.</summary>
    public string HighlightSymbol { get; init; } = "";
    public int ColumnSpacing { get; init; } = 1;

    public void Render(Rect area, CellBuffer buffer) => Render(area, buffer, new TableState());

    public void Render(Rect area, CellBuffer buffer, TableState state)
    {
        area = area.Intersect(buffer.Area);
        if (area.IsEmpty) return;
        buffer.SetStyle(area, Style);

        int symbolWidth = TextWidth.Of(HighlightSymbol);
        var (_, columnsArea) = area.SplitLeft(symbolWidth);
        var columns = ColumnAreas(columnsArea);

        var body = area;
        if (Header is not null)
        {
            (var headerArea, body) = area.SplitTop(1);
            DrawRow(Header, headerArea.Y, headerArea, columns, buffer);
        }

        int visible = body.Height;
        if (state.Selected is int selected)
        {
            if (selected >= Rows.Count) state.Selected = selected = Math.Max(0, Rows.Count - 1);
            if (selected < state.Offset) state.Offset = selected;
            else if (selected >= state.Offset + visible) state.Offset = selected - visible + 1;
        }
        state.Offset = Math.Clamp(state.Offset, 0, Math.Max(0, Rows.Count - visible));

        for (int i = 0; i < visible && state.Offset + i < Rows.Count; i++)
        {
            int index = state.Offset + i;
            var rowArea = body.Row(i);
            DrawRow(Rows[index], rowArea.Y, rowArea, columns, buffer);
            if (index == state.Selected)
            {
                buffer.SetString(rowArea.X, rowArea.Y, HighlightSymbol, Style.Default, symbolWidth);
                buffer.SetStyle(rowArea, HighlightStyle);
            }
        }
    }

    private (int X, int Width)[] ColumnAreas(Rect area)
    {
        int spacing = Math.Max(0, ColumnSpacing) * Math.Max(0, Widths.Count - 1);
        var constraints = Widths.ToArray();
        int[] sizes = Layout.Solve(Math.Max(0, area.Width - spacing), constraints);
        var result = new (int, int)[sizes.Length];
        int x = area.X;
        for (int i = 0; i < sizes.Length; i++)
        {
            result[i] = (x, sizes[i]);
            x += sizes[i] + ColumnSpacing;
        }
        return result;
    }

    private static void DrawRow(Row row, int y, Rect rowArea, (int X, int Width)[] columns, CellBuffer buffer)
    {
        buffer.SetStyle(rowArea, row.Style);
        for (int c = 0; c < columns.Length && c < row.Cells.Count; c++)
        {
            var (x, width) = columns[c];
            var cell = row.Cells[c];
            int offset = cell.Alignment switch
            {
                Alignment.Right => Math.Max(0, width - cell.Width),
                Alignment.Center => Math.Max(0, (width - cell.Width) / 2),
                _ => 0,
            };
            buffer.SetLine(x + offset, y, cell with { Style = row.Style.Patch(cell.Style) }, width - offset, Overflow.Ellipsis);
        }
    }
}
