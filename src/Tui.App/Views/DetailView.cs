using System.Globalization;
using Tui.App.Shell;
using Tui.App.Themes;
using Tui.Core.Supervision;
using Tui.Terminal.Drawing;
using Tui.Terminal.Widgets;

namespace Tui.App.Views;

/// <summary>
/// The selected process in detail: command, cwd, pid and tree size, CPU and memory sparklines with their scales,
/// last exit, restart count and countdown, and the latest restarts with their causes. For a group header: its members.
/// </summary>
public static class DetailView
{
    private const int LabelWidth = 9;

    /// <summary>Room after a sparkline for "12.3%   scale 0-20%" / "84M     range 80M-92M".</summary>
    private const int ValueWidth = 26;

    /// <summary>From this inner height the sparklines get three rows each instead of one (the wide layout's tall column).</summary>
    public const int TallSparklinesFromHeight = 14;
    private const int TallSparklineRows = 3;

    public static void Render(AppState state, Rect area, ISupervisorClient data, CellBuffer buffer)
    {
        if (area.IsEmpty) return;
        var theme = state.Theme;
        var selected = state.List.Selected;
        string title = selected is { } key ? $" {(key.IsGroup ? "group " : "")}{key.Name} " : " detail ";
        Frame.Render(area, title, "", false, theme, buffer);
        var inner = area.Inner(1).Inner(1, 0);
        if (inner.IsEmpty) return;

        if (selected is { IsGroup: true } group)
        {
            RenderGroup(state, group.Name, inner, buffer);
            return;
        }
        var p = state.SelectedProcess;
        if (p is null)
        {
            buffer.SetString(inner.X, inner.Y, "no process selected", theme.Fg(ThemeRole.Muted), inner.Width);
            return;
        }
        RenderProcess(state, p, inner, data, buffer);
    }

