using System.Collections.Immutable;
using Tui.App.Shell;
using Tui.App.Themes;
using Tui.Core.Supervision;
using Tui.Terminal.Drawing;
using Tui.Terminal.Widgets;

namespace Tui.App.Views;

/// <summary>
/// The process list: a column header, then group headers and process rows. The selected row carries a '›' marker
/// (visible without colour) and the selection colour when the list has the keyboard.
/// </summary>
public static class ProcessListView
{
    private const string Indent = "  ";
    private const string SelectedMarker = "›";
    private const string Missing = "-";

    public static void Render(AppState state, ImmutableArray<ProcessRow> rows, ShellLayout layout, ISupervisorClient data, CellBuffer buffer)
    {
        var theme = state.Theme;
        bool focused = state.Focus == Pane.List;
        if (layout.Mode != LayoutMode.Compact)
        {
            var title = state.List.Filter.Length > 0 ? $" processes · filter \"{state.List.Filter}\" " : " processes ";
            Frame.Render(layout.List, title, SortLabel(state.List.Sort), focused, theme, buffer);
        }

        int nameWidth = rows.Length == 0 ? 0 : rows.Max(r => r is ProcessRow.Item i ? (i.InGroup ? Indent.Length : 0) + i.Snapshot.Name.Length : 0);
        // Only a queued job's "… queued (12th)" is longer than the state column's usual width.
        int stateWidth = rows.Max(r => r is ProcessRow.Item { Snapshot.State: ProcessState.Queued } i ? TextWidth.Of(StateGlyphs.Text(i.Snapshot)) : 0);
        var columns = ListColumns.Place(layout.ListRows.X + 1, layout.ListRows.Width - 1, nameWidth, stateWidth);
        DrawColumnHeader(state, layout, columns, buffer);

        var area = layout.ListRows;
        if (rows.Length == 0)
        {
            var empty = state.List.Filter.Length > 0 ? $"no process matches \"{state.List.Filter}\"" : "no processes";
            buffer.SetString(area.X + 1, area.Y, empty, theme.Fg(ThemeRole.Muted), area.Width - 1);
            return;
        }
        int selected = Reducer.IndexOf(rows, state.List.Selected);
        for (int i = 0; i < area.Height && state.List.Offset + i < rows.Length; i++)
        {
            int index = state.List.Offset + i;
            var rowArea = area.Row(i);
            switch (rows[index])
            {
                case ProcessRow.GroupHeader header:
                    DrawGroup(state, header, rowArea, buffer);
                    break;
                case ProcessRow.Item item:
                    DrawProcess(state, item, rowArea, columns, data, buffer);
                    break;
            }
            if (index == selected)
            {
                buffer.SetString(rowArea.X, rowArea.Y, SelectedMarker, theme.Fg(ThemeRole.Accent).Bold());
                buffer.SetStyle(rowArea, focused ? theme.Selection : new Style().Bold());
            }
        }
    }

    private static string SortLabel(SortOrder sort) => sort == SortOrder.Config ? "" : $" sort: {sort.ToString().ToLowerInvariant()} ";

    private static void DrawColumnHeader(AppState state, ShellLayout layout, ImmutableArray<PlacedColumn> columns, CellBuffer buffer)
    {
        var style = state.Theme.Fg(ThemeRole.Muted).Bold();
        var row = layout.ListColumns;
        if (row.IsEmpty) return;
        buffer.Fill(row, " ", state.Theme.Base);
        foreach (var c in columns)
        {
            var title = ListColumns.Title(c.Column);
            if (c.Column == ListColumn.Name && state.List.Sort == SortOrder.Name) title += "▼";
            if (c.Column == ListColumn.Cpu && state.List.Sort == SortOrder.Cpu) title += "▼";
            if (c.Column == ListColumn.Memory && state.List.Sort == SortOrder.Memory) title += "▼";
            if (c.Column == ListColumn.Restarts && state.List.Sort == SortOrder.Restarts) title += "▼";
            Put(buffer, c, row.Y, title, style, ListColumns.RightAligned(c.Column));
        }
    }

    private static void DrawGroup(AppState state, ProcessRow.GroupHeader header, Rect row, CellBuffer buffer)
    {
        var theme = state.Theme;
        int up = header.Members.Count(m => m.State.IsAlive());
        int crashed = header.Members.Count(m => m.State is ProcessState.Backoff or ProcessState.Failed or ProcessState.Errored);
        var spans = new List<Span>
        {
            new((header.Collapsed ? "▸ " : "▾ ") + header.Group, theme.Fg(ThemeRole.Title).Bold()),
            new($"  {up}/{header.Members.Length} up", theme.Fg(ThemeRole.Muted)),
        };
        if (crashed > 0) spans.Add(new Span($"  {crashed} crashed", theme.Fg(ThemeRole.Failed)));
        buffer.SetLine(row.X + 1, row.Y, new Line(spans), row.Width - 1, Overflow.Ellipsis);
    }

