using Tui.App.Keys;
using Tui.App.Shell;
using Tui.App.Themes;
using Tui.Terminal.Drawing;
using Tui.Terminal.Widgets;

namespace Tui.App.Views;

/// <summary>
/// The bottom line: the keys that matter now (they change with the focused pane and any open overlay), written
/// with the keys actually bound, so a rebinding in [keys] shows here too. An open prompt takes the line over.
/// </summary>
public static class HintBarView
{
    private static readonly (ShellAction Action, string Label)[] ListHints =
    [
        (ShellAction.Help, "help"), (ShellAction.Start, "start"), (ShellAction.Stop, "stop"), (ShellAction.Restart, "restart"),
        (ShellAction.Pause, "pause"), (ShellAction.GroupPrefix, "group"), (ShellAction.FocusLogs, "logs"),
        (ShellAction.Search, "search"), (ShellAction.Filter, "filter"), (ShellAction.Sort, "sort"),
        (ShellAction.AllLogs, "all logs"), (ShellAction.Theme, "theme"), (ShellAction.Quit, "quit"),
    ];

    private static readonly (ShellAction Action, string Label)[] LogHints =
    [
        (ShellAction.Help, "help"), (ShellAction.Search, "search"), (ShellAction.NextMatch, "next"), (ShellAction.PrevMatch, "prev"),
        (ShellAction.Follow, "follow"), (ShellAction.Wrap, "wrap"), (ShellAction.Timestamps, "time"), (ShellAction.Filter, "filter"),
        (ShellAction.AllLogs, "all logs"), (ShellAction.SwitchPane, "list"), (ShellAction.Quit, "quit"),
    ];

    public static void Render(AppState state, Rect area, CellBuffer buffer)
    {
        if (area.IsEmpty) return;
        var theme = state.Theme;
        if (state.Overlay is Overlay.Prompt prompt)
        {
            RenderPrompt(state, prompt, area, buffer);
            return;
        }
        if (state.Overlay is Overlay.Input input)
        {
            RenderInput(state, input, area, buffer);
            return;
        }
        var keys = state.Keys;
        List<KeyHint> hints = state.Overlay switch
        {
            Overlay.Confirm => [new("y", "yes"), new("n", "no")],
            Overlay.Help => [new("↑↓", "scroll"), new("any key", "close")],
            Overlay.GroupPrefix => GroupHints(state),
            _ => Bound(keys, state.Focus == Pane.List ? ListHints : LogHints),
        };
        // Only where it can work: the selected process takes input.
        if (state.Overlay is null && state.SelectedProcess is { } selected && Tui.Core.Supervision.ProcessInput.TakesInput(selected.Config)
            && keys.Label(ShellAction.Input) is { } inputKey)
        {
            hints.Insert(Math.Min(1, hints.Count), new KeyHint(inputKey, "input"));
        }
        Line? status = state.List.Filter.Length > 0 && state.Overlay is null
            ? new Line($"filter: {state.List.Filter} ", theme.Fg(ThemeRole.Accent))
            : null;
        new KeyHintBar(hints)
        {
            Style = theme.Header,
            KeyStyle = new Style().Fg(theme[ThemeRole.Key]).Bold(),
            LabelStyle = new Style().Fg(theme[ThemeRole.HeaderText]),
            Status = status,
        }.Render(area, buffer);
    }

    private static List<KeyHint> Bound(KeyMap keys, (ShellAction Action, string Label)[] wanted)
    {
        var hints = new List<KeyHint>(wanted.Length);
        foreach (var (action, label) in wanted)
        {
            if (keys.Label(action) is { } key) hints.Add(new KeyHint(key, label));
        }
        return hints;
    }

    private static List<KeyHint> GroupHints(AppState state)
    {
        var keys = state.Keys;
        var group = state.List.Selected switch
        {
            { IsGroup: true } g => g.Name,
            { } p => state.Find(p.Name)?.Group,
            _ => null,
        };
        var hints = new List<KeyHint>();
        if (group is not null)
        {
            hints.Add(new KeyHint($"group {group}:", ""));
            AddIf(hints, keys, ShellAction.Start, "start");
            AddIf(hints, keys, ShellAction.Stop, "stop");
            AddIf(hints, keys, ShellAction.Restart, "restart");
        }
        hints.Add(new KeyHint("all:", ""));
        AddIf(hints, keys, ShellAction.GroupStart, "start");
        AddIf(hints, keys, ShellAction.GroupStop, "stop");
        AddIf(hints, keys, ShellAction.GroupRestart, "restart");
        hints.Add(new KeyHint("esc", "cancel"));
        return hints;
    }

    private static void AddIf(List<KeyHint> hints, KeyMap keys, ShellAction action, string label)
    {
        if (keys.Label(action) is { } key) hints.Add(new KeyHint(key, label));
    }

    /// <summary>Input mode: whose input the keys go to, how to leave, and for a pipe the line being typed.</summary>
    private static void RenderInput(AppState state, Overlay.Input input, Rect area, CellBuffer buffer)
    {
        var theme = state.Theme;
        var label = $" INPUT → {input.Process} ";
        var help = input.Raw ? " keys go to its terminal · ctrl+] leaves " : " enter sends · ctrl+] leaves ";
        var (field, right) = area.SplitRight(Math.Min(help.Length, area.Width));
        new TextInput
        {
            Prompt = label,
            Style = theme.Header,
            PromptStyle = new Style().Fg(theme[ThemeRole.Accent]).Bold().Reversed(),
            Placeholder = input.Raw ? "" : "a line for its stdin",
            Focused = !input.Raw,
        }.Render(field, buffer, new TextInputState { Text = input.Raw ? "" : input.Line });
        buffer.Fill(right, " ", theme.Header);
        buffer.SetString(right.X, right.Y, help, theme.Header.Fg(theme[ThemeRole.Muted]));
    }

    private static void RenderPrompt(AppState state, Overlay.Prompt prompt, Rect area, CellBuffer buffer)
    {
        var theme = state.Theme;
        const string Help = " enter ok · esc clear ";
        var (field, help) = area.SplitRight(Help.Length);
        var label = prompt.Kind switch
        {
            PromptKind.Search => " search: /",
            PromptKind.ListFilter => " filter processes: ",
            _ => " filter lines: ",
        };
        new TextInput
        {
            Prompt = label,
            Style = theme.Header,
            PromptStyle = new Style().Fg(theme[ThemeRole.Key]).Bold(),
            Placeholder = prompt.Kind == PromptKind.Search ? "text to find in the logs" : "part of a name",
        }.Render(field, buffer, new TextInputState { Text = prompt.Text });
        buffer.Fill(help, " ", theme.Header);
        buffer.SetString(help.X, help.Y, Help, theme.Header.Fg(theme[ThemeRole.Muted]));
    }
}
