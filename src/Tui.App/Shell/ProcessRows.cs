using System.Collections.Immutable;
using Tui.Core.Supervision;

namespace Tui.App.Shell;

/// <summary>
/// Turns the snapshots into the rows the list shows: ungrouped processes first, then each group (in the
/// order groups first appear in the config) under its header; sorted within a group; filtered; folded groups
/// show only their header. A filter shows matches inside folded groups too, since hiding a match would hide the answer.
/// </summary>
public static class ProcessRows
{
    public static ImmutableArray<ProcessRow> Build(AppState state)
    {
        var list = state.List;
        var rows = ImmutableArray.CreateBuilder<ProcessRow>();
        var ungrouped = state.Processes.Where(p => p.Group is null);
        foreach (var p in Sort(ungrouped, state).Where(p => Matches(p, list.Filter)))
            rows.Add(new ProcessRow.Item(p, InGroup: false));

        foreach (var group in state.Processes.Select(p => p.Group).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var members = state.Processes.Where(p => p.Group == group).ToImmutableArray();
            var shown = Sort(members, state).Where(p => Matches(p, list.Filter)).ToList();
            if (list.Filter.Length > 0 && shown.Count == 0) continue;
            var collapsed = list.Collapsed.Contains(group) && list.Filter.Length == 0;
            rows.Add(new ProcessRow.GroupHeader(group, collapsed, members));
            if (collapsed) continue;
            foreach (var p in shown) rows.Add(new ProcessRow.Item(p, InGroup: true));
        }
        return rows.ToImmutable();
    }

    public static bool Matches(ProcessSnapshot p, string filter) =>
        filter.Length == 0
        || p.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)
        || (p.Group?.Contains(filter, StringComparison.OrdinalIgnoreCase) ?? false);

    private static IEnumerable<ProcessSnapshot> Sort(IEnumerable<ProcessSnapshot> processes, AppState state)
    {
        double Cpu(ProcessSnapshot p) => state.Stats.TryGetValue(p.Name, out var s) && p.State.IsAlive() ? s.CpuPercent : -1;
        long Mem(ProcessSnapshot p) => state.Stats.TryGetValue(p.Name, out var s) && p.State.IsAlive() ? s.RssBytes : -1;
        // ThenBy(Name) everywhere keeps equal rows from swapping places between frames.
        return state.List.Sort switch
        {
            SortOrder.Name => processes.OrderBy(p => p.Name, StringComparer.Ordinal),
            SortOrder.Cpu => processes.OrderByDescending(Cpu).ThenBy(p => p.Name, StringComparer.Ordinal),
            SortOrder.Memory => processes.OrderByDescending(Mem).ThenBy(p => p.Name, StringComparer.Ordinal),
            SortOrder.Restarts => processes.OrderByDescending(p => p.Restarts).ThenBy(p => p.Name, StringComparer.Ordinal),
            _ => processes,
        };
    }
}
