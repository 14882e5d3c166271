using System.Text;
using Tui.App.Keys;

namespace Tui.App.Shell;

/// <summary>Keys: first the open overlay gets them, otherwise the key map turns them into actions.</summary>
public static partial class Reducer
{
    private static (AppState, Effect?) OnKey(AppState state, KeyChord key) => state.Overlay switch
    {
        Overlay.Help help => (OnHelpKey(state, help, key), null),
        Overlay.Confirm confirm => OnConfirmKey(state, confirm, key),
        Overlay.Prompt prompt => OnPromptKey(state, prompt, key),
        Overlay.GroupPrefix => OnGroupKey(state, key),
        Overlay.Input input => OnInputKey(state, input, key),
        _ => state.Keys.Lookup(key) is { } action ? OnAction(state, action) : (state, null),
    };

    private static (AppState, Effect?) OnAction(AppState state, ShellAction action) => action switch
    {
        ShellAction.Up => (state.Focus == Pane.List ? MoveSelection(state, -1) : ScrollLogs(state, +1), null),
        ShellAction.Down => (state.Focus == Pane.List ? MoveSelection(state, +1) : ScrollLogs(state, -1), null),
        ShellAction.PageUp => (ScrollLogs(state, +LogPage(state)), null),
        ShellAction.PageDown => (ScrollLogs(state, -LogPage(state)), null),
        ShellAction.Top => (ScrollLogs(state, int.MaxValue), null),
        ShellAction.Bottom => (FollowLogs(state), null),
        ShellAction.FocusLogs => (state.List.Selected is { IsGroup: true } g ? ToggleFold(state, g.Name) : state with { Focus = Pane.Logs }, null),
        ShellAction.SwitchPane => (state with { Focus = state.Focus == Pane.List ? Pane.Logs : Pane.List }, null),
        ShellAction.Fold => (FoldSelected(state), null),
        ShellAction.Back => (Back(state), null),
        ShellAction.Start => OnSelection(state, CommandVerb.Start),
        ShellAction.Stop => OnSelection(state, CommandVerb.Stop),
        ShellAction.Restart => OnSelection(state, CommandVerb.Restart),
        ShellAction.Pause => OnSelection(state, CommandVerb.Pause),
        ShellAction.Reload => (state, new Effect.Reload()),
        ShellAction.Input => (EnterInput(state), null),
        ShellAction.GroupPrefix => (state.List.Selected is null ? state : state with { Overlay = new Overlay.GroupPrefix() }, null),
        ShellAction.GroupStart => OnSelectedGroup(state, CommandVerb.Start),
        ShellAction.GroupStop => OnSelectedGroup(state, CommandVerb.Stop),
        ShellAction.GroupRestart => OnSelectedGroup(state, CommandVerb.Restart),
        ShellAction.AllLogs => (state with { Log = state.Log with { Merged = !state.Log.Merged, Follow = true, Offset = 0, CurrentMatch = null } }, null),
        ShellAction.Search => (state with { Overlay = new Overlay.Prompt(PromptKind.Search, state.Log.Search) }, null),
        ShellAction.NextMatch => FindMatch(state, SearchDirection.Older),
        ShellAction.PrevMatch => FindMatch(state, SearchDirection.Newer),
        ShellAction.Follow => (state.Log.Follow
            ? state with { Log = state.Log with { Follow = false } }
            : FollowLogs(state), null),
        ShellAction.Wrap => (state with { Log = state.Log with { Wrap = !state.Log.Wrap } }, null),
        ShellAction.Timestamps => (state with { Log = state.Log with { Timestamps = !state.Log.Timestamps } }, null),
        ShellAction.Filter => (state with
        {
            Overlay = state.Focus == Pane.List
                ? new Overlay.Prompt(PromptKind.ListFilter, state.List.Filter)
                : new Overlay.Prompt(PromptKind.LogFilter, state.Log.Filter),
        }, null),
        ShellAction.Theme => (state, new Effect.LoadTheme(NextTheme(state))),
        ShellAction.Sort => (Normalize(state with { List = state.List with { Sort = Next(state.List.Sort) } }), null),
        ShellAction.Help => (state with { Overlay = new Overlay.Help(0) }, null),
        ShellAction.Quit => Quit(state),
        _ => (state, null),
    };

    private static AppState OnHelpKey(AppState state, Overlay.Help help, KeyChord key)
    {
        int page = Math.Max(1, state.Height / 2);
        int? wanted = state.Keys.Lookup(key) switch
        {
            ShellAction.Up => help.Scroll - 1,
            ShellAction.Down => help.Scroll + 1,
            ShellAction.PageUp => help.Scroll - page,
            ShellAction.PageDown => help.Scroll + page,
            _ => null,
        };
        if (wanted is null) return state with { Overlay = null };
        int scroll = Math.Clamp(wanted.Value, 0, Views.HelpOverlay.MaxScroll(state));
        return scroll == help.Scroll ? state : state with { Overlay = help with { Scroll = scroll } };
    }

