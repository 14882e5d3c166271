namespace Tui.App.Shell;

/// <summary>Mouse: click selects a row (and folds a group header), the wheel scrolls the pane under the pointer.</summary>
public static partial class Reducer
{
    private static AppState OnMouse(AppState state, Msg.Mouse mouse)
    {
        if (state.Overlay is Overlay.Help && mouse.Action == MouseAction.LeftClick) return state with { Overlay = null };
        if (state.Overlay is not null) return state;

        var (rows, layout) = Geometry(state);
        bool inList = layout.List.Contains(mouse.X, mouse.Y);
        bool inLogs = layout.Logs.Contains(mouse.X, mouse.Y);
        switch (mouse.Action)
        {
            case MouseAction.WheelUp when inLogs:
                return ScrollLogs(state, WheelLines);
            case MouseAction.WheelDown when inLogs:
                return ScrollLogs(state, -WheelLines);
            case MouseAction.WheelUp when inList:
                return MoveSelection(state, -1);
            case MouseAction.WheelDown when inList:
                return MoveSelection(state, +1);
            case MouseAction.LeftClick when layout.ListRows.Contains(mouse.X, mouse.Y):
            {
                int index = state.List.Offset + (mouse.Y - layout.ListRows.Y);
                if (index >= rows.Length) return state with { Focus = Pane.List };
                var row = rows[index];
                var selected = Select(state, row.Key) with { Focus = Pane.List };
                return row is ProcessRow.GroupHeader header ? ToggleFold(selected, header.Group) : selected;
            }
            case MouseAction.LeftClick when inList:
                return state.Focus == Pane.List ? state : state with { Focus = Pane.List };
            case MouseAction.LeftClick when inLogs:
                return state.Focus == Pane.Logs ? state : state with { Focus = Pane.Logs };
            default:
                return state;
        }
    }
}
