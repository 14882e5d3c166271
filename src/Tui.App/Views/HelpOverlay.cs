using Tui.App.Keys;
using Tui.App.Shell;
using Tui.App.Themes;
using Tui.Terminal.Drawing;
using Tui.Terminal.Widgets;

namespace Tui.App.Views;

/// <summary>Every action with its keys, by category, in a box over the screen; built from the key map, so it is never out of date.</summary>
public static class HelpOverlay
{
    private const int MaxWidth = 84;
    private const int KeyColumnWidth = 16;

    public static IReadOnlyList<Line> Lines(AppState state)
    {
        var theme = state.Theme;
        var lines = new List<Line>();
        foreach (var category in Enum.GetValues<ActionCategory>())
        {
            if (lines.Count > 0) lines.Add(Line.Empty);
            lines.Add(new Line(category.ToString(), theme.Fg(ThemeRole.Accent).Bold()));
            foreach (var info in ActionCatalog.All.Where(a => a.Category == category))
            {
                var keys = state.Keys.KeysFor(info.Action);
                var keyText = keys.IsEmpty ? "(unbound)" : string.Join(" ", keys.Select(k => k.ToString()));
                lines.Add(new Line(
                    new Span("  " + keyText.PadRight(KeyColumnWidth - 2), new Style().Fg(theme[ThemeRole.Key]).Bold()),
                    new Span(" " + info.Help, theme.Base)));
            }
        }
        lines.Add(Line.Empty);
        lines.Add(new Line("Mouse: click selects (a group header folds), the wheel scrolls the pane under it.", theme.Fg(ThemeRole.Muted)));
        lines.Add(new Line("Keys can be changed in the config's [keys] table, e.g. stop = \"ctrl+x\".", theme.Fg(ThemeRole.Muted)));
        return lines;
    }

    /// <summary>How far the help can scroll on this screen: its lines less the rows inside the box.</summary>
    public static int MaxScroll(AppState state)
    {
        int lines = Lines(state).Count;
        return Math.Max(0, lines - (BoxHeight(lines, state.Height) - 2));
    }

    private static int BoxHeight(int lines, int screenHeight) => Math.Min(lines + 2, screenHeight - 2);

    public static void Render(AppState state, Overlay.Help help, Rect screen, CellBuffer buffer)
    {
        var theme = state.Theme;
        var lines = Lines(state);
        int width = Math.Min(MaxWidth, screen.Width - 2);
        int height = BoxHeight(lines.Count, screen.Height);
        var box = screen.Centered(width, height);
        if (box.IsEmpty) return;
        buffer.Fill(box, " ", theme.Base);
        var block = new Block
        {
            BorderType = BorderType.Rounded,
            BorderStyle = theme.Fg(ThemeRole.FocusBorder),
            Style = theme.Base,
            Title = new Line(" keys ", theme.Fg(ThemeRole.Title).Bold()),
            BottomTitle = lines.Count + 2 > height ? new Line(" ↑↓ scroll · any other key closes ", theme.Fg(ThemeRole.Muted)) : null,
            TitleAlignment = Alignment.Center,
        };
        block.Render(box, buffer);
        var inner = block.Inner(box).Inner(1, 0);
        int scroll = Math.Clamp(help.Scroll, 0, Math.Max(0, lines.Count - inner.Height));
        new Paragraph(lines) { ScrollY = scroll, Style = theme.Base }.Render(inner, buffer);
    }
}
