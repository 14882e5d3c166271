using Tui.Terminal.Drawing;

namespace Tui.Terminal.Widgets;

/// <summary>
/// Something that draws itself into an area of a frame. Widgets are values built fresh for each
/// frame (immediate mode): all they know is what they were given; state that must outlive a frame
/// (selection, scroll offset) lives in the caller, see <see cref="IStatefulWidget{TState}"/>.
/// A widget must stay inside <paramref name="area"/>.
/// </summary>
public interface IWidget
{
    void Render(Rect area, CellBuffer buffer);
}
