namespace Tui.App.Keys;

/// <summary>How the help overlay groups the actions.</summary>
public enum ActionCategory { Navigation, Processes, Groups, Logs, View }

/// <summary>One bindable action: its name in the config's [keys] table, what the help says, its default keys.</summary>
public sealed record ActionInfo(ShellAction Action, string Name, ActionCategory Category, string Help, IReadOnlyList<string> DefaultKeys);

/// <summary>The table of every action. The key map, the help overlay and the hint bar all read it, so they cannot disagree.</summary>
public static class ActionCatalog
{
    public static IReadOnlyList<ActionInfo> All { get; } =
    [
        new(ShellAction.Up, "up", ActionCategory.Navigation, "move up (list) / scroll up (logs)", ["up", "k"]),
        new(ShellAction.Down, "down", ActionCategory.Navigation, "move down (list) / scroll down (logs)", ["down", "j"]),
        new(ShellAction.PageUp, "page_up", ActionCategory.Logs, "scroll logs a page up (leaves follow)", ["pgup"]),
        new(ShellAction.PageDown, "page_down", ActionCategory.Logs, "scroll logs a page down", ["pgdn"]),
        new(ShellAction.Top, "top", ActionCategory.Logs, "oldest log line", ["home"]),
        new(ShellAction.Bottom, "bottom", ActionCategory.Logs, "newest log line and follow", ["end"]),
        new(ShellAction.FocusLogs, "focus_logs", ActionCategory.Navigation, "focus the log pane (on a group: fold it)", ["enter"]),
        new(ShellAction.SwitchPane, "switch_pane", ActionCategory.Navigation, "switch between list and logs", ["tab", "backtab"]),
        new(ShellAction.Fold, "fold", ActionCategory.Navigation, "fold or unfold the selected group", ["space"]),
        new(ShellAction.Back, "back", ActionCategory.Navigation, "close, cancel, clear the filter, back to the list", ["esc"]),
        new(ShellAction.Start, "start", ActionCategory.Processes, "start the selected process", ["s"]),
        new(ShellAction.Stop, "stop", ActionCategory.Processes, "stop the selected process", ["x"]),
        new(ShellAction.Restart, "restart", ActionCategory.Processes, "restart the selected process", ["r"]),
        new(ShellAction.Pause, "pause", ActionCategory.Processes, "pause or resume the selected process", ["p"]),
        new(ShellAction.Input, "input", ActionCategory.Processes, "type into the selected process (stdin or tty; ctrl+] leaves)", ["i"]),
        new(ShellAction.Reload, "reload", ActionCategory.Processes, "reload the config file (as tui reload or a save does)", ["ctrl+r"]),
        new(ShellAction.GroupPrefix, "group", ActionCategory.Groups, "then start/stop/restart key: whole group; S/X/R: all processes", ["g"]),
        new(ShellAction.GroupStart, "group_start", ActionCategory.Groups, "start the selected row's group", ["S"]),
        new(ShellAction.GroupStop, "group_stop", ActionCategory.Groups, "stop the selected row's group", ["X"]),
        new(ShellAction.GroupRestart, "group_restart", ActionCategory.Groups, "restart the selected row's group", ["R"]),
        new(ShellAction.AllLogs, "all_logs", ActionCategory.Logs, "all processes' logs merged, or the selected one's", ["a"]),
        new(ShellAction.Search, "search", ActionCategory.Logs, "search the logs", ["/"]),
        new(ShellAction.NextMatch, "next_match", ActionCategory.Logs, "next search match (older)", ["n"]),
        new(ShellAction.PrevMatch, "prev_match", ActionCategory.Logs, "previous search match (newer)", ["N"]),
        new(ShellAction.Follow, "follow", ActionCategory.Logs, "follow the newest line", ["f"]),
        new(ShellAction.Wrap, "wrap", ActionCategory.Logs, "wrap long lines", ["w"]),
        new(ShellAction.Timestamps, "timestamps", ActionCategory.Logs, "show timestamps", ["T"]),
        new(ShellAction.Filter, "filter", ActionCategory.View, "filter the focused pane (processes or log lines)", ["F", "\\"]),
        new(ShellAction.Theme, "theme", ActionCategory.View, "next theme", ["t"]),
        new(ShellAction.Sort, "sort", ActionCategory.View, "cycle the sort: config, name, cpu, memory, restarts", ["o"]),
        new(ShellAction.Help, "help", ActionCategory.View, "this help", ["?", "F1"]),
        new(ShellAction.Quit, "quit", ActionCategory.View, "quit (asks first while processes run)", ["q", "ctrl+c"]),
    ];

    private static readonly IReadOnlyDictionary<ShellAction, ActionInfo> ByAction = All.ToDictionary(a => a.Action);

    public static ActionInfo Get(ShellAction action) => ByAction[action];

    public static ActionInfo? Find(string name) =>
        All.FirstOrDefault(a => string.Equals(a.Name, name.Replace('-', '_'), StringComparison.OrdinalIgnoreCase));
}
