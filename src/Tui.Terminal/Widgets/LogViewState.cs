namespace Tui.Terminal.Widgets;

/// <summary>
/// Where a <see cref="LogView"/> is scrolled, kept by the caller between frames. In follow mode the
/// view shows the newest lines; scrolling up leaves follow mode, and scrolling back to the end
/// (or <see cref="FollowEnd"/>) returns to it. <see cref="Offset"/> is a line index into the list
/// the view is given; a caller whose list drops old lines from the front must lower it by as many.
/// </summary>
public sealed class LogViewState
{
    public bool Follow { get; set; } = true;

    /// <summary>Index of the first line shown (kept up to date while following, so leaving follow mode keeps the view still).</summary>
    public int Offset { get; set; }

    /// <summary>Columns skipped on the left when wrapping is off.</summary>
    public int HorizontalOffset { get; set; }

    /// <summary>Rows of the last render, for paging.</summary>
    public int PageSize { get; internal set; } = 1;

    /// <summary>Lines the last render had to show, for clamping scrolls.</summary>
    public int LineCount { get; internal set; }

    public void ScrollUp(int lines)
    {
        Follow = false;
        Offset = Math.Max(0, Offset - Math.Max(0, lines));
    }

    public void ScrollDown(int lines)
    {
        Offset += Math.Max(0, lines);
        if (Offset >= LineCount - PageSize) FollowEnd();
    }

    public void PageUp() => ScrollUp(Math.Max(1, PageSize - 1));
    public void PageDown() => ScrollDown(Math.Max(1, PageSize - 1));

    public void FollowEnd()
    {
        Follow = true;
        Offset = Math.Max(0, LineCount - PageSize);
    }

    public void ScrollLeft(int columns) => HorizontalOffset = Math.Max(0, HorizontalOffset - columns);
    public void ScrollRight(int columns) => HorizontalOffset += Math.Max(0, columns);

    /// <summary>Leaves follow mode with <paramref name="index"/> (e.g. a search match) on screen.</summary>
    public void Reveal(int index)
    {
        Follow = false;
        if (index < Offset || index >= Offset + PageSize) Offset = Math.Max(0, index - PageSize / 2);
    }
}