    private static (AppState, Effect?) OnConfirmKey(AppState state, Overlay.Confirm confirm, KeyChord key)
    {
        if (key == KeyChord.Of('y') || key == KeyChord.Of('Y') || key == KeyChord.Of(KeyCode.Enter))
        {
            var closed = state with { Overlay = null };
            return (confirm.OnYes is Effect.Quit ? closed with { Quitting = true } : closed, confirm.OnYes);
        }
        if (key == KeyChord.Of('n') || key == KeyChord.Of('N') || key == KeyChord.Of(KeyCode.Escape) || state.Keys.Lookup(key) == ShellAction.Back)
            return (state with { Overlay = null }, null);
        return (state, null);
    }

    private static (AppState, Effect?) OnPromptKey(AppState state, Overlay.Prompt prompt, KeyChord key)
    {
        if (key.Code == KeyCode.Escape)
        {
            // Cancel clears: an abandoned search or filter should not keep hiding lines.
            return (ApplyPrompt(state with { Overlay = null }, prompt.Kind, ""), null);
        }
        if (key.Code == KeyCode.Enter)
        {
            var done = ApplyPrompt(state with { Overlay = null }, prompt.Kind, prompt.Text);
            return prompt.Kind == PromptKind.Search && prompt.Text.Length > 0
                ? FindMatch(done with { Log = done.Log with { CurrentMatch = null } }, SearchDirection.Older)
                : (done, null);
        }
        string text = prompt.Text;
        if (key.Code == KeyCode.Backspace)
        {
            if (text.Length == 0) return (state, null);
            text = DropLastRune(text);
        }
        else if (key.Code == KeyCode.Char && key.Modifiers == KeyModifiers.Ctrl && key.Char.Value == 'u')
        {
            text = "";
        }
        else if (key.IsPlainChar && text.Length < MaxPromptLength)
        {
            text += key.Char.ToString();
        }
        else
        {
            return (state, null);
        }
        return (ApplyPrompt(state with { Overlay = prompt with { Text = text } }, prompt.Kind, text), null);
    }

    /// <summary>Backspace in a line of text: the last character goes whole (a surrogate pair is one character).</summary>
    private static string DropLastRune(string text)
    {
        var last = Rune.DecodeLastFromUtf16(text, out _, out int used);
        return last == System.Buffers.OperationStatus.Done ? text[..^used] : text[..^1];
    }

    /// <summary>Prompt text beyond this is noise (a paste gone wrong); matching stays cheap.</summary>
    public const int MaxPromptLength = 200;

    private static AppState ApplyPrompt(AppState state, PromptKind kind, string text) => kind switch
    {
        PromptKind.ListFilter => Normalize(state with { List = state.List with { Filter = text } }),
        PromptKind.LogFilter => state with { Log = state.Log with { Filter = text, Offset = 0, Follow = true, CurrentMatch = null } },
        _ => state with { Log = state.Log with { Search = text } },
    };

    private static (AppState, Effect?) OnGroupKey(AppState state, KeyChord key)
    {
        var closed = state with { Overlay = null };
        return state.Keys.Lookup(key) switch
        {
            ShellAction.Start => OnSelectedGroup(closed, CommandVerb.Start),
            ShellAction.Stop => OnSelectedGroup(closed, CommandVerb.Stop),
            ShellAction.Restart => OnSelectedGroup(closed, CommandVerb.Restart),
            ShellAction.GroupStart => OnAll(closed, CommandVerb.Start),
            ShellAction.GroupStop => OnAll(closed, CommandVerb.Stop),
            ShellAction.GroupRestart => OnAll(closed, CommandVerb.Restart),
            _ => (closed, null),
        };
    }

    private static AppState Back(AppState state)
    {
        if (state.Focus == Pane.Logs)
        {
            if (state.Log.Search.Length > 0) return state with { Log = state.Log with { Search = "", CurrentMatch = null } };
            if (state.Log.Filter.Length > 0) return state with { Log = state.Log with { Filter = "", Offset = 0, Follow = true } };
            return state with { Focus = Pane.List };
        }
        return state.List.Filter.Length > 0 ? Normalize(state with { List = state.List with { Filter = "" } }) : state;
    }

    private static (AppState, Effect?) Quit(AppState state)
    {
        int alive = state.Processes.Count(p => Tui.Core.Supervision.ProcessStateExtensions.IsAlive(p.State));
        // Detaching loses nothing (as in tmux), so only a quit that stops processes asks first.
        if (alive == 0 || state.QuitDetaches) return (state with { Quitting = true }, new Effect.Quit());
        var question = alive == 1
            ? "Quit? 1 process is running and will be stopped."
            : $"Quit? {alive} processes are running and will be stopped.";
        return (state with { Overlay = new Overlay.Confirm(question, new Effect.Quit()) }, null);
    }

    private static string NextTheme(AppState state)
    {
        var names = state.ThemeNames;
        if (names.IsDefaultOrEmpty) return state.Theme.Name;
        int i = names.IndexOf(state.Theme.Name);
        return names[(i + 1) % names.Length];
    }

    private static SortOrder Next(SortOrder sort) => (SortOrder)(((int)sort + 1) % Enum.GetValues<SortOrder>().Length);
}
