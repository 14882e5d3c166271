using Tui.Terminal.Drawing;

namespace Tui.Terminal.Widgets;

/// <summary>
/// A modal box centred in the area: it blanks what is beneath it, draws a framed title, the
/// word-wrapped message and a row of buttons with one selected (reverse video by default).
/// Which button is selected, and what a key does, belong to the caller.
/// </summary>
public sealed record Dialog(Line Title, IReadOnlyList<Line> Message) : IWidget
{
    /// <summary>The widest the box grows (cells), so a long message wraps instead of spanning a wide screen.</summary>
    public const int MaxWidth = 60;
    private const int MinWidth = 20;
    private const int Padding = 1;

    public IReadOnlyList<string> Buttons { get; init; } = ["OK"];
    public int SelectedButton { get; init; }
    public Style Style { get; init; }
    public Style BorderStyle { get; init; }
    public Style ButtonStyle { get; init; }
    public Style SelectedButtonStyle { get; init; } = new Style().Reversed();

    /// <summary>Where the box goes inside <paramref name="area"/>.</summary>
    public Rect Bounds(Rect area)
    {
        int buttonsWidth = ButtonsWidth();
        int messageWidth = Message.Count == 0 ? 0 : Message.Max(l => l.Width);
        int inner = Math.Max(Math.Max(messageWidth, buttonsWidth), Title.Width + 2);
        int width = Math.Clamp(inner + 2 + 2 * Padding, MinWidth, Math.Min(MaxWidth, area.Width));
        int textWidth = Math.Max(1, width - 2 - 2 * Padding);
        int rows = new Paragraph(Message) { Wrap = true }.RowCount(textWidth);
        int height = rows + (Buttons.Count > 0 ? 2 : 0) + 2;
        return area.Centered(width, height);
    }

    public void Render(Rect area, CellBuffer buffer)
    {
        var bounds = Bounds(area.Intersect(buffer.Area));
        if (bounds.IsEmpty) return;
        buffer.Clear(bounds);
        var block = new Block { Title = Title, Style = Style, BorderStyle = BorderStyle, TitleAlignment = Alignment.Center };
        block.Render(bounds, buffer);
        var inner = block.Inner(bounds).Inner(Padding, 0);
        var (text, buttons) = inner.SplitBottom(Buttons.Count > 0 ? 1 : 0);
        new Paragraph(Message) { Wrap = true, Style = Style }.Render(text, buffer);
        if (Buttons.Count == 0 || buttons.IsEmpty) return;

        int x = buttons.X + Math.Max(0, (buttons.Width - ButtonsWidth()) / 2);
        for (int i = 0; i < Buttons.Count; i++)
        {
            var style = Style.Patch(i == SelectedButton ? SelectedButtonStyle : ButtonStyle);
            x += buffer.SetString(x, buttons.Y, $"[ {Buttons[i]} ]", style, buttons.Right - x);
            x += 2;
        }
    }

    private int ButtonsWidth() => Buttons.Sum(b => TextWidth.Of(b) + 4) + 2 * Math.Max(0, Buttons.Count - 1);
}
