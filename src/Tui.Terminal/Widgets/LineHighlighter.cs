using Tui.Terminal.Drawing;

namespace Tui.Terminal.Widgets;

/// <summary>Marks every occurrence of a search text in a styled line (case-insensitive), keeping the line's own styles elsewhere.</summary>
public static class LineHighlighter
{
    public static bool Contains(Line line, string query) =>
        query.Length > 0 && line.PlainText.Contains(query, StringComparison.OrdinalIgnoreCase);

    public static Line Highlight(Line line, string query, Style highlight)
    {
        if (query.Length == 0) return line;
        string plain = line.PlainText;
        int match = plain.IndexOf(query, StringComparison.OrdinalIgnoreCase);
        if (match < 0) return line;

        var spans = new List<Span>(line.Spans.Count + 2);
        int spanStart = 0;
        foreach (var span in line.Spans)
        {
            int spanEnd = spanStart + span.Text.Length;
            int position = spanStart;
            while (position < spanEnd)
            {
                while (match >= 0 && match + query.Length <= position) match = plain.IndexOf(query, match + query.Length, StringComparison.OrdinalIgnoreCase);
                if (match < 0 || match >= spanEnd)
                {
                    spans.Add(new Span(span.Text[(position - spanStart)..], span.Style));
                    break;
                }
                if (match > position)
                {
                    spans.Add(new Span(span.Text[(position - spanStart)..(match - spanStart)], span.Style));
                    position = match;
                }
                int end = Math.Min(spanEnd, match + query.Length);
                spans.Add(new Span(span.Text[(position - spanStart)..(end - spanStart)], span.Style.Patch(highlight)));
                position = end;
            }
            spanStart = spanEnd;
        }
        return new Line(spans) { Style = line.Style, Alignment = line.Alignment };
    }
}
