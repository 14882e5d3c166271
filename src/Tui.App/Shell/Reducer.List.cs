using Tui.Core.Supervision;

namespace Tui.App.Shell;

/// <summary>The process list: selection, folding, and commands on the selected row, its group, or everything.</summary>
public static partial class Reducer
{
    private static AppState MoveSelection(AppState state, int delta)
    {
        var (rows, _) = Geometry(state);
        if (rows.Length == 0) return state;
        int index = Math.Clamp(IndexOf(rows, state.List.Selected) + delta, 0, rows.Length - 1);
        return Select(state, rows[index].Key);
    }

    internal static AppState Select(AppState state, RowKey key) =>
        key == state.List.Selected ? state : FollowNewSelection(state, Normalize(state with { List = state.List with { Selected = key } }));

    private static AppState ToggleFold(AppState state, string group)
    {
        var collapsed = state.List.Collapsed.Contains(group)
            ? state.List.Collapsed.Remove(group)
            : state.List.Collapsed.Add(group);
        return Normalize(state with { List = state.List with { Collapsed = collapsed } });
    }

    private static AppState FoldSelected(AppState state) => state.List.Selected switch
    {
        { IsGroup: true } g => ToggleFold(state, g.Name),
        { } p when state.Find(p.Name)?.Group is { } group =>
            ToggleFold(state with { List = state.List with { Selected = RowKey.Group(group) } }, group),
        _ => state,
    };

    /// <summary>s/x/r/p on the selected row: the process, or on a group header the whole group.</summary>
    private static (AppState, Effect?) OnSelection(AppState state, CommandVerb verb)
    {
        switch (state.List.Selected)
        {
            case { IsGroup: true } g:
                return OnGroup(state, verb, g.Name);
            case { } p when state.Find(p.Name) is { } process:
                if (verb == CommandVerb.Pause && process.State == ProcessState.Paused) verb = CommandVerb.Resume;
                return (state, new Effect.Command(verb, new ProcessTarget.One(process.Name)));
            default:
                return (state, null);
        }
    }

    /// <summary>S/X/R, or g then s/x/r: the group of the selected row.</summary>
    private static (AppState, Effect?) OnSelectedGroup(AppState state, CommandVerb verb)
    {
        var group = state.List.Selected switch
        {
            { IsGroup: true } g => g.Name,
            { } p => state.Find(p.Name)?.Group,
            _ => null,
        };
        if (group is null)
        {
            return state.List.Selected is { } key
                ? (Notify(state, NotificationLevel.Info, $"{key.Name} is in no group"), null)
                : (state, null);
        }
        return OnGroup(state, verb, group);
    }

    private static (AppState, Effect?) OnGroup(AppState state, CommandVerb verb, string group)
    {
        var members = state.Processes.Where(p => p.Group == group).ToList();
        if (verb == CommandVerb.Pause && members.Count > 0 && members.All(p => p.State == ProcessState.Paused))
            verb = CommandVerb.Resume;
        return Confirmed(state, new Effect.Command(verb, new ProcessTarget.Group(group)), members.Count, $"of group {group}");
    }

    private static (AppState, Effect?) OnAll(AppState state, CommandVerb verb) =>
        Confirmed(state, new Effect.Command(verb, new ProcessTarget.All()), state.Processes.Length, "(all)");

    /// <summary>
    /// Stopping, restarting or pausing more than one process asks first: one mistyped key should not take a whole
    /// stack down. Starting is never destructive and runs at once.
    /// </summary>
    private static (AppState, Effect?) Confirmed(AppState state, Effect.Command command, int count, string what)
    {
        if (command.Verb is CommandVerb.Start or CommandVerb.Resume || count <= 1)
            return (state, command);
        var question = $"{command.Verb} {count} processes {what}?";
        return (state with { Overlay = new Overlay.Confirm(question, command) }, null);
    }
}
