using System.Text;
using Tui.Terminal.Backend;
using Tui.Terminal.Drawing;
using Tui.Terminal.Rendering;

namespace Tui.Terminal.Tests.Rendering;

public class RendererTests
{
    private const string Begin = TerminalSequences.BeginSynchronizedUpdate;
    private const string End = TerminalSequences.EndSynchronizedUpdate;

    private static (MemoryTerminal Terminal, Renderer Renderer) Create(ColorDepth depth = ColorDepth.TrueColor) =>
        new MemoryTerminal(120, 40) is var terminal ? (terminal, new Renderer(terminal, depth)) : default;

    private static CellBuffer TextScreen(int width, int height, Func<int, string> line)
    {
        var buffer = new CellBuffer(width, height);
        for (int y = 0; y < height; y++) buffer.SetString(0, y, line(y), Style.Default);
        return buffer;
    }

    [Fact]
    public void An_unchanged_frame_writes_nothing()
    {
        var (terminal, renderer) = Create();
        var frame = TextScreen(120, 40, y => $"row {y}");
        renderer.Render(frame);
        terminal.ClearWritten();

        Assert.Equal(0, renderer.Render(TextScreen(120, 40, y => $"row {y}")));
        Assert.Empty(terminal.Written);
        Assert.Equal(0, terminal.WriteCount);
    }

    [Fact]
    public void One_changed_cell_writes_one_move_and_the_character_inside_synchronized_output()
    {
        var (terminal, renderer) = Create();
        renderer.Render(TextScreen(120, 40, y => $"row {y}"));
        terminal.ClearWritten();

        var frame = TextScreen(120, 40, y => $"row {y}");
        frame.SetString(4, 2, "X", Style.Default);
        renderer.Render(frame);

        Assert.Equal($"{Begin}\e[3;5HX{End}", terminal.WrittenText);
        Assert.Equal(1, terminal.WriteCount);
    }

    [Fact]
    public void A_changed_style_sends_only_what_differs()
    {
        var (terminal, renderer) = Create();
        var frame = new CellBuffer(10, 1);
        frame.SetString(0, 0, "ab", new Style().Fg(Color.Red).Bold());
        renderer.Render(frame);
        Assert.Equal($"{Begin}\e[0m\e[H\e[2J\e[1;31mab{End}", terminal.WrittenText);
        terminal.ClearWritten();

        frame = new CellBuffer(10, 1);
        frame.SetString(0, 0, "a", new Style().Fg(Color.Red).Bold());
        frame.SetString(1, 0, "b", new Style().Fg(Color.Red));
        renderer.Render(frame);
        Assert.Equal($"{Begin}\e[1;2H\e[22mb{End}", terminal.WrittenText);
    }

    [Fact]
    public void A_full_120x40_redraw_stays_compact()
    {
        var (terminal, renderer) = Create();
        var frame = MonitorLikeScreen(120, 40, 0);
        int visible = VisibleTextBytes(frame);
        int bytes = renderer.Render(frame);

        Assert.True(bytes < visible * 1.25 + 200, $"{bytes} bytes for {visible} bytes of visible text");
        AssertReplaysTo(frame, terminal);
    }

    [Fact]
    public void A_scrolled_log_region_uses_the_terminal_scroll_and_draws_only_the_new_rows()
    {
        var (terminal, renderer) = Create();
        renderer.Render(MonitorLikeScreen(120, 40, 0));
        terminal.ClearWritten();

        var frame = MonitorLikeScreen(120, 40, 3);
        int bytes = renderer.Render(frame);

        // Log rows are 12..38 (1-based 13..39); three new lines arrived.
        Assert.Contains("\e[13;39r\e[3S\e[r", terminal.WrittenText);
        Assert.Equal(1, renderer.LastFrame.Scrolls);
        int newText = Enumerable.Range(36, 3).Sum(y => Encoding.UTF8.GetByteCount(frame.ToLines()[y].TrimEnd()));
        Assert.True(bytes <= newText * 1.5, $"{bytes} bytes written for {newText} bytes of new text");
        AssertReplaysTo(frame, terminal, MonitorLikeScreen(120, 40, 0));
    }

