using Tui.Terminal.Drawing;

namespace Tui.Terminal.Widgets;

/// <summary>One row of a <see cref="Table"/>: one styled line per column.</summary>
public sealed record Row(IReadOnlyList<Line> Cells)
{
    public Row(params Line[] cells) : this((IReadOnlyList<Line>)cells) { }

    /// <summary>Laid over the whole row, under each cell's own style.</summary>
    public Style Style { get; init; }
}
