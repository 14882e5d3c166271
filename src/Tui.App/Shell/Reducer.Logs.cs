using Tui.Core.Logs;

namespace Tui.App.Shell;

/// <summary>The log pane: scrolling, follow, arriving lines, search jumps.</summary>
public static partial class Reducer
{
    /// <summary>Lines one wheel notch scrolls, as most terminals and pagers do.</summary>
    public const int WheelLines = 3;

    /// <summary>A page keeps one line of the previous page on screen, so the eye finds its place.</summary>
    private static int LogPage(AppState state) => Math.Max(1, Geometry(state).Layout.LogLines.Height - 1);

    /// <summary>Scrolls by <paramref name="linesUp"/> (negative: down). Scrolling up releases follow; reaching the bottom engages it.</summary>
    private static AppState ScrollLogs(AppState state, int linesUp)
    {
        int max = MaxLogOffset(state);
        long wanted = (long)state.Log.Offset + linesUp;
        int offset = (int)Math.Clamp(wanted, 0, max);
        if (offset == 0 && linesUp < 0) return FollowLogs(state);
        if (offset == 0 && max == 0 && linesUp > 0) return state; // nothing to scroll: stay following
        var log = state.Log with { Offset = offset, Follow = false };
        return log == state.Log ? state : state with { Log = log };
    }

    private static AppState FollowLogs(AppState state)
    {
        var log = state.Log with { Offset = 0, Follow = true };
        return log == state.Log ? state : state with { Log = log };
    }

    /// <summary>How far up one can scroll: the lines the rings hold for the shown source, less a screenful.</summary>
    internal static int MaxLogOffset(AppState state)
    {
        long available = 0;
        var source = state.LogSource;
        foreach (var (process, count) in state.LogCounts)
        {
            if (Shows(state, source, process)) available += Math.Min(count, state.LogCapacity);
        }
        int height = Math.Max(1, Geometry(state).Layout.LogLines.Height);
        return (int)Math.Clamp(available - height, 0, int.MaxValue);
    }

    internal static bool Shows(AppState state, LogSource source, string process) => source switch
    {
        LogSource.Process p => p.Name == process,
        LogSource.Group g => state.Find(process)?.Group == g.Name,
        _ => true,
    };

    internal static bool PassesFilter(LogLine line, string filter) => LogText.Matches(line, filter);

    private static AppState OnLogs(AppState state, IReadOnlyList<LogLine> lines)
    {
        if (lines.Count == 0) return state;
        var counts = state.LogCounts.ToBuilder();
        var source = state.LogSource;
        int shownArrivals = 0;
        foreach (var line in lines)
        {
            counts[line.Process] = counts.GetValueOrDefault(line.Process) + 1;
            if (!state.Log.Follow && Shows(state, source, line.Process) && PassesFilter(line, state.Log.Filter))
                shownArrivals++;
        }
        var next = state with { LogCounts = counts.ToImmutable() };
        if (shownArrivals > 0)
        {
            // Not following: the view stays on the same lines, so it moves up by what arrived below it.
            int offset = (int)Math.Min((long)state.Log.Offset + shownArrivals, MaxLogOffset(next));
            next = next with { Log = next.Log with { Offset = offset } };
        }
        return next;
    }

    private static (AppState, Effect?) FindMatch(AppState state, SearchDirection direction)
    {
        if (state.Log.Search.Length == 0)
            return (state with { Overlay = new Overlay.Prompt(PromptKind.Search, "") }, null);
        return (state, new Effect.FindMatch(state.LogSource, state.Log.Search, state.Log.Filter, state.Log.CurrentMatch, state.Log.Offset, direction));
    }

    /// <summary>Shows the found line: kept where it is when already on screen, otherwise brought to the middle.</summary>
    private static AppState OnMatchFound(AppState state, Msg.MatchFound found)
    {
        if (found.Query != state.Log.Search) return state; // a stale answer to an older query
        if (found.Line is null)
            return Notify(state, NotificationLevel.Info, $"no match for \"{found.Query}\"");
        int height = Math.Max(1, Geometry(state).Layout.LogLines.Height);
        int offset = state.Log.Offset;
        if (found.Offset < offset || found.Offset >= offset + height)
            offset = Math.Max(0, found.Offset - height / 2);
        return state with { Log = state.Log with { CurrentMatch = found.Line, Offset = offset, Follow = false }, Focus = Pane.Logs };
    }
}
