using Tui.Terminal.Drawing;

namespace Tui.App.Views;

/// <summary>
/// Where each part of the screen goes, as a pure function of the terminal size and the list's row count.
/// The reducer uses it too (page size, mouse hit tests), so drawing and input always agree on the geometry.
/// </summary>
/// <param name="ListRows">The area the list's rows are drawn in (below its column header).</param>
/// <param name="LogLines">The area log lines are drawn in (inside the pane's frame or below its title line).</param>
public sealed record ShellLayout(
    LayoutMode Mode,
    Rect Header,
    Rect List,
    Rect ListColumns,
    Rect ListRows,
    Rect Detail,
    Rect Logs,
    Rect LogLines,
    Rect Hints)
{
    /// <summary>Below this width the list must drop columns and boxes cost too much: compact mode.</summary>
    public const int CompactBelowWidth = 100;

    /// <summary>Below this height a detail pane would leave the logs too few lines: compact mode.</summary>
    public const int CompactBelowHeight = 30;

    /// <summary>From this width the log pane goes beside the list: a 100-column list still leaves 60+ columns of log.</summary>
    public const int WideFromWidth = 160;

    /// <summary>The list never takes more than this share of the body, so the log pane keeps room.</summary>
    public const int ListMaxPercent = 45;

    /// <summary>Rows of the detail pane including its frame: command, cwd, pid line, cpu/mem sparklines, exit, restarts.</summary>
    public const int DetailHeight = 9;

    /// <summary>The left column of the wide layout: wide enough for every list column, not wider.</summary>
    public const int WideLeftMinWidth = 100, WideLeftMaxWidth = 130, WideLeftPercent = 55;

    public static ShellLayout Compute(int width, int height, int listRowCount)
    {
        var screen = new Rect(0, 0, Math.Max(0, width), Math.Max(0, height));
        var (header, rest) = screen.SplitTop(1);
        var (body, hints) = rest.SplitBottom(1);

        if (width < CompactBelowWidth || height < CompactBelowHeight)
        {
            // No frames: the list's column header and the log pane's title line separate the parts.
            int listHeight = Math.Clamp(listRowCount + 1, 2, Math.Max(2, body.Height * ListMaxPercent / 100));
            var (list, logs) = body.SplitTop(listHeight);
            var (columns, rows) = list.SplitTop(1);
            var (_, logLines) = logs.SplitTop(1);
            return new ShellLayout(LayoutMode.Compact, header, list, columns, rows, Rect.Empty, logs, logLines, hints);
        }

        if (width < WideFromWidth)
        {
            int maxList = body.Height * ListMaxPercent / 100;
            int listHeight = Math.Clamp(listRowCount + 3, 4, Math.Max(4, maxList));
            var (list, below) = body.SplitTop(listHeight);
            var (detail, logs) = below.SplitTop(DetailHeight);
            var (columns, rows) = list.Inner(1).SplitTop(1);
            return new ShellLayout(LayoutMode.Tall, header, list, columns, rows, detail, logs, logs.Inner(1), hints);
        }

        {
            int leftWidth = Math.Clamp(width * WideLeftPercent / 100, WideLeftMinWidth, WideLeftMaxWidth);
            var (left, logs) = body.SplitLeft(leftWidth);
            int listHeight = Math.Clamp(listRowCount + 3, 4, Math.Max(4, left.Height - DetailHeight));
            var (list, detail) = left.SplitTop(listHeight);
            var (columns, rows) = list.Inner(1).SplitTop(1);
            return new ShellLayout(LayoutMode.Wide, header, list, columns, rows, detail, logs, logs.Inner(1), hints);
        }
    }
}
