using System.Collections.Immutable;
using Tui.Core.Stats;
using Tui.Core.Supervision;

namespace Tui.App.Shell;

/// <summary>What the engine tells the shell: events become notifications and restart history, stats update the columns.</summary>
public static partial class Reducer
{
    private static AppState OnEvents(AppState state, IReadOnlyList<SupervisorEvent> events)
    {
        foreach (var e in events)
        {
            state = e switch
            {
                StateChanged { To: ProcessState.Backoff } s => Notify(state, NotificationLevel.Error, $"{s.Process} crashed: {s.Reason}"),
                StateChanged { To: ProcessState.Failed } s => Notify(state, NotificationLevel.Error, $"{s.Process} failed: {s.Reason}"),
                StateChanged { To: ProcessState.Errored } s => Notify(state, NotificationLevel.Error, $"{s.Process} exited with an error: {s.Reason}"),
                RestartScheduled r => AddRestart(state, r),
                ConfigError c => Notify(state, NotificationLevel.Error, c.Message),
                ConfigReloaded r => Notify(state, NotificationLevel.Info, DescribeReload(r)),
                Notice n => Notify(state, n.Level switch
                {
                    NoticeLevel.Error => NotificationLevel.Error,
                    NoticeLevel.Warning => NotificationLevel.Warning,
                    _ => NotificationLevel.Info,
                }, n.Process is null ? n.Message : $"{n.Process}: {n.Message}"),
                _ => state,
            };
        }
        return state;
    }

    private static AppState AddRestart(AppState state, RestartScheduled r)
    {
        var list = state.Restarts.GetValueOrDefault(r.Process) ?? ImmutableList<RestartRecord>.Empty;
        list = list.Add(new RestartRecord(r.At, r.Attempt, r.Delay, r.Cause));
        if (list.Count > AppState.MaxRestartRecords) list = list.RemoveRange(0, list.Count - AppState.MaxRestartRecords);
        return state with { Restarts = state.Restarts.SetItem(r.Process, list) };
    }

    private static string DescribeReload(ConfigReloaded r)
    {
        var parts = new List<string>();
        if (r.Added.Count > 0) parts.Add("added " + string.Join(", ", r.Added));
        if (r.Removed.Count > 0) parts.Add("removed " + string.Join(", ", r.Removed));
        if (r.Changed.Count > 0) parts.Add("changed " + string.Join(", ", r.Changed));
        return parts.Count == 0 ? "config reloaded: no changes" : "config reloaded: " + string.Join("; ", parts);
    }

    private static AppState OnStats(AppState state, IReadOnlyList<ProcessStats> samples)
    {
        if (samples.Count == 0) return state;
        var stats = state.Stats.SetItems(samples.Select(s => KeyValuePair.Create(s.Process, s)));
        var next = state with { Stats = stats };
        // Sorting by CPU or memory may reorder rows; keep the selection in view.
        return state.List.Sort is SortOrder.Cpu or SortOrder.Memory ? Normalize(next) : next;
    }

    private static AppState OnCommandDone(AppState state, Msg.CommandDone done)
    {
        if (done.Result.Ok) return state;
        var verb = done.Verb.ToString().ToLowerInvariant();
        return Notify(state, NotificationLevel.Error, $"{verb} {done.Target}: {done.Result.Error ?? "failed"}");
    }

    /// <summary>A reloaded config: a changed [keys] table rebuilds the key map (and reports its problems), a changed theme is loaded.</summary>
    private static (AppState, Effect?) OnConfig(AppState state, Tui.Core.Config.TuiConfig config)
    {
        var next = state.LogCapacity == config.Settings.LogRingLines ? state : state with { LogCapacity = config.Settings.LogRingLines };
        if (!SameKeys(config.Keys, state.ConfiguredKeys))
        {
            var keys = Keys.KeyMap.Create(config.Keys);
            next = next with { Keys = keys, ConfiguredKeys = config.Keys };
            foreach (var problem in keys.Problems) next = Notify(next, NotificationLevel.Warning, problem);
        }
        if (config.Settings.Theme == state.ConfiguredTheme) return (next, null);
        return (next with { ConfiguredTheme = config.Settings.Theme }, new Effect.LoadTheme(config.Settings.Theme));
    }

    private static bool SameKeys(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static AppState OnThemeLoaded(AppState state, Msg.ThemeLoaded loaded)
    {
        var next = state with
        {
            Theme = loaded.Result.Theme,
            ThemeNames = loaded.Names.IsDefaultOrEmpty ? state.ThemeNames : loaded.Names,
        };
        if (loaded.Result.Problem is { } problem) return Notify(next, NotificationLevel.Warning, problem);
        // Cycling through themes says only where it is now, not every theme passed on the way.
        const string Prefix = "theme: ";
        next = next with { Notifications = next.Notifications.RemoveAll(n => n.Level == NotificationLevel.Info && n.Text.StartsWith(Prefix, StringComparison.Ordinal)) };
        return Notify(next, NotificationLevel.Info, Prefix + next.Theme.Name);
    }
}
