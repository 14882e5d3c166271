using Tui.Terminal.Drawing;

namespace Tui.Terminal.Widgets;

/// <summary>
/// A frame around an area, with an optional title on its top border. Draw the block, then draw
/// the content into <see cref="Inner"/>.
/// </summary>
public sealed record Block : IWidget
{
    public Borders Borders { get; init; } = Borders.All;
    public BorderType BorderType { get; init; } = BorderType.Plain;
    public Style BorderStyle { get; init; }
    /// <summary>Laid over the whole area first (e.g. a background colour).</summary>
    public Style Style { get; init; }
    public Line? Title { get; init; }
    public Alignment TitleAlignment { get; init; }
    /// <summary>A second title on the bottom border, e.g. a scroll position.</summary>
    public Line? BottomTitle { get; init; }

    public static Block Bordered(Line? title = null) => new() { Title = title };

    /// <summary>The area inside the borders.</summary>
    public Rect Inner(Rect area)
    {
        int left = Borders.HasFlag(Borders.Left) ? 1 : 0;
        int right = Borders.HasFlag(Borders.Right) ? 1 : 0;
        int top = Borders.HasFlag(Borders.Top) || (Title is not null && Borders == Borders.None) ? 1 : 0;
        int bottom = Borders.HasFlag(Borders.Bottom) ? 1 : 0;
        int width = Math.Max(0, area.Width - left - right);
        int height = Math.Max(0, area.Height - top - bottom);
        return new Rect(area.X + Math.Min(left, area.Width), area.Y + Math.Min(top, area.Height), width, height);
    }

    public void Render(Rect area, CellBuffer buffer)
    {
        area = area.Intersect(buffer.Area);
        if (area.IsEmpty) return;
        buffer.SetStyle(area, Style);
        var s = BorderSymbols.Of(BorderType);
        var style = Style.Patch(BorderStyle);
        if (Borders.HasFlag(Borders.Top)) buffer.Fill(area.Row(0), s.Horizontal, style);
        if (Borders.HasFlag(Borders.Bottom)) buffer.Fill(area.Row(area.Height - 1), s.Horizontal, style);
        if (Borders.HasFlag(Borders.Left)) buffer.Fill(area with { Width = 1 }, s.Vertical, style);
        if (Borders.HasFlag(Borders.Right)) buffer.Fill(new Rect(area.Right - 1, area.Y, 1, area.Height), s.Vertical, style);
        if (Borders.HasFlag(Borders.Top | Borders.Left)) buffer.SetString(area.Left, area.Top, s.TopLeft, style);
        if (Borders.HasFlag(Borders.Top | Borders.Right)) buffer.SetString(area.Right - 1, area.Top, s.TopRight, style);
        if (Borders.HasFlag(Borders.Bottom | Borders.Left)) buffer.SetString(area.Left, area.Bottom - 1, s.BottomLeft, style);
        if (Borders.HasFlag(Borders.Bottom | Borders.Right)) buffer.SetString(area.Right - 1, area.Bottom - 1, s.BottomRight, style);

        if (Title is not null) DrawTitle(Title, area.Top, area, buffer);
        if (BottomTitle is not null && area.Height > 1 && Borders.HasFlag(Borders.Bottom)) DrawTitle(BottomTitle, area.Bottom - 1, area, buffer);
    }

    private void DrawTitle(Line title, int y, Rect area, CellBuffer buffer)
    {
        int left = Borders.HasFlag(Borders.Left) ? 1 : 0;
        int right = Borders.HasFlag(Borders.Right) ? 1 : 0;
        int room = area.Width - left - right;
        if (room <= 0) return;
        int width = Math.Min(title.Width, room);
        int x = area.X + left + TitleAlignment switch
        {
            Alignment.Center => (room - width) / 2,
            Alignment.Right => room - width,
            _ => 0,
        };
        buffer.SetLine(x, y, title with { Style = Style.Patch(title.Style) }, room, Overflow.Ellipsis);
    }
}
