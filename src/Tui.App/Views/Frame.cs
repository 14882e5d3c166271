using Tui.App.Themes;
using Tui.Terminal.Drawing;
using Tui.Terminal.Widgets;

namespace Tui.App.Views;

/// <summary>A pane's box: rounded, in the focus colour when the pane has the keyboard, a title left and a note right.</summary>
public static class Frame
{
    public static void Render(Rect area, string title, string note, bool focused, Theme theme, CellBuffer buffer)
    {
        var border = theme.Fg(focused ? ThemeRole.FocusBorder : ThemeRole.Border);
        new Block
        {
            BorderType = BorderType.Rounded,
            BorderStyle = border,
            Style = theme.Base,
            Title = new Line(title, theme.Fg(ThemeRole.Title).Bold()),
        }.Render(area, buffer);
        if (note.Length > 0 && area.Width > TextWidth.Of(title) + TextWidth.Of(note) + 4)
        {
            int width = TextWidth.Of(note);
            buffer.SetString(area.Right - 1 - width - 1, area.Y, note, theme.Fg(ThemeRole.Muted));
        }
    }

    /// <summary>The compact layout's pane title: one rule line instead of a box, "── api · follow ───".</summary>
    public static void Rule(Rect row, string title, string note, bool focused, Theme theme, CellBuffer buffer)
    {
        if (row.IsEmpty) return;
        var border = theme.Fg(focused ? ThemeRole.FocusBorder : ThemeRole.Border);
        buffer.Fill(row, "─", border);
        int x = row.X + 1;
        x += buffer.SetString(x, row.Y, title, theme.Fg(ThemeRole.Title).Bold(), row.Width - 2, Overflow.Ellipsis);
        int noteWidth = TextWidth.Of(note);
        if (note.Length > 0 && row.Right - 1 - noteWidth > x + 1)
            buffer.SetString(row.Right - 1 - noteWidth, row.Y, note, theme.Fg(ThemeRole.Muted));
    }
}
