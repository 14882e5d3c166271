using Tui.App.Shell;
using Tui.App.Themes;
using Tui.Terminal.Drawing;

namespace Tui.App.Views;

/// <summary>
/// Notifications, newest at the bottom, right-aligned under the header. They cover a little of the panes for a few
/// seconds and never take the keyboard.
/// </summary>
public static class NotificationsView
{
    /// <summary>A notification never covers more than this share of the width.</summary>
    public const int MaxWidthPercent = 60;

    public static void Render(AppState state, Rect screen, CellBuffer buffer)
    {
        if (state.Notifications.IsEmpty || screen.Height < 3) return;
        var theme = state.Theme;
        int maxWidth = Math.Max(10, screen.Width * MaxWidthPercent / 100);
        int y = screen.Y + 1;
        foreach (var n in state.Notifications)
        {
            if (y >= screen.Bottom - 1) break;
            var (glyph, role) = n.Level switch
            {
                NotificationLevel.Error => ("✗", ThemeRole.NotifyError),
                NotificationLevel.Warning => ("!", ThemeRole.NotifyWarning),
                _ => ("i", ThemeRole.NotifyInfo),
            };
            var text = $" {glyph} {n.Text} ";
            int width = Math.Min(TextWidth.Of(text), maxWidth);
            var style = new Style().Fg(Color.Black).Bg(theme[role]);
            int x = screen.Right - width - 1;
            // Whole cells, not a style laid over them: attributes of what is beneath (a bold header) must not show through.
            buffer.Fill(new Rect(x, y, width, 1), new Cell(" ", style));
            buffer.SetString(x, y, text, style, width, Overflow.Ellipsis);
            y++;
        }
    }
}
