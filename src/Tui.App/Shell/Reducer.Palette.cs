using Tui.App.Keys;
using Tui.App.Palette;
using Tui.Terminal.Widgets;

namespace Tui.App.Shell;

/// <summary>
/// The command palette: typing narrows the entries, up/down (or ctrl+p/ctrl+n, as in fzf) choose one, Enter runs it
/// through the same paths as its key, Esc closes. The entries are computed from the state each time
/// (<see cref="PaletteSearch"/>), so a process that appears or goes while the palette is open is there or not.
/// </summary>
public static partial class Reducer
{
    private static AppState OpenPalette(AppState state) => state with { Overlay = new Overlay.Palette(TextEdit.Empty, 0) };

    private static (AppState, Effect?) OnPaletteKey(AppState state, Overlay.Palette palette, KeyChord key)
    {
        bool ctrl = key.Modifiers == KeyModifiers.Ctrl;
        switch (key.Code)
        {
            case KeyCode.Escape:
                return (state with { Overlay = null }, null);
            case KeyCode.Enter:
                var results = PaletteSearch.Results(state, palette.Query.Text);
                if (results.IsEmpty) return (state, null);
                return Run(state with { Overlay = null }, results[Math.Clamp(palette.Selected, 0, results.Length - 1)].Entry.Target);
            case KeyCode.Up:
            case KeyCode.Char when ctrl && key.Char.Value == 'p':
                return (MovePalette(state, palette, -1), null);
            case KeyCode.Down:
            case KeyCode.Char when ctrl && key.Char.Value == 'n':
                return (MovePalette(state, palette, +1), null);
            case KeyCode.PageUp:
                return (MovePalette(state, palette, -Views.PaletteOverlay.VisibleRows(state.Height)), null);
            case KeyCode.PageDown:
                return (MovePalette(state, palette, +Views.PaletteOverlay.VisibleRows(state.Height)), null);
        }
        if (PromptKeys.Edit(palette.Query, key, MaxPromptLength) is not { } edit || edit == palette.Query) return (state, null);
        // A new query ranks anew: the best match is the one Enter runs.
        return (state with { Overlay = new Overlay.Palette(edit, edit.Text == palette.Query.Text ? palette.Selected : 0) }, null);
    }

    private static AppState MovePalette(AppState state, Overlay.Palette palette, int delta)
    {
        int count = PaletteSearch.Results(state, palette.Query.Text).Length;
        int selected = Math.Clamp(palette.Selected + delta, 0, Math.Max(0, count - 1));
        return selected == palette.Selected ? state : state with { Overlay = palette with { Selected = selected } };
    }

    /// <summary>An action runs as its key would; a process or group is selected, unfolded and unfiltered if need be, so it is seen.</summary>
    private static (AppState, Effect?) Run(AppState state, PaletteTarget target) => target switch
    {
        PaletteTarget.Action a => OnAction(state, a.Value),
        PaletteTarget.Process p => (Reveal(state, RowKey.Process(p.Name)), null),
        PaletteTarget.Group g => (Reveal(state, RowKey.Group(g.Name)), null),
        _ => (state, null),
    };

    private static AppState Reveal(AppState state, RowKey key)
    {
        var list = state.List;
        if (!key.IsGroup && state.Find(key.Name) is { Group: { } group } && list.Collapsed.Contains(group))
            list = list with { Collapsed = list.Collapsed.Remove(group) };
        var shown = state with { List = list };
        if (IndexOf(ProcessRows.Build(shown), key) < 0) shown = shown with { List = list with { Filter = "" } };
        return Select(Normalize(shown with { Focus = Pane.List }), key);
    }
}
