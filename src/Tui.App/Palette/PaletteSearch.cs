using System.Collections.Immutable;
using Tui.App.Keys;
using Tui.App.Shell;
using Tui.App.Views;

namespace Tui.App.Palette;

/// <summary>
/// The palette's entries for a state (every bindable action with its current keys, every group, every process) and
/// their ranking for a query. Pure functions of the state: the reducer (which entry Enter runs) and the view (what is
/// drawn) compute the same list, so there is no second copy to keep in step.
/// </summary>
public static class PaletteSearch
{
    public static ImmutableArray<PaletteEntry> Entries(AppState state)
    {
        var entries = ImmutableArray.CreateBuilder<PaletteEntry>(ActionCatalog.All.Count + state.Processes.Length);
        foreach (var info in ActionCatalog.All)
        {
            // Opening the palette from the palette would only close and reopen it.
            if (info.Action == ShellAction.Palette) continue;
            var keys = state.Keys.KeysFor(info.Action);
            entries.Add(new PaletteEntry(new PaletteTarget.Action(info.Action), "action", info.Name.Replace('_', ' '), info.Help,
                string.Join(" ", keys.Select(k => k.ToString()))));
        }
        foreach (var group in state.Processes.Select(p => p.Group).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            int members = state.Processes.Count(p => p.Group == group);
            entries.Add(new PaletteEntry(new PaletteTarget.Group(group), "group", group, members == 1 ? "1 process" : $"{members} processes", ""));
        }
        foreach (var p in state.Processes)
        {
            var detail = p.Group is { } g ? $"{g} · {StateGlyphs.Label(p.State)}" : StateGlyphs.Label(p.State);
            entries.Add(new PaletteEntry(new PaletteTarget.Process(p.Name), "process", p.Name, detail, ""));
        }
        return entries.ToImmutable();
    }

    /// <summary>The entries matching the query, best first; an empty query keeps them all in their order.</summary>
    public static ImmutableArray<PaletteResult> Results(AppState state, string query) => Rank(Entries(state), query);

    /// <summary>
    /// Best score first; among equal scores the match that starts earlier (a name hit before a help-text hit), then the
    /// shorter text, then the entries' own order, so equal results never swap places between keystrokes.
    /// </summary>
    public static ImmutableArray<PaletteResult> Rank(ImmutableArray<PaletteEntry> entries, string query)
    {
        query = query.Trim();
        var results = new List<(PaletteResult Result, int Index)>(entries.Length);
        for (int i = 0; i < entries.Length; i++)
        {
            if (FuzzyMatcher.Match(query, entries[i].Text) is { } match)
                results.Add((new PaletteResult(entries[i], match), i));
        }
        if (query.Length > 0)
        {
            results.Sort((a, b) =>
            {
                int c = b.Result.Match.Score.CompareTo(a.Result.Match.Score);
                if (c == 0) c = a.Result.Match.Start.CompareTo(b.Result.Match.Start);
                if (c == 0) c = a.Result.Entry.Text.Length.CompareTo(b.Result.Entry.Text.Length);
                return c != 0 ? c : a.Index.CompareTo(b.Index);
            });
        }
        return [.. results.Select(r => r.Result)];
    }
}
