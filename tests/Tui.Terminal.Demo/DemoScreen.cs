using Tui.Terminal.Drawing;
using Tui.Terminal.Input;
using Tui.Terminal.Widgets;

namespace Tui.Terminal.Demo;

/// <summary>What the demo shows: its pid and size, the last events decoded, a few widgets, and the keys to press.</summary>
internal sealed class DemoScreen(int processId)
{
    private const int MaxEventsShown = 12;
    private readonly List<string> _events = [];
    private readonly List<double> _activity = [];
    private int _count;

    public void Record(InputEvent e)
    {
        _count++;
        _events.Add(e switch
        {
            KeyEvent key => $"key {key}",
            ResizeEvent resize => $"resize {resize.Width}x{resize.Height}",
            MouseEvent mouse => $"mouse {mouse.Action} {mouse.Button} at {mouse.X},{mouse.Y}",
            PasteEvent paste => $"paste {paste.Text.Length} chars",
            FocusEvent focus => focus.Focused ? "focus in" : "focus out",
            _ => e.ToString(),
        });
        if (_events.Count > MaxEventsShown) _events.RemoveAt(0);
        _activity.Add(_count % 8 + 1);
    }

    public CellBuffer Render(CellBuffer frame)
    {
        var (body, bar) = frame.Area.SplitBottom(1);
        var block = new Block { Title = " Tui.Terminal demo ", BorderType = BorderType.Rounded, BorderStyle = new Style().Fg(Color.Cyan) };
        block.Render(body, frame);
        var inner = block.Inner(body).Inner(1, 0);
        var (header, rest) = inner.SplitTop(3);
        new Paragraph(
            new Line($"pid {processId}"),
            new Line(new Span("size "), new Span($"{frame.Width}x{frame.Height}", new Style().Bold())),
            new Line($"events {_count}  日本語 ok")).Render(header, frame);
        var (chart, log) = rest.SplitTop(2);
        new Sparkline(_activity) { Max = 8, Style = new Style().Fg(Color.Green) }.Render(chart.Row(0), frame);
        new Gauge(_count % 11 / 10.0).Render(chart.Row(1) with { Width = Math.Min(30, chart.Width) }, frame);
        new Paragraph(_events.Select(e => new Line(e)).ToArray()).Render(log, frame);
        new KeyHintBar([new("q", "quit"), new("^Z", "suspend"), new("^C", "interrupt")]) { Style = new Style().Reversed() }.Render(bar, frame);
        return frame;
    }
}
