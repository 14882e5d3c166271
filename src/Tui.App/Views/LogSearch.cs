using Tui.App.Shell;
using Tui.Core.Logs;

namespace Tui.App.Views;

/// <summary>
/// Finds the next line containing a query (ignoring case) in a source's lines, from the current match or the
/// bottom of the view, older (n) or newer (N), wrapping around at the ends as a pager does.
/// </summary>
public static class LogSearch
{
    /// <param name="lines">The source's lines after the filter, oldest first.</param>
    /// <param name="offset">The view's distance from the newest line: where a search without a current match starts.</param>
    /// <returns>The matching line and its distance from the newest line, or null when nothing matches.</returns>
    public static (LineRef Line, int Offset)? Find(IReadOnlyList<LogLine> lines, string query, LineRef? from, int offset, SearchDirection direction)
    {
        if (query.Length == 0 || lines.Count == 0) return null;
        int n = lines.Count;
        int start;
        int current = from is { } f ? IndexOf(lines, f) : -1;
        if (current >= 0)
            start = direction == SearchDirection.Older ? current - 1 : current + 1;
        else
            start = Math.Clamp(n - 1 - offset, 0, n - 1); // the bottom line of the view counts

        for (int step = 0; step < n; step++)
        {
            int i = direction == SearchDirection.Older ? start - step : start + step;
            i = ((i % n) + n) % n;
            if (LogText.Matches(lines[i], query))
                return (new LineRef(lines[i].Process, lines[i].Sequence), n - 1 - i);
        }
        return null;
    }

    private static int IndexOf(IReadOnlyList<LogLine> lines, LineRef line)
    {
        for (int i = lines.Count - 1; i >= 0; i--)
        {
            if (lines[i].Sequence == line.Sequence && lines[i].Process == line.Process) return i;
        }
        return -1;
    }
}
