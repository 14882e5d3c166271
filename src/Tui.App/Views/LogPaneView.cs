using Tui.App.Shell;
using Tui.App.Themes;
using Tui.Core.Supervision;
using Tui.Terminal.Drawing;
using Tui.Terminal.Widgets;

namespace Tui.App.Views;

/// <summary>
/// The log pane: a title with the source and the modes (follow or how far scrolled, wrap, filter, search), then
/// the window of lines read from the engine's rings for this frame.
/// </summary>
public static class LogPaneView
{
    /// <summary>Merged views pad names to the longest one, up to this, so the text column stays put.</summary>
    public const int MaxNameWidth = 12;

    public static void Render(AppState state, ShellLayout layout, ISupervisorClient data, CellBuffer buffer)
    {
        var theme = state.Theme;
        var log = state.Log;
        var source = state.LogSource;
        bool focused = state.Focus == Pane.Logs;
        var title = " " + Describe(source) + " ";
        var note = Modes(log);
        if (layout.Mode == LayoutMode.Compact)
            Frame.Rule(layout.Logs.Row(0), title, note, focused, theme, buffer);
        else
            Frame.Render(layout.Logs, title, note, focused, theme, buffer);

        var area = layout.LogLines;
        if (area.IsEmpty) return;
        var lines = LogReader.Window(data, state, source, log.Filter, log.Offset, area.Height);
        if (lines.Count == 0)
        {
            var empty = log.Filter.Length > 0 ? $"no line matches \"{log.Filter}\"" : "no output yet";
            buffer.SetString(area.X + 1, area.Y, empty, theme.Fg(ThemeRole.Muted), area.Width - 1);
            return;
        }

        int nameWidth = 0;
        if (source.IsMerged)
        {
            foreach (var name in LogReader.Processes(state, source)) nameWidth = Math.Max(nameWidth, name.Length);
            nameWidth = Math.Min(nameWidth, MaxNameWidth);
        }
        var formatter = new LogLineFormatter(theme, log.Timestamps, nameWidth, log.Search, log.CurrentMatch);
        var styled = new Line[lines.Count];
        for (int i = 0; i < lines.Count; i++) styled[i] = formatter.Format(lines[i]);
        // The window already ends where the view should; the widget then shows its last screenful.
        new LogView(styled) { Wrap = log.Wrap, Style = theme.Base }.Render(area, buffer, new LogViewState { Follow = true });
    }

    public static string Describe(LogSource source) => source switch
    {
        LogSource.Process p => p.Name,
        LogSource.Group g => $"group {g.Name} (merged)",
        _ => "all processes (merged)",
    };

    private static string Modes(LogPaneState log)
    {
        var modes = new List<string>(5) { log.Follow ? "follow" : log.Offset == 0 ? "follow off" : $"{log.Offset} lines up" };
        if (log.Wrap) modes.Add("wrap");
        if (log.Filter.Length > 0) modes.Add($"filter \"{log.Filter}\"");
        if (log.Search.Length > 0) modes.Add($"search \"{log.Search}\"");
        return " " + string.Join(" · ", modes) + " ";
    }
}
