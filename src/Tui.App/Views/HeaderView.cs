using Tui.App.Shell;
using Tui.Core.Supervision;
using Tui.Terminal.Drawing;

namespace Tui.App.Views;

/// <summary>The top line: program, config file, counts by state, and the clock at the right.</summary>
public static class HeaderView
{
    public static void Render(AppState state, Rect area, CellBuffer buffer)
    {
        var theme = state.Theme;
        var style = theme.Header;
        buffer.Fill(area, " ", style);
        var processes = state.Processes;
        int running = 0, ready = 0, crashed = 0, stopped = 0, done = 0, waiting = 0;
        foreach (var p in processes)
        {
            switch (p.State)
            {
                case ProcessState.Ready: ready++; break;
                case ProcessState.Starting or ProcessState.Running or ProcessState.Paused or ProcessState.Stopping: running++; break;
                case ProcessState.Backoff or ProcessState.Failed or ProcessState.Errored: crashed++; break;
                case ProcessState.Completed: done++; break;
                case ProcessState.Waiting or ProcessState.Queued: waiting++; break;
                default: stopped++; break;
            }
        }

        var spans = new List<Span>
        {
            new(" Tui", style.Bold().Fg(theme[Themes.ThemeRole.Accent])),
            new(area.Width < ShellLayout.CompactBelowWidth
                ? $" · {Path.GetFileName(state.ConfigPath)} "
                : $" · {Path.GetFileName(state.ConfigPath)} · {processes.Length} processes ", style),
        };
        void Count(int n, string label, ProcessState colour, bool always)
        {
            if (n == 0 && !always) return;
            spans.Add(new Span($" {n} {label}", n == 0 ? style.Fg(theme[Themes.ThemeRole.Muted]) : style.Fg(theme[Theme(colour)])));
        }
        // Narrow screens leave out the zero counts (except running), so the clock keeps its place.
        bool all = area.Width >= ShellLayout.CompactBelowWidth;
        Count(running, "running", ProcessState.Running, true);
        Count(ready, "ready", ProcessState.Ready, all);
        Count(crashed, "crashed", ProcessState.Failed, all);
        Count(stopped, "stopped", ProcessState.Stopped, all);
        Count(waiting, "waiting", ProcessState.Waiting, false);
        Count(done, "done", ProcessState.Completed, false);

        var clock = Format.Clock(state.Now) + " ";
        int clockWidth = clock.Length;
        buffer.SetLine(area.X, area.Y, new Line(spans), Math.Max(0, area.Width - clockWidth - 1), Overflow.Ellipsis);
        if (area.Width > clockWidth) buffer.SetString(area.Right - clockWidth, area.Y, clock, style);
    }

    private static Themes.ThemeRole Theme(ProcessState state) => Themes.Theme.RoleOf(state);
}
