namespace Tui.App.Themes;

/// <summary>
/// What a colour is for. A theme file names colours by these roles (snake_case keys under [colors]);
/// one role per process state, so every state can be told apart by colour as well as by its symbol.
/// </summary>
public enum ThemeRole
{
    Background, Text, Muted, Accent, Border, FocusBorder, Title,
    SelectionBackground, SelectionText, HeaderBackground, HeaderText, Key,
    Pending, Waiting, Starting, Running, Ready, Paused, Stopping, Stopped, Completed, Errored, Backoff, Failed, Disabled,
    Stderr, System, SearchMatch, SearchCurrent, SparklineCpu, SparklineMemory, Gauge,
    NotifyInfo, NotifyWarning, NotifyError,
}
