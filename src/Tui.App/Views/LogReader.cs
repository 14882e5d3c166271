using Tui.App.Shell;
using Tui.Core.Logs;
using Tui.Core.Supervision;

namespace Tui.App.Views;

/// <summary>
/// Reads the lines the log pane needs straight from the engine's rings: only a screenful (plus the scroll offset)
/// per frame, so the cost of a frame does not grow with the amount of log. Merged sources are interleaved by time.
/// </summary>
public static class LogReader
{
    /// <summary>
    /// With a filter, the lines that pass are not the newest ones, so a frame has to look further back; this bounds
    /// the look per process so a filtered view of a busy log still draws in well under a frame's time.
    /// </summary>
    public const int FilterScanLines = 5_000;

    /// <summary>The processes whose lines a source shows, in config order.</summary>
    public static IReadOnlyList<string> Processes(AppState state, LogSource source) => source switch
    {
        LogSource.Process p => [p.Name],
        LogSource.Group g => state.Processes.Where(x => x.Group == g.Name).Select(x => x.Name).ToList(),
        _ => state.Processes.Select(x => x.Name).ToList(),
    };

    /// <summary>
    /// The lines to draw, oldest first: up to <paramref name="count"/> lines that end <paramref name="offset"/> lines
    /// above the newest one (all counted after the filter). Fewer when the ring holds fewer.
    /// </summary>
    public static IReadOnlyList<LogLine> Window(ISupervisorClient data, AppState state, LogSource source, string filter, int offset, int count)
    {
        var lines = Read(data, state, source, filter, offset + count);
        int end = Math.Max(0, lines.Count - offset);
        int start = Math.Max(0, end - count);
        if (start == 0 && end == lines.Count) return lines;
        return lines is List<LogLine> list ? list.GetRange(start, end - start) : lines.Skip(start).Take(end - start).ToList();
    }

    /// <summary>The newest <paramref name="needed"/> lines of a source that pass the filter, oldest first (search reads them all).</summary>
    public static IReadOnlyList<LogLine> Read(ISupervisorClient data, AppState state, LogSource source, string filter, int needed)
    {
        var processes = Processes(state, source);
        int perProcess = filter.Length > 0 ? Math.Max(needed, FilterScanLines) : needed;
        if (processes.Count == 1)
        {
            var own = data.RecentLogs(processes[0], perProcess);
            return filter.Length == 0 ? own : Filter(own, filter, needed);
        }

        var merged = new List<LogLine>();
        foreach (var name in processes)
        {
            var lines = data.RecentLogs(name, perProcess);
            if (filter.Length > 0) lines = Filter(lines, filter, needed);
            merged.AddRange(lines);
        }
        // Stable: lines with the same timestamp keep config order, and a process's own lines their order.
        var ordered = merged.OrderBy(l => l.Timestamp).ToList();
        return ordered.Count <= needed ? ordered : ordered.GetRange(ordered.Count - needed, needed);
    }

    private static List<LogLine> Filter(IReadOnlyList<LogLine> lines, string filter, int needed)
    {
        var kept = new List<LogLine>();
        for (int i = lines.Count - 1; i >= 0 && kept.Count < needed; i--)
        {
            if (LogText.Matches(lines[i], filter)) kept.Add(lines[i]);
        }
        kept.Reverse();
        return kept;
    }
}
