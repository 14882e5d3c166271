using System.Globalization;
using Tui.Terminal.Drawing;

namespace Tui.Terminal.Widgets;

/// <summary>
/// A progress bar: the filled part in <see cref="FilledStyle"/> (reverse video unless a colour is
/// set, so it reads in monochrome), with eighth-block precision at its edge and a centred label.
/// </summary>
public sealed record Gauge(double Ratio) : IWidget
{
    /// <summary>The label; the percentage when null.</summary>
    public string? Label { get; init; }
    /// <summary>Laid over the whole area first.</summary>
    public Style Style { get; init; }
    public Style FilledStyle { get; init; } = new Style().Reversed();

    // The partial cell draws the fill's colour as the foreground of a left-aligned block.
    private Style PartialStyle => FilledStyle.Background is { } fill ? new Style().Fg(fill) : Style.Default;

    private static readonly string[] Partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    private const int EighthsPerCell = 8;

    public void Render(Rect area, CellBuffer buffer)
    {
        area = area.Intersect(buffer.Area);
        if (area.IsEmpty) return;
        double ratio = double.IsNaN(Ratio) ? 0 : Math.Clamp(Ratio, 0, 1);
        buffer.SetStyle(area, Style);
        buffer.Fill(area, " ", Style.Default);

        int eighths = (int)Math.Round(ratio * area.Width * EighthsPerCell);
        int full = eighths / EighthsPerCell;
        int rest = eighths % EighthsPerCell;
        buffer.SetStyle(area with { Width = full }, FilledStyle);
        if (rest > 0 && full < area.Width)
            buffer.Fill(new Rect(area.X + full, area.Y, 1, area.Height), Partial[rest], PartialStyle);

        string label = Label ?? string.Create(CultureInfo.InvariantCulture, $"{ratio * 100:0}%");
        int width = Math.Min(TextWidth.Of(label), area.Width);
        buffer.SetString(area.X + (area.Width - width) / 2, area.Y + area.Height / 2, label, Style.Default, area.Width, Overflow.Ellipsis);
    }
}