    private static void DrawProcess(AppState state, ProcessRow.Item item, Rect row, ImmutableArray<PlacedColumn> columns, ISupervisorClient data, CellBuffer buffer)
    {
        var theme = state.Theme;
        var p = item.Snapshot;
        bool alive = p.State.IsAlive();
        state.Stats.TryGetValue(p.Name, out var stats);
        var text = theme.Base;
        var muted = theme.Fg(ThemeRole.Muted);
        IReadOnlyList<Tui.Core.Stats.ProcessStats>? history = null;
        IReadOnlyList<Tui.Core.Stats.ProcessStats> History() => history ??= data.StatsHistory(p.Name);

        foreach (var c in columns)
        {
            switch (c.Column)
            {
                case ListColumn.Name:
                    Put(buffer, c, row.Y, (item.InGroup ? Indent : "") + p.Name, text, false);
                    break;
                case ListColumn.State:
                    Put(buffer, c, row.Y, StateGlyphs.Text(p), theme.State(p.State), false);
                    break;
                case ListColumn.Pid:
                    Put(buffer, c, row.Y, p.Pid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Missing, alive ? text : muted, true);
                    break;
                case ListColumn.Uptime:
                    Put(buffer, c, row.Y, alive && p.StartedAt is { } started ? Format.Duration(state.Now - started) : Missing, alive ? text : muted, true);
                    break;
                case ListColumn.Restarts:
                    Put(buffer, c, row.Y, p.Restarts.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Restarts > 0 ? theme.Fg(ThemeRole.Backoff) : muted, true);
                    break;
                case ListColumn.Cpu:
                    Put(buffer, c, row.Y, alive && stats is not null ? Format.Percent(stats.CpuPercent) : "", text, true);
                    break;
                case ListColumn.Memory:
                    Put(buffer, c, row.Y, alive && stats is not null ? Format.Bytes(stats.RssBytes) : "", text, true);
                    break;
                case ListColumn.CpuHistory when alive:
                    Spark.Cpu(History(), new Rect(c.X, row.Y, c.Width, 1), Spark.RowCpuScale(History(), c.Width), theme, buffer);
                    break;
                case ListColumn.MemoryHistory when alive:
                    Spark.Memory(History(), new Rect(c.X, row.Y, c.Width, 1), Spark.MemoryScale(History(), c.Width), theme, buffer);
                    break;
                case ListColumn.Exit:
                    var (reason, bad) = Reason(state, p);
                    Put(buffer, c, row.Y, reason, bad ? theme.Fg(ThemeRole.Failed) : muted, false);
                    break;
                case ListColumn.Health when p.Health is { } health:
                    Put(buffer, c, row.Y, health, HealthStyle(theme, health), false);
                    break;
            }
        }
    }

    /// <summary>What to say about why a process is where it is: a countdown in backoff, otherwise its last exit or reason.</summary>
    public static (string Text, bool Bad) Reason(AppState state, ProcessSnapshot p)
    {
        if (p.State == ProcessState.Backoff && p.NextRestartAt is { } next)
            return ($"retry in {Format.Countdown(next - state.Now)}" + (p.LastExit is { } e ? $" ({e})" : ""), true);
        if (Format.NextRun(p, state.Now) is { } nextRun)
            return (p.LastExit is { } last ? $"{nextRun} ({last})" : nextRun, p.State is ProcessState.Failed or ProcessState.Errored);
        if (p.State is ProcessState.Failed or ProcessState.Errored)
            return (p.Reason ?? p.LastExit?.ToString() ?? "", true);
        if (p.StatusText is { } status && p.State.IsAlive()) return (status, false);
        if (p.State.IsAlive()) return (p.LastExit is { } last ? $"last: {last}" : "", false);
        return (p.Reason ?? p.LastExit?.ToString() ?? "", false);
    }

    private static Style HealthStyle(Theme theme, string health) =>
        health.Contains("fail", StringComparison.OrdinalIgnoreCase) || health.Contains("unhealthy", StringComparison.OrdinalIgnoreCase)
            ? theme.Fg(ThemeRole.Failed)
            : theme.Fg(ThemeRole.Ready);

    private static void Put(CellBuffer buffer, PlacedColumn c, int y, string text, Style style, bool right)
    {
        int width = Math.Min(TextWidth.Of(text), c.Width);
        int x = right ? c.X + c.Width - width : c.X;
        buffer.SetString(x, y, text, style, c.Width - (x - c.X), Overflow.Ellipsis);
    }
}