    [Fact]
    public void Scrolling_back_shifts_rows_down()
    {
        var (terminal, renderer) = Create();
        var first = MonitorLikeScreen(120, 40, 10);
        renderer.Render(first);
        terminal.ClearWritten();

        var frame = MonitorLikeScreen(120, 40, 8);
        renderer.Render(frame);
        Assert.Contains("\e[13;39r\e[2T\e[r", terminal.WrittenText);
        AssertReplaysTo(frame, terminal, first);
    }

    [Fact]
    public void Invalidate_makes_the_next_frame_clear_and_repaint_everything()
    {
        var (terminal, renderer) = Create();
        var frame = TextScreen(20, 3, y => $"row {y}");
        renderer.Render(frame);
        renderer.Invalidate();
        terminal.ClearWritten();
        renderer.Render(TextScreen(20, 3, y => $"row {y}"));
        Assert.StartsWith($"{Begin}\e[0m\e[H\e[2J", terminal.WrittenText);
        Assert.Contains("row 2", terminal.WrittenText);
        Assert.True(renderer.LastFrame.FullRepaint);
    }

    [Fact]
    public void A_frame_of_another_size_is_a_full_repaint_at_that_size()
    {
        var (terminal, renderer) = Create();
        renderer.Render(TextScreen(20, 3, y => $"row {y}"));
        terminal.ClearWritten();
        var frame = TextScreen(30, 5, y => $"line {y}");
        renderer.Render(frame);
        Assert.True(renderer.LastFrame.FullRepaint);
        var screen = new VirtualScreen(30, 5);
        screen.Feed(terminal.Written);
        Assert.Equal(frame.ToLines(), screen.ToBuffer().ToLines());
    }

    [Fact]
    public void Colours_are_downgraded_to_256_and_to_16()
    {
        var frame = new CellBuffer(4, 1);
        frame.SetString(0, 0, "ab", new Style().Fg(Color.FromRgb(255, 0, 0)).Bg(Color.FromRgb(0, 0, 135)));

        var (terminal, renderer) = Create(ColorDepth.Ansi256);
        renderer.Render(frame);
        Assert.Contains("\e[38;5;196;48;5;18m", terminal.WrittenText);

        (terminal, renderer) = Create(ColorDepth.Ansi16);
        renderer.Render(frame);
        Assert.Contains("\e[91;44m", terminal.WrittenText);
    }

    [Fact]
    public void Monochrome_drops_colours_and_shows_coloured_backgrounds_in_reverse_video()
    {
        var frame = new CellBuffer(6, 1);
        frame.SetString(0, 0, "sel", new Style().Fg(Color.Black).Bg(Color.Cyan));
        frame.SetString(3, 0, "red", new Style().Fg(Color.Red).Underline());
        var (terminal, renderer) = Create(ColorDepth.Monochrome);
        renderer.Render(frame);
        Assert.Equal($"{Begin}\e[0m\e[H\e[2J\e[7msel\e[27;4mred{End}", terminal.WrittenText);
    }

    [Fact]
    public void Wide_characters_are_written_once_and_the_screen_matches()
    {
        var (terminal, renderer) = Create();
        var frame = new CellBuffer(10, 2);
        frame.SetString(0, 0, "日本語ab", Style.Default);
        frame.SetString(0, 1, "🚀x", Style.Default);
        renderer.Render(frame);
        Assert.Equal(1, terminal.WrittenText.Split("日").Length - 1);
        AssertReplaysTo(frame, terminal);
    }

    [Fact]
    public void Random_frames_with_shifts_styles_and_wide_characters_always_replay_to_the_frame()
    {
        var random = new Random(20240611);
        const int Width = 40, Height = 16;
        var terminal = new MemoryTerminal(Width, Height);
        var renderer = new Renderer(terminal, ColorDepth.TrueColor);
        var screen = new VirtualScreen(Width, Height);
        var lines = Enumerable.Range(0, 200).Select(i => RandomLine(random, i)).ToList();
        int offset = 0, scrolls = 0;
        for (int step = 0; step < 300; step++)
        {
            offset = Math.Clamp(offset + random.Next(-3, 6), 0, lines.Count - Height);
            var frame = new CellBuffer(Width, Height);
            frame.SetString(0, 0, $"header {step % 7}", new Style().Bold());
            for (int y = 1; y < Height - 1; y++)
                frame.SetLine(0, y, lines[offset + y], Width);
            frame.SetString(0, Height - 1, random.Next(3) == 0 ? "status ok" : "status busy", new Style().Bg(Color.Blue));
            if (random.Next(5) == 0) frame.SetString(random.Next(Width), random.Next(Height), "Ω日", new Style().Fg(Color.FromIndex((byte)random.Next(256))));
            if (random.Next(40) == 0) renderer.Invalidate();

            terminal.ClearWritten();
            renderer.Render(frame);
            scrolls += renderer.LastFrame.Scrolls;
            screen.Feed(terminal.Written);
            Assert.Equal(frame.ToLines(), screen.ToBuffer().ToLines());
            AssertSameCells(frame, screen.ToBuffer(), $"step {step}");
        }
        Assert.Empty(screen.UnknownSequences);
        Assert.True(scrolls > 50, $"only {scrolls} scrolls: the shift path was not exercised");
    }

