using Tui.Terminal.Widgets;
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
        var typed = input.Line.Text + text.ReplaceLineEndings("\n");
        var end = typed.LastIndexOf('\n');
        var rest = TextEdit.Empty.Insert(typed[(end + 1)..], MaxInputLineLength);
        var next = state with { Overlay = input with { Line = rest } };
        return end < 0 ? (next, null) : (next, new Effect.SendInput(input.Process, typed[..(end + 1)]));
    }

    private static (AppState, Effect?) OnInputKey(AppState state, Overlay.Input input, KeyChord key)
    {
        if (key == LeaveInput) return (state with { Overlay = null }, null);
        if (input.Raw) return (state, TerminalKeys.Encode(key) is { } bytes ? new Effect.SendInput(input.Process, bytes) : null);

        if (key.Code == KeyCode.Enter)
        {
            var line = input.Line.Text;
            var sent = input with { Line = TextEdit.Empty, History = input.History.Add(line) };
            return (state with { Overlay = sent }, new Effect.SendInput(input.Process, line + "\n"));
        }
        // The line is edited as a prompt is (readline keys), and up/down recall what was sent, as a shell does.
        var recalled = key.Code switch
        {
            KeyCode.Up when key.Modifiers == KeyModifiers.None => input.History.Older(input.Line),
            KeyCode.Down when key.Modifiers == KeyModifiers.None => input.History.Newer(),
            _ => null,
        };
        var next = recalled is { } r
            ? input with { Line = r.Edit, History = r.History }
            : PromptKeys.Edit(input.Line, key, MaxInputLineLength) is { } edit ? input with { Line = edit } : input;
        return (next == input ? state : state with { Overlay = next }, null);
    }
}
