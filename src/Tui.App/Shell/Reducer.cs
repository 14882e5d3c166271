using System.Collections.Immutable;
using Tui.App.Views;

namespace Tui.App.Shell;

/// <summary>
/// The one place the shell's state changes: <c>Update(state, msg) → (state, effect)</c>, pure and synchronous
/// (bubbletea's Update). It is split by concern over Reducer.*.cs. A message that changes nothing returns the very
/// same state instance, so the loop can skip drawing by reference comparison.
/// </summary>
public static partial class Reducer
{
    /// <summary>How long a notification stays, by level: errors need longer to read and matter more.</summary>
    public static readonly TimeSpan InfoLifetime = TimeSpan.FromSeconds(4),
        WarningLifetime = TimeSpan.FromSeconds(8),
        ErrorLifetime = TimeSpan.FromSeconds(12);

    /// <summary>Notifications kept at once; a burst of crashes must not cover the screen.</summary>
    public const int MaxNotifications = 4;

    public static (AppState State, Effect? Effect) Update(AppState state, Msg msg) => msg switch
    {
        Msg.Key k => OnKey(state, k.Chord),
        Msg.Mouse m => (OnMouse(state, m), null),
        Msg.Resize r => (r.Width == state.Width && r.Height == state.Height
            ? state
            : Normalize(state with { Width = r.Width, Height = r.Height }), null),
        Msg.Tick t => (OnTick(state, t.Now), null),
        // The same array again (a replay to a late subscriber) is no change.
        Msg.Snapshots s => (s.Processes == state.Processes ? state : Normalize(state with { Processes = s.Processes }), null),
        Msg.Events e => (OnEvents(state, e.Items), null),
        Msg.Logs l => (OnLogs(state, l.Lines), null),
        Msg.Stats s => (OnStats(state, s.Samples), null),
        Msg.CommandDone c => (OnCommandDone(state, c), null),
        // Success and config errors arrive as engine events (ConfigReloaded, ConfigError); Notify drops the repeat.
        Msg.ReloadDone r => (r.Result.Ok ? state : Notify(state, NotificationLevel.Error, r.Result.Error ?? "reload failed"), null),
        Msg.Paste p => OnPaste(state, p.Text),
        Msg.InputSent i => (i.Result.Ok ? state : Notify(state, NotificationLevel.Error, i.Result.Error ?? $"input to {i.Process} failed"), null),
        Msg.ThemeLoaded t => (OnThemeLoaded(state, t), null),
        Msg.MatchFound m => (OnMatchFound(state, m), null),
        Msg.Notify n => (Notify(state, n.Level, n.Text), null),
        Msg.Config c => OnConfig(state, c.Value),
        _ => (state, null),
    };

    /// <summary>The rows and the layout for the current state: what page sizes and hit tests need.</summary>
    public static (ImmutableArray<ProcessRow> Rows, ShellLayout Layout) Geometry(AppState state)
    {
        var rows = ProcessRows.Build(state);
        return (rows, ShellLayout.Compute(state.Width, state.Height, rows.Length));
    }

    /// <summary>
    /// Adds a notification (dropping the oldest beyond <see cref="MaxNotifications"/>). The same text at the same level
    /// replaces the one shown, so one fact told twice (a command's reply and the engine's event) shows once.
    /// </summary>
    public static AppState Notify(AppState state, NotificationLevel level, string text)
    {
        var lifetime = level switch
        {
            NotificationLevel.Error => ErrorLifetime,
            NotificationLevel.Warning => WarningLifetime,
            _ => InfoLifetime,
        };
        var list = state.Notifications.RemoveAll(n => n.Level == level && n.Text == text).Add(new Notification(state.NextNotificationId, level, text, state.Now + lifetime));
        while (list.Count > MaxNotifications) list = list.RemoveAt(0);
        return state with { Notifications = list, NextNotificationId = state.NextNotificationId + 1 };
    }

    private static AppState OnTick(AppState state, DateTimeOffset now)
    {
        var kept = state.Notifications.RemoveAll(n => n.Expires <= now);
        return state with { Now = now, Notifications = kept.Count == state.Notifications.Count ? state.Notifications : kept };
    }

    /// <summary>
    /// Keeps the selection on an existing row (a process hidden by folding selects its group's header; otherwise the
    /// first row) and scrolls the list so the selection is visible. Returns the same instance when nothing moved.
    /// </summary>
    internal static AppState Normalize(AppState state)
    {
        var (rows, layout) = Geometry(state);
        var list = state.List;
        int index = IndexOf(rows, list.Selected);
        if (index < 0 && rows.Length > 0)
        {
            var p = list.Selected is { IsGroup: false } key ? state.Find(key.Name) : null;
            index = p?.Group is { } g ? IndexOf(rows, RowKey.Group(g)) : -1;
            // Nothing selected yet: the first process, not a group header (its logs and detail are what one wants to see).
            if (index < 0 && list.Selected is null) index = Math.Max(0, rows.IndexOf(rows.FirstOrDefault(r => r is ProcessRow.Item)!));
            if (index < 0) index = 0;
        }
        RowKey? selected = index >= 0 ? rows[index].Key : null;
        int height = Math.Max(1, layout.ListRows.Height);
        int offset = list.Offset;
        if (index >= 0)
        {
            if (index < offset) offset = index;
            if (index >= offset + height) offset = index - height + 1;
        }
        offset = Math.Clamp(offset, 0, Math.Max(0, rows.Length - height));
        if (selected == list.Selected && offset == list.Offset) return state;
        return FollowNewSelection(state, state with { List = list with { Selected = selected, Offset = offset } });
    }

    /// <summary>When the selection moved to another row, its log starts at the newest line again.</summary>
    private static AppState FollowNewSelection(AppState before, AppState after) =>
        after.List.Selected == before.List.Selected || after.Log.Merged
            ? after
            : after with { Log = after.Log with { Follow = true, Offset = 0, CurrentMatch = null } };

    internal static int IndexOf(ImmutableArray<ProcessRow> rows, RowKey? key)
    {
        if (key is null) return -1;
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i].Key == key.Value) return i;
        }
        return -1;
    }
}