    private static Line RandomLine(Random random, int index)
    {
        Color[] colors = [Color.Default, Color.Red, Color.Green, Color.FromRgb(10, 200, 30), Color.FromIndex(214)];
        var spans = new List<Span> { new($"{index:000} ", new Style().Dim()) };
        for (int i = 0; i < random.Next(1, 5); i++)
        {
            string word = random.Next(6) == 0 ? "語彙" : new string((char)('a' + random.Next(26)), random.Next(1, 9));
            spans.Add(new Span(word + " ", new Style().Fg(colors[random.Next(colors.Length)])));
        }
        return new Line(spans);
    }

    /// <summary>A monitor-like screen: a title, a 10-row table, a rule, a log pane (rows 12..38) that has scrolled by <paramref name="logOffset"/> lines, and a key bar.</summary>
    internal static CellBuffer MonitorLikeScreen(int width, int height, int logOffset)
    {
        var frame = new CellBuffer(width, height);
        frame.SetString(0, 0, " Tui · processes.toml · 10 processes  9 running  1 backoff", new Style().Bold());
        for (int i = 0; i < 10; i++)
        {
            var style = i == 3 ? new Style().Reversed() : Style.Default;
            frame.SetString(0, 1 + i, $" web    svc{i,-8} ● running   {4100 + i}   3m12s   0   12.3  ▁▂▃▅▇▅▃▂▁▂▃    84M", style);
        }
        frame.SetString(0, 11, "─ api · follow " + new string('─', width - 15), new Style().Fg(Color.DarkGray));
        for (int y = 12; y < height - 1; y++)
        {
            int n = logOffset + y - 12;
            frame.SetString(0, y, $" 14:02:{n % 60:00}.{n * 37 % 1000:000}", new Style().Fg(Color.DarkGray));
            frame.SetString(14, y, $"  GET /api/items/{n} 200 {n % 13}.4ms user=alice trace=0f{n:x6}", Style.Default);
        }
        frame.SetString(0, height - 1, " ? help  s start  x stop  r restart  / search  f follow  q quit", new Style().Bg(Color.Blue));
        return frame;
    }

    private static int VisibleTextBytes(CellBuffer frame) =>
        frame.ToLines().Sum(l => Encoding.UTF8.GetByteCount(l.TrimEnd()));

    private static void AssertReplaysTo(CellBuffer frame, MemoryTerminal terminal, CellBuffer? before = null)
    {
        var screen = new VirtualScreen(frame.Width, frame.Height);
        if (before is not null)
        {
            var setup = new MemoryTerminal(frame.Width, frame.Height);
            new Renderer(setup, ColorDepth.TrueColor).Render(before);
            screen.Feed(setup.Written);
        }
        screen.Feed(terminal.Written);
        Assert.Equal(frame.ToLines(), screen.ToBuffer().ToLines());
        AssertSameCells(frame, screen.ToBuffer(), "replay");
        Assert.Empty(screen.UnknownSequences);
    }

    private static void AssertSameCells(CellBuffer expected, CellBuffer actual, string context)
    {
        for (int y = 0; y < expected.Height; y++)
            for (int x = 0; x < expected.Width; x++)
                if (!expected[x, y].IsContinuation && expected[x, y] != actual[x, y])
                    Assert.Fail($"{context}: cell ({x},{y}) expected {expected[x, y]} but the terminal shows {actual[x, y]}");
    }
}
