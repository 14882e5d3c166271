namespace Tui.App.Keys;

/// <summary>Everything a key can be bound to. Config names and help text live in <see cref="ActionCatalog"/>.</summary>
public enum ShellAction
{
    Up, Down, PageUp, PageDown, Top, Bottom,
    FocusLogs, SwitchPane, Fold, Back,
    Start, Stop, Restart, Pause, Reload, Input,
    GroupPrefix, GroupStart, GroupStop, GroupRestart,
    AllLogs, Search, NextMatch, PrevMatch, Follow, Wrap, Timestamps, Filter,
    Theme, Sort, Help, Quit,
}