    private static void RenderProcess(AppState state, ProcessSnapshot p, Rect inner, ISupervisorClient data, CellBuffer buffer)
    {
        var theme = state.Theme;
        var muted = theme.Fg(ThemeRole.Muted);
        int y = inner.Y;
        bool Row(string label, Line value)
        {
            if (y >= inner.Bottom) return false;
            buffer.SetString(inner.X, y, label, muted, LabelWidth);
            buffer.SetLine(inner.X + LabelWidth, y, value, inner.Width - LabelWidth, Overflow.Ellipsis);
            y++;
            return true;
        }

        Row("command", new Line(p.Config.Command.Display, theme.Base));
        Row("cwd", new Line(PathText.Short(p.Config.Cwd, state.ConfigPath), theme.Base));

        state.Stats.TryGetValue(p.Name, out var stats);
        bool alive = p.State.IsAlive();
        var pidLine = new List<Span> { new(StateGlyphs.Text(p), theme.State(p.State)) };
        if (alive && p.Pid is { } pid)
        {
            pidLine.Add(new Span($" · pid {pid}", theme.Base));
            if (stats is not null)
                pidLine.Add(new Span(string.Create(CultureInfo.InvariantCulture,
                    $" · {stats.ProcessCount} proc · {stats.Threads} threads · {stats.OpenFds} fds"), theme.Base));
            if (p.StartedAt is { } started) pidLine.Add(new Span($" · up {Format.Duration(state.Now - started)}", theme.Base));
        }
        else
        {
            pidLine.Add(new Span($" for {Format.Duration(state.Now - p.StateSince)}", muted));
        }
        if (p.Health is { } health) pidLine.Add(new Span($" · health {health}", theme.Base));
        Row("state", new Line(pidLine));

        if (p.Progress is { } progress && y < inner.Bottom)
        {
            buffer.SetString(inner.X, y, "progress", muted, LabelWidth);
            new Gauge(progress) { Style = theme.Base, FilledStyle = new Style().Fg(theme[ThemeRole.Background]).Bg(theme[ThemeRole.Gauge]) }
                .Render(new Rect(inner.X + LabelWidth, y, Math.Min(40, inner.Width - LabelWidth), 1), buffer);
            y++;
        }

        var history = data.StatsHistory(p.Name);
        bool sparkRowsSkipped = false;
        if (history.Count == 0)
        {
            Row("cpu/mem", new Line(alive ? "no samples yet" : "not running", muted));
            sparkRowsSkipped = true;
        }
        int sparkRows = inner.Height >= TallSparklinesFromHeight ? TallSparklineRows : 1;
        // As wide as the history and the room allow, one sample per cell; the scale covers what is shown. Block bars, not
        // braille: many monospace fonts lack braille and draw it wider, which breaks the row.
        int sparkWidth = Math.Clamp(history.Count, 0, Math.Max(0, inner.Width - LabelWidth - ValueWidth - 1));
        int samples = Spark.Samples(sparkWidth, SparklineMode.Blocks);
        if (!sparkRowsSkipped && y + sparkRows <= inner.Bottom)
        {
            var scale = Spark.DetailCpuScale(history, samples);
            buffer.SetString(inner.X, y, "cpu", muted, LabelWidth);
            Spark.Cpu(history, new Rect(inner.X + LabelWidth, y, sparkWidth, sparkRows), scale, theme, buffer, SparklineMode.Blocks);
            var now = alive && stats is not null ? Format.Percent(stats.CpuPercent) + "%" : "-";
            buffer.SetString(inner.X + LabelWidth + sparkWidth + 1, y + sparkRows - 1,
                $"{now,-7} scale 0-{Format.Percent(scale.High)}%", theme.Base, ValueWidth);
            y += sparkRows;
        }
        if (!sparkRowsSkipped && y + sparkRows <= inner.Bottom)
        {
            var scale = Spark.MemoryScale(history, samples);
            buffer.SetString(inner.X, y, "memory", muted, LabelWidth);
            Spark.Memory(history, new Rect(inner.X + LabelWidth, y, sparkWidth, sparkRows), scale, theme, buffer, SparklineMode.Blocks);
            var now = alive && stats is not null ? Format.Bytes(stats.RssBytes) : "-";
            var range = history.Count == 0 ? "" : $"range {Format.Bytes((long)scale.Low)}-{Format.Bytes((long)scale.High)}";
            buffer.SetString(inner.X + LabelWidth + sparkWidth + 1, y + sparkRows - 1, $"{now,-7} {range}", theme.Base, ValueWidth);
            y += sparkRows;
        }

        var exit = new List<Span>();
        if (p.LastExit is { } last)
        {
            exit.Add(new Span(last.ToString(), last.Success ? theme.Base : theme.Fg(ThemeRole.Failed)));
            if (!alive) exit.Add(new Span($" at {Format.Clock(p.StateSince)}", muted));
        }
        else exit.Add(new Span("none yet", muted));
        exit.Add(new Span($" · {p.Restarts} restart{(p.Restarts == 1 ? "" : "s")}", p.Restarts > 0 ? theme.Fg(ThemeRole.Backoff) : theme.Base));
        if (p.State == ProcessState.Backoff && p.NextRestartAt is { } next)
            exit.Add(new Span($" · next restart in {Format.Countdown(next - state.Now)}", theme.Fg(ThemeRole.Backoff).Bold()));
        else if (p.Reason is { } reason && !alive)
            exit.Add(new Span($" · {reason}", muted));
        if (Format.NextRun(p, state.Now) is { } nextRun)
            exit.Add(new Span($" · {nextRun} (at {Format.Clock(p.NextRunAt!.Value)})", theme.Base));
        Row("exit", new Line(exit));

        var restarts = state.Restarts.GetValueOrDefault(p.Name);
        if (restarts is null || restarts.Count == 0) return;
        // Newest first; one per line when there is room, otherwise as many as fit on one line.
        var newestFirst = restarts.Reverse().Select(r => $"{Format.Clock(r.At)} {r.Cause} (after {Format.Duration(r.Delay)})").ToList();
        int rowsLeft = inner.Bottom - y;
        if (rowsLeft >= 2)
        {
            for (int i = 0; i < newestFirst.Count && y < inner.Bottom; i++)
                Row(i == 0 ? "restarts" : "", new Line(newestFirst[i], theme.Base));
        }
        else
        {
            Row("restarts", new Line(string.Join(" · ", newestFirst), theme.Base));
        }
    }

    private static void RenderGroup(AppState state, string group, Rect inner, CellBuffer buffer)
    {
        var theme = state.Theme;
        var members = state.Processes.Where(p => p.Group == group).ToList();
        int y = inner.Y;
        buffer.SetString(inner.X, y++, $"{members.Count} processes · {members.Count(m => m.State.IsAlive())} up · " +
            "s/x/r act on the whole group", theme.Fg(ThemeRole.Muted), inner.Width, Overflow.Ellipsis);
        foreach (var m in members)
        {
            if (y >= inner.Bottom) break;
            int x = inner.X + buffer.SetString(inner.X, y, m.Name.PadRight(ListColumns.NameMinWidth), theme.Base, inner.Width);
            buffer.SetString(x + 1, y, StateGlyphs.Text(m), theme.State(m.State), inner.Right - x - 1);
            y++;
        }
    }
}
