using System.Collections.Immutable;
using Tui.App.Palette;
using Tui.App.Shell;
using Tui.App.Themes;
using Tui.Terminal.Drawing;
using Tui.Terminal.Widgets;

namespace Tui.App.Views;

/// <summary>
/// The command palette as a box over the screen: the query in a text input, a rule with the match count, and the
/// ranked entries (kind, text with the matched letters marked, an action's keys at the right), the chosen one in the
/// selection colours. The list scrolls to keep the chosen line in view.
/// </summary>
public static class PaletteOverlay
{
    private const int MaxWidth = 84;
    private const int MaxRows = 14;
    private const int KindWidth = 10;

    /// <summary>How many entries the box shows on a screen this tall: a page for PgUp/PgDn.</summary>
    public static int VisibleRows(int screenHeight) => Math.Clamp(screenHeight - 8, 1, MaxRows);

    public static void Render(AppState state, Overlay.Palette palette, Rect screen, CellBuffer buffer)
    {
        var theme = state.Theme;
        var entries = PaletteSearch.Entries(state);
        var results = PaletteSearch.Rank(entries, palette.Query.Text);
        int rows = VisibleRows(screen.Height);
        int width = Math.Min(MaxWidth, screen.Width - 2);
        var box = screen.Centered(width, Math.Min(rows + 4, screen.Height));
        if (box.IsEmpty || box.Height < 3) return;

        buffer.Fill(box, " ", theme.Base);
        var block = new Block
        {
            BorderType = BorderType.Rounded,
            BorderStyle = theme.Fg(ThemeRole.FocusBorder),
            Style = theme.Base,
            Title = new Line(" command palette ", theme.Fg(ThemeRole.Title).Bold()),
            BottomTitle = new Line(" ↑↓ choose · enter run · esc close ", theme.Fg(ThemeRole.Muted)),
            TitleAlignment = Alignment.Center,
        };
        block.Render(box, buffer);
        var inner = block.Inner(box).Inner(1, 0);
        var (input, rest) = inner.SplitTop(1);
        new TextInput
        {
            Prompt = "> ",
            Style = theme.Base,
            PromptStyle = theme.Fg(ThemeRole.Key).Bold(),
            Placeholder = "an action, a process or a group",
            PlaceholderStyle = theme.Fg(ThemeRole.Muted),
        }.Render(input, buffer, new TextInputState(palette.Query));

        var (rule, list) = rest.SplitTop(1);
        string count = $" {results.Length}/{entries.Length} ";
        buffer.Fill(rule, "─", theme.Fg(ThemeRole.Border));
        buffer.SetString(Math.Max(rule.X, rule.Right - TextWidth.Of(count)), rule.Y, count, theme.Fg(ThemeRole.Muted));

        int selected = Math.Clamp(palette.Selected, 0, Math.Max(0, results.Length - 1));
        int offset = Math.Max(0, selected - list.Height + 1);
        for (int i = 0; i < list.Height && offset + i < results.Length; i++)
            RenderEntry(theme, results[offset + i], list.Row(i), buffer, offset + i == selected);
        if (results.IsEmpty && !list.IsEmpty)
            buffer.SetString(list.X + 1, list.Y, "nothing matches", theme.Fg(ThemeRole.Muted), list.Width - 1);
    }

    private static void RenderEntry(Theme theme, PaletteResult result, Rect row, CellBuffer buffer, bool selected)
    {
        var baseStyle = selected ? theme.Selection : theme.Base;
        var muted = selected ? theme.Selection : theme.Fg(ThemeRole.Muted);
        buffer.Fill(row, " ", baseStyle);
        var entry = result.Entry;
        int x = row.X + buffer.SetString(row.X, row.Y, (selected ? "› " : "  ") + entry.Kind, muted, Math.Min(KindWidth, row.Width));
        x = Math.Max(x, row.X + KindWidth);

        int keysWidth = entry.Keys.Length == 0 ? 0 : TextWidth.Of(entry.Keys) + 1;
        int textWidth = Math.Max(0, row.Right - x - keysWidth - 1);
        buffer.SetLine(x, row.Y, Marked(theme, entry, result.Match.Positions, baseStyle, muted), textWidth, Overflow.Ellipsis);
        if (keysWidth > 0 && row.Right - keysWidth > x)
            buffer.SetString(row.Right - keysWidth, row.Y, entry.Keys, selected ? theme.Selection.Bold() : theme.Fg(ThemeRole.Key).Bold());
    }

    /// <summary>The entry's text, the label in the text colour and the detail muted, with the matched characters marked.</summary>
    internal static Line Marked(Theme theme, PaletteEntry entry, ImmutableArray<int> positions, Style label, Style detail)
    {
        var match = label.Fg(theme[ThemeRole.SearchMatch]).Bold().Underline();
        string text = entry.Text;
        var marked = new bool[text.Length];
        foreach (int i in positions) marked[i] = true;
        var spans = new List<Span>();
        int start = 0;
        Style current = default;
        for (int i = 0; i < text.Length; i++)
        {
            // The second half of a surrogate pair goes with the first: a span must not split a character.
            if (char.IsLowSurrogate(text[i]) && i > 0) continue;
            var style = marked[i] ? match : i < entry.Label.Length ? label.Bold() : detail;
            if (i > start && style != current)
            {
                spans.Add(new Span(text[start..i], current));
                start = i;
            }
            current = style;
        }
        if (text.Length > start) spans.Add(new Span(text[start..], current));
        return new Line(spans);
    }
}
