using Tui.App.Keys;
using Tui.Core.Supervision;

namespace Tui.App.Shell;

/// <summary>Input mode: the selected process gets the keys (a line at a time on a pipe, each key on a pty) until ctrl+] leaves.</summary>
public static partial class Reducer
{
    /// <summary>Leaves input mode. Fixed, not bindable: every other key belongs to the process (ctrl+] is telnet's escape, as in mprocs).</summary>
    public static readonly KeyChord LeaveInput = KeyChord.Of(']', KeyModifiers.Ctrl);

    /// <summary>A typed line longer than this is a paste gone wrong; it stays well inside what one write takes.</summary>
    public const int MaxInputLineLength = 2000;

    private static AppState EnterInput(AppState state)
    {
        if (state.SelectedProcess is not { } process) return state;
        if (!ProcessInput.TakesInput(process.Config)) return Notify(state, NotificationLevel.Warning, ProcessInput.NoStdin(process.Name));
        // The log pane shows this process, following, so the answer to what is typed appears as it comes.
        return state with
        {
            Overlay = new Overlay.Input(process.Name, Raw: process.Config.Tty, Line: ""),
            Log = state.Log with { Merged = false, Follow = true, Offset = 0, CurrentMatch = null },
        };
    }

    /// <summary>
    /// A paste in input mode: a pty gets it as a terminal would send it (line ends as \r); on a pipe the complete lines
    /// go at once, after what was typed, and the rest stays in the editor. Elsewhere a paste means nothing.
    /// </summary>
    private static (AppState, Effect?) OnPaste(AppState state, string text)
    {
        if (state.Overlay is not Overlay.Input input || text.Length == 0) return (state, null);
        if (input.Raw) return (state, new Effect.SendInput(input.Process, text.ReplaceLineEndings("\r")));
        var typed = input.Line + text.ReplaceLineEndings("\n");
        var end = typed.LastIndexOf('\n');
        var rest = new string([.. typed[(end + 1)..].Where(c => !char.IsControl(c))]);
        rest = rest.Length > MaxInputLineLength ? rest[..MaxInputLineLength] : rest;
        var next = state with { Overlay = input with { Line = rest } };
        return end < 0 ? (next, null) : (next, new Effect.SendInput(input.Process, typed[..(end + 1)]));
    }

    private static (AppState, Effect?) OnInputKey(AppState state, Overlay.Input input, KeyChord key)
    {
        if (key == LeaveInput) return (state with { Overlay = null }, null);
        if (input.Raw) return (state, TerminalKeys.Encode(key) is { } bytes ? new Effect.SendInput(input.Process, bytes) : null);

        var line = input.Line;
        switch (key)
        {
            case { Code: KeyCode.Enter }:
                return (state with { Overlay = input with { Line = "" } }, new Effect.SendInput(input.Process, line + "\n"));
            case { Code: KeyCode.Backspace } when line.Length > 0:
                line = DropLastRune(line);
                break;
            case { Code: KeyCode.Char, Modifiers: KeyModifiers.Ctrl } when key.Char.Value == 'u':
                line = "";
                break;
            case { IsPlainChar: true } when line.Length < MaxInputLineLength:
                line += key.Char.ToString();
                break;
            default:
                return (state, null);
        }
        return (line == input.Line ? state : state with { Overlay = input with { Line = line } }, null);
    }
}
