using System.Collections.Immutable;

namespace Tui.App.Views;

/// <summary>
/// Which columns fit a width, and where they go. Columns are dropped from the least important up until the rest
/// fit (80 columns keep name, state, pid, uptime, restarts, CPU, memory and their sparklines); space left over
/// widens the exit/reason column, where long texts ("command not found: foo") live.
/// </summary>
public static class ListColumns
{
    /// <summary>Cells between columns.</summary>
    public const int Gap = 1;

    /// <summary>The name column: wide enough for an indented "api-12", and no wider than a long name needs.</summary>
    public const int NameMinWidth = 10, NameMaxWidth = 24;

    /// <summary>The state column grows for "… queued (1000th)" and no further.</summary>
    public const int StateMaxWidth = 17;

    /// <summary>Room for the per-row sparklines: ten samples of history.</summary>
    public const int HistoryWidth = 10;

    private sealed record Spec(ListColumn Column, string Title, int Width, int Priority, bool RightAligned);

    // Priority: higher stays longer when the list gets narrow.
    private static readonly Spec[] Specs =
    [
        new(ListColumn.Name, "NAME", NameMinWidth, 100, false),
        new(ListColumn.State, "STATE", 10, 90, false),
        new(ListColumn.Pid, "PID", 7, 60, true),
        new(ListColumn.Uptime, "UP", 6, 70, true),
        new(ListColumn.Restarts, "↻", 3, 55, true),
        new(ListColumn.Cpu, "CPU%", 5, 80, true),
        new(ListColumn.CpuHistory, "CPU", HistoryWidth, 50, false),
        new(ListColumn.Memory, "MEM", 6, 75, true),
        new(ListColumn.MemoryHistory, "MEM", HistoryWidth, 45, false),
        new(ListColumn.Exit, "EXIT/REASON", 12, 40, false),
        new(ListColumn.Health, "HEALTH", 8, 30, false),
    ];

    public static string Title(ListColumn column) => Specs[(int)column].Title;

    public static bool RightAligned(ListColumn column) => Specs[(int)column].RightAligned;

    /// <param name="x">Where the first column starts.</param>
    /// <param name="nameWidth">The width the longest name (with its indent) wants.</param>
    /// <param name="stateWidth">The width the longest state text wants (a queued job's place); the column never gets narrower than its usual width.</param>
    public static ImmutableArray<PlacedColumn> Place(int x, int width, int nameWidth, int stateWidth = 0)
    {
        var widths = Specs.ToDictionary(s => s.Column, s => s.Width);
        widths[ListColumn.Name] = Math.Clamp(nameWidth, NameMinWidth, NameMaxWidth);
        widths[ListColumn.State] = Math.Clamp(stateWidth, widths[ListColumn.State], StateMaxWidth);
        var shown = Specs.Select(s => s.Column).ToList();
        int Used() => shown.Sum(c => widths[c]) + Gap * Math.Max(0, shown.Count - 1);
        foreach (var spec in Specs.OrderBy(s => s.Priority))
        {
            if (Used() <= width) break;
            if (spec.Column == ListColumn.Name) break;
            shown.Remove(spec.Column);
        }
        int spare = width - Used();
        if (spare > 0)
        {
            var grow = shown.Contains(ListColumn.Exit) ? ListColumn.Exit : ListColumn.Name;
            widths[grow] += spare;
        }
        else if (spare < 0)
        {
            widths[ListColumn.Name] = Math.Max(1, widths[ListColumn.Name] + spare);
        }

        var placed = ImmutableArray.CreateBuilder<PlacedColumn>(shown.Count);
        foreach (var column in shown)
        {
            placed.Add(new PlacedColumn(column, x, widths[column]));
            x += widths[column] + Gap;
        }
        return placed.ToImmutable();
    }
}
