using Tui.Terminal.Drawing;

namespace Tui.Terminal.Widgets;

/// <summary>
/// A widget whose scroll position or selection lives outside it, in <typeparamref name="TState"/>,
/// owned by the caller across frames (like ratatui's TableState). Rendering may adjust the state,
/// e.g. scroll so the selected row stays visible.
/// </summary>
public interface IStatefulWidget<in TState>
{
    void Render(Rect area, CellBuffer buffer, TState state);
}
