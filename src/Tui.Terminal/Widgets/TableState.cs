namespace Tui.Terminal.Widgets;

/// <summary>
/// The selection and scroll position of a <see cref="Table"/>, kept by the caller between frames.
/// Rendering scrolls <see cref="Offset"/> so that the selected row is visible.
/// </summary>
public sealed class TableState
{
    /// <summary>Index of the selected row, or null for none.</summary>
    public int? Selected { get; set; }

    /// <summary>Index of the first row shown.</summary>
    public int Offset { get; set; }

    public void Select(int? index) => Selected = index;

    /// <summary>Moves the selection by <paramref name="delta"/> rows, clamped to [0, rowCount).</summary>
    public void Move(int delta, int rowCount)
    {
        if (rowCount <= 0)
        {
            Selected = null;
            return;
        }
        Selected = Math.Clamp((Selected ?? (delta >= 0 ? -1 : rowCount)) + delta, 0, rowCount - 1);
    }

    public void SelectFirst(int rowCount) => Selected = rowCount > 0 ? 0 : null;
    public void SelectLast(int rowCount) => Selected = rowCount > 0 ? rowCount - 1 : null;
}
