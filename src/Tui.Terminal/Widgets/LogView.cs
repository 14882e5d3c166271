using Tui.Terminal.Drawing;

namespace Tui.Terminal.Widgets;

/// <summary>
/// A scrollable view of log lines that were already sanitised into styled lines. Follows the newest
/// line unless the state says otherwise; wraps long lines or cuts them (with "…", and a horizontal
/// offset); highlights a search text. Only the lines on screen are touched, so the cost of a frame
/// does not grow with the length of the log.
/// </summary>
public sealed record LogView(IReadOnlyList<Line> Lines) : IStatefulWidget<LogViewState>
{
    public bool Wrap { get; init; }
    /// <summary>Text to highlight (case-insensitive); nothing when empty.</summary>
    public string Search { get; init; } = "";
    public Style SearchStyle { get; init; } = new Style().Reversed();
    /// <summary>Laid over the whole area first.</summary>
    public Style Style { get; init; }

    public void Render(Rect area, CellBuffer buffer, LogViewState state)
    {
        area = area.Intersect(buffer.Area);
        state.PageSize = Math.Max(1, area.Height);
        state.LineCount = Lines.Count;
        if (area.IsEmpty) return;
        buffer.SetStyle(area, Style);
        if (Wrap) RenderWrapped(area, buffer, state);
        else RenderCut(area, buffer, state);
    }

    private void RenderCut(Rect area, CellBuffer buffer, LogViewState state)
    {
        int lastStart = Math.Max(0, Lines.Count - area.Height);
        state.Offset = state.Follow ? lastStart : Math.Clamp(state.Offset, 0, lastStart);
        for (int row = 0; row < area.Height && state.Offset + row < Lines.Count; row++)
        {
            var line = Prepare(Lines[state.Offset + row]);
            if (state.HorizontalOffset > 0) line = SkipColumns(line, state.HorizontalOffset);
            buffer.SetLine(area.X, area.Y + row, line, area.Width, Overflow.Ellipsis);
        }
    }

    private void RenderWrapped(Rect area, CellBuffer buffer, LogViewState state)
    {
        state.HorizontalOffset = 0;
        var rows = new List<Line>(area.Height);
        if (state.Follow)
        {
            // Walk back from the newest line until the screen is full; the oldest line shown may be cut at its top.
            int index = Lines.Count - 1;
            var blocks = new List<List<Line>>();
            int total = 0;
            for (; index >= 0 && total < area.Height; index--)
            {
                var wrapped = WrapLine(Lines[index], area.Width);
                blocks.Add(wrapped);
                total += wrapped.Count;
            }
            state.Offset = index + 1;
            int skip = Math.Max(0, total - area.Height);
            for (int b = blocks.Count - 1; b >= 0; b--) rows.AddRange(blocks[b]);
            rows.RemoveRange(0, skip);
        }
        else
        {
            state.Offset = Math.Clamp(state.Offset, 0, Math.Max(0, Lines.Count - 1));
            for (int index = state.Offset; index < Lines.Count && rows.Count < area.Height; index++)
                rows.AddRange(WrapLine(Lines[index], area.Width));
        }
        for (int row = 0; row < area.Height && row < rows.Count; row++)
            buffer.SetLine(area.X, area.Y + row, rows[row], area.Width);
    }

    private List<Line> WrapLine(Line line, int width)
    {
        var rows = LineWrapper.Wrap(Prepare(line), width);
        if (rows.Count == 0) rows.Add(Line.Empty);
        return rows;
    }

    private Line Prepare(Line line)
    {
        if (Search.Length > 0) line = LineHighlighter.Highlight(line, Search, SearchStyle);
        return line;
    }

    /// <summary>The line without its first <paramref name="columns"/> cells; a wide character cut in half becomes a space.</summary>
    private static Line SkipColumns(Line line, int columns)
    {
        var spans = new List<Span>(line.Spans.Count);
        int skipped = 0;
        foreach (var span in line.Spans)
        {
            if (skipped >= columns)
            {
                spans.Add(span);
                continue;
            }
            var text = span.Text.AsSpan();
            while (!text.IsEmpty && skipped < columns)
            {
                int length = TextWidth.NextGraphemeLength(text);
                skipped += TextWidth.OfGrapheme(text[..length]);
                text = text[length..];
            }
            string rest = skipped > columns ? " " + text.ToString() : text.ToString();
            if (rest.Length > 0) spans.Add(new Span(rest, span.Style));
        }
        return new Line(spans) { Style = line.Style };
    }
}
