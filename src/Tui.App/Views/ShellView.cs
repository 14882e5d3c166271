using Tui.App.Shell;
using Tui.App.Themes;
using Tui.Core.Supervision;
using Tui.Terminal.Drawing;
using Tui.Terminal.Widgets;

namespace Tui.App.Views;

/// <summary>
/// The whole screen as a function of the state and the engine's read-only data (log rings, stats history):
/// draws every cell of the frame, every time (the renderer sends only what changed).
/// </summary>
public static class ShellView
{
    /// <summary>The narrowest screen a confirmation dialog is drawn on (the Dialog widget's own minimum width).</summary>
    public const int DialogMinWidth = 20;

    public static void Render(AppState state, ISupervisorClient data, CellBuffer buffer)
    {
        var theme = state.Theme;
        buffer.Fill(buffer.Area, Cell.Blank);
        buffer.Fill(buffer.Area, " ", theme.Base);
        var (rows, layout) = Reducer.Geometry(state with { Width = buffer.Width, Height = buffer.Height });

        HeaderView.Render(state, layout.Header, buffer);
        ProcessListView.Render(state, rows, layout, data, buffer);
        if (!layout.Detail.IsEmpty) DetailView.Render(state, layout.Detail, data, buffer);
        LogPaneView.Render(state, layout, data, buffer);
        HintBarView.Render(state, layout.Hints, buffer);
        NotificationsView.Render(state, buffer.Area, buffer);

        switch (state.Overlay)
        {
            case Overlay.Help help:
                HelpOverlay.Render(state, help, buffer.Area, buffer);
                break;
            case Overlay.Palette palette:
                PaletteOverlay.Render(state, palette, buffer.Area, buffer);
                break;
            // The terminal layer's Dialog needs 20 columns; below that the hint bar's "y yes  n no" has to do.
            case Overlay.Confirm confirm when buffer.Width >= DialogMinWidth:
                new Dialog(new Line(" confirm "), [new Line(confirm.Question)])
                {
                    Buttons = ["y yes", "n no"],
                    Style = theme.Base,
                    BorderStyle = theme.Fg(ThemeRole.FocusBorder),
                    SelectedButtonStyle = theme.Selection,
                }.Render(buffer.Area, buffer);
                break;
        }
    }
}
