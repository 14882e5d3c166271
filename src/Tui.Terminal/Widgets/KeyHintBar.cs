using Tui.Terminal.Drawing;

namespace Tui.Terminal.Widgets;

/// <summary>
/// A one-row bar of key hints ("? help  s start  q quit") with optional status text at the right.
/// Hints that do not fit are left out whole rather than cut; the status text wins over hints.
/// </summary>
public sealed record KeyHintBar(IReadOnlyList<KeyHint> Hints) : IWidget
{
    public Style Style { get; init; }
    public Style KeyStyle { get; init; } = new Style().Bold();
    public Style LabelStyle { get; init; }
    public string Separator { get; init; } = "  ";
    /// <summary>Text drawn at the right end (e.g. a message or a clock).</summary>
    public Line? Status { get; init; }

    public void Render(Rect area, CellBuffer buffer)
    {
        area = area.Intersect(buffer.Area);
        if (area.IsEmpty) return;
        var row = area.Row(0);
        buffer.Fill(row, " ", Style);
        int right = row.Right;
        if (Status is not null)
        {
            int width = Math.Min(Status.Width, row.Width);
            right -= width;
            buffer.SetLine(right, row.Y, Status with { Style = Style.Patch(Status.Style) }, width, Overflow.Ellipsis);
            right -= TextWidth.Of(Separator);
        }

        int x = row.X + 1;
        int separatorWidth = TextWidth.Of(Separator);
        for (int i = 0; i < Hints.Count; i++)
        {
            var hint = Hints[i];
            int width = TextWidth.Of(hint.Key) + 1 + TextWidth.Of(hint.Label);
            if (x + width > right) break;
            x += buffer.SetString(x, row.Y, hint.Key, Style.Patch(KeyStyle));
            x += 1;
            x += buffer.SetString(x, row.Y, hint.Label, Style.Patch(LabelStyle));
            x += separatorWidth;
        }
    }
}
