namespace Tui.Terminal.Rendering;

/// <summary>The control sequences Tui sends (xterm/ECMA-48), named so the code reads as what it does.</summary>
internal static class TerminalSequences
{
    public const string EnterAlternateScreen = "\e[?1049h";
    public const string LeaveAlternateScreen = "\e[?1049l";
    public const string HideCursor = "\e[?25l";
    public const string ShowCursor = "\e[?25h";
    public const string BeginSynchronizedUpdate = "\e[?2026h";
    public const string EndSynchronizedUpdate = "\e[?2026l";
    public const string EnableBracketedPaste = "\e[?2004h";
    public const string DisableBracketedPaste = "\e[?2004l";
    public const string EnableFocusEvents = "\e[?1004h";
    public const string DisableFocusEvents = "\e[?1004l";
    /// <summary>Button presses and drags (1002) reported in SGR encoding (1006), which has no 223-column limit.</summary>
    public const string EnableMouse = "\e[?1000h\e[?1002h\e[?1006h";
    public const string DisableMouse = "\e[?1006l\e[?1002l\e[?1000l";
    public const string ResetStyle = "\e[0m";
    public const string ClearScreen = "\e[2J";
    public const string CursorHome = "\e[H";
    /// <summary>Turns autowrap back on, in case a child or a crash left it off.</summary>
    public const string EnableAutowrap = "\e[?7h";
    /// <summary>
    /// Normal cursor keys (DECCKM off) and numeric keypad (DECKPNM): what a shell expects. .NET's Console
    /// turns both on (terminfo smkx) the first time it writes to a terminal, so they are reset on leaving.
    /// </summary>
    public const string NormalKeypad = "\e[?1l\e>";
    /// <summary>Resets the scroll region to the whole screen.</summary>
    public const string ResetScrollRegion = "\e[r";
}
