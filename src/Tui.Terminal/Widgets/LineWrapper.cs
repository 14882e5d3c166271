using Tui.Terminal.Drawing;

namespace Tui.Terminal.Widgets;

/// <summary>
/// Cuts a styled line into rows of at most a given width, at grapheme boundaries (never inside a
/// wide character). With <c>words</c> a row breaks after the last space that fits when there is
/// one, and the spaces at the break are dropped; a word longer than a row is cut.
/// </summary>
internal static class LineWrapper
{
    public static List<Line> Wrap(Line line, int width, bool words = false)
    {
        var rows = new List<Line>(1);
        if (width <= 0) return rows;
        if (line.Width <= width)
        {
            rows.Add(line);
            return rows;
        }

        var graphemes = Split(line);
        int start = 0;
        while (start < graphemes.Count)
        {
            int used = 0, end = start, lastSpace = -1;
            while (end < graphemes.Count && used + graphemes[end].Width <= width)
            {
                if (graphemes[end].Text == " ") lastSpace = end;
                used += graphemes[end].Width;
                end++;
            }
            if (end == start) end = start + 1; // a grapheme wider than the row: give it a row of its own
            int next = end;
            if (words && end < graphemes.Count && graphemes[end].Text != " " && lastSpace > start)
            {
                end = lastSpace;
                next = lastSpace + 1;
            }
            if (words) while (next < graphemes.Count && graphemes[next].Text == " ") next++;
            rows.Add(Join(graphemes, start, end, line));
            start = next;
        }
        return rows;
    }

    private readonly record struct Grapheme(string Text, Style Style, int Width);

    private static List<Grapheme> Split(Line line)
    {
        var result = new List<Grapheme>();
        foreach (var span in line.Spans)
        {
            var text = span.Text.AsSpan();
            while (!text.IsEmpty)
            {
                int length = TextWidth.NextGraphemeLength(text);
                var g = text[..length];
                int w = TextWidth.OfGrapheme(g);
                if (w > 0) result.Add(new Grapheme(g.ToString(), span.Style, w));
                text = text[length..];
            }
        }
        return result;
    }

    private static Line Join(List<Grapheme> graphemes, int start, int end, Line original)
    {
        var spans = new List<Span>();
        var text = new System.Text.StringBuilder();
        Style? current = null;
        for (int i = start; i < end; i++)
        {
            if (current is { } style && style != graphemes[i].Style)
            {
                spans.Add(new Span(text.ToString(), style));
                text.Clear();
            }
            current = graphemes[i].Style;
            text.Append(graphemes[i].Text);
        }
        if (current is { } last) spans.Add(new Span(text.ToString(), last));
        return new Line(spans) { Style = original.Style, Alignment = original.Alignment };
    }
}
