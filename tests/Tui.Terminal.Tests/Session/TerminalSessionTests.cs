using System.Reactive.Concurrency;
using Tui.Terminal.Backend;
using Tui.Terminal.Drawing;
using Tui.Terminal.Input;
using Tui.Terminal.Rendering;
using Tui.Terminal.Session;

namespace Tui.Terminal.Tests.Session;

public class TerminalSessionTests
{
    private readonly MemoryTerminal _terminal = new(20, 4);
    private readonly HistoricalScheduler _clock = new();
    private int _stops;

    private TerminalSession Create(TerminalOptions? options = null) =>
        new(_terminal, options ?? new TerminalOptions { HandleSignals = false }, _clock, ColorDepth.TrueColor, () => _stops++);

    private static CellBuffer Frame(string text)
    {
        var frame = new CellBuffer(20, 4);
        frame.SetString(0, 0, text, Style.Default);
        return frame;
    }

    [Fact]
    public void Entering_turns_on_raw_mode_the_alternate_screen_and_hides_the_cursor()
    {
        using var session = Create();
        session.Enter();
        Assert.True(_terminal.IsRaw);
        Assert.Equal("\e[?1049h\e[?25l\e[?2004h\e[?1000h\e[?1002h\e[?1006h", _terminal.WrittenText);
    }

    [Fact]
    public void Disposing_restores_every_mode_and_the_primary_screen()
    {
        var session = Create();
        session.Enter();
        session.Draw(Frame("hello"));
        _terminal.ClearWritten();
        session.Dispose();
        Assert.False(_terminal.IsRaw);
        Assert.Equal("\e[?2026l\e[0m\e[r\e[?1006l\e[?1002l\e[?1000l\e[?2004l\e[?1l\e>\e[?25h\e[?1049l", _terminal.WrittenText);

        _terminal.ClearWritten();
        session.Dispose();
        session.Leave();
        Assert.Empty(_terminal.Written);
    }

    [Fact]
    public void Suspend_restores_the_terminal_stops_the_process_and_repaints_everything_on_return()
    {
        using var session = Create();
        var events = new List<InputEvent>();
        using var subscription = session.Input.Subscribe(events.Add);
        session.Enter();
        session.Draw(Frame("hello"));
        _terminal.ClearWritten();

        session.Suspend();

        Assert.Equal(1, _stops);
        string written = _terminal.WrittenText;
        int left = written.IndexOf("\e[?1049l", StringComparison.Ordinal);
        int reentered = written.IndexOf("\e[?1049h", StringComparison.Ordinal);
        Assert.True(left >= 0 && reentered > left, written);
        Assert.True(_terminal.IsRaw);
        Assert.Equal([new ResizeEvent(20, 4)], events);

        _terminal.ClearWritten();
        session.Draw(Frame("hello"));
        Assert.True(session.Renderer.LastFrame.FullRepaint);
        Assert.Contains("hello", _terminal.WrittenText);
    }

    [Fact]
    public void Nothing_is_drawn_while_the_terminal_is_not_ours()
    {
        using var session = Create();
        Assert.Equal(0, session.Draw(Frame("before")));
        session.Enter();
        session.Leave();
        _terminal.ClearWritten();
        Assert.Equal(0, session.Draw(Frame("after")));
        Assert.Empty(_terminal.Written);
    }

    [Fact]
    public void A_resize_reports_the_new_size_and_the_next_frame_is_a_full_repaint()
    {
        using var session = Create();
        var events = new List<InputEvent>();
        using var subscription = session.Input.Subscribe(events.Add);
        session.Enter();
        session.Draw(Frame("x"));

        _terminal.Size = new TerminalSize(30, 6);
        session.HandleResize();

        Assert.Equal([new ResizeEvent(30, 6)], events);
        var frame = session.NewFrame();
        Assert.Equal((30, 6), (frame.Width, frame.Height));
        session.Draw(frame);
        Assert.True(session.Renderer.LastFrame.FullRepaint);
    }

    [Fact]
    public void Keys_typed_on_the_terminal_arrive_as_input_events()
    {
        using var session = Create();
        var received = new System.Collections.Concurrent.BlockingCollection<InputEvent>();
        using var subscription = session.Input.Subscribe(received.Add);
        session.Enter();
        _terminal.Type("\e[B");
        Assert.True(received.TryTake(out var e, TimeSpan.FromSeconds(5)));
        Assert.Equal(new KeyEvent(Key.Down), e);
    }
}
