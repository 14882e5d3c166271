using Tui.App.Themes;
using Tui.Core.Logs;
using Tui.Terminal.Drawing;
using Tui.Terminal.Widgets;

namespace Tui.App.Views;

/// <summary>
/// One log line as drawn: optional timestamp, the process name in its colour (merged views), a stream marker
/// (stderr '▌', Tui's own lines '»', readable without colour), then the child's text, sanitised, with search matches marked.
/// </summary>
public sealed record LogLineFormatter(Theme Theme, bool Timestamps, int NameWidth, string Search, Shell.LineRef? CurrentMatch)
{
    public const string StderrMarker = "▌";
    public const string SystemMarker = "»";

    public Line Format(LogLine line)
    {
        var spans = new List<Span>(6);
        if (Timestamps) spans.Add(new Span(Views.Format.ClockMillis(line.Timestamp) + " ", Theme.Fg(ThemeRole.Muted)));
        if (NameWidth > 0)
        {
            var name = TextWidth.Truncate(line.Process, NameWidth).PadRight(NameWidth);
            spans.Add(new Span(name + " ", Theme.Base.Fg(ProcessColors.For(line.Process))));
        }
        var textStyle = Theme.Base;
        switch (line.Stream)
        {
            case LogStream.Stderr:
                spans.Add(new Span(StderrMarker, Theme.Fg(ThemeRole.Stderr)));
                textStyle = Theme.Fg(ThemeRole.Stderr);
                break;
            case LogStream.System:
                spans.Add(new Span(SystemMarker, Theme.Fg(ThemeRole.System)));
                textStyle = Theme.Fg(ThemeRole.System);
                break;
            default:
                spans.Add(new Span(" ", Theme.Base));
                break;
        }
        var text = ChildText.ToLine(line.Text, textStyle);
        if (Search.Length > 0)
        {
            bool current = CurrentMatch is { } m && m.Sequence == line.Sequence && m.Process == line.Process;
            var role = current ? ThemeRole.SearchCurrent : ThemeRole.SearchMatch;
            // Dark text on the match colour reads on light and dark themes alike.
            text = LineHighlighter.Highlight(text, Search, new Style().Fg(Color.Black).Bg(Theme[role]).Bold());
        }
        // The stream's colour lies under the child's own colours.
        foreach (var span in text.Spans) spans.Add(span with { Style = text.Style.Patch(span.Style) });
        return new Line(spans) { Style = Theme.Base };
    }
}
