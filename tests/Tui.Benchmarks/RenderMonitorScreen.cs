using System.Globalization;
using Tui.Terminal.Drawing;
using Tui.Terminal.Sanitizing;
using Tui.Terminal.Widgets;

namespace Tui.Benchmarks;

/// <summary>
/// A busy monitor as the benchmark draws it: a title row, a table of 30 processes with CPU and memory
/// sparklines, a bordered log pane following a child that writes 200 lines a second (about 7 per frame
/// at 30 frames a second), and a key bar. Stats change once a second (every 30th frame), as they would.
/// </summary>
internal sealed class RenderMonitorScreen
{
    public const int Processes = 30;
    public const int LinesPerFrame = 7;
    public const int FramesPerStatsUpdate = 30;
    private const int HistoryLength = 60;

    private static readonly Constraint[] Widths =
    [
        Constraint.Length(7), Constraint.Length(14), Constraint.Length(12), Constraint.Length(8), Constraint.Length(8),
        Constraint.Length(4), Constraint.Length(7), Constraint.Length(30), Constraint.Length(8), Constraint.Fill(),
    ];

    private readonly List<Line> _log = [];
    private readonly double[][] _cpu = new double[Processes][];
    private readonly double[][] _memory = new double[Processes][];
    private readonly Random _random = new(42);
    private readonly TableState _table = new() { Selected = 3 };
    private readonly LogViewState _logState = new();
    private int _frame;
    private long _lineNumber;

    public RenderMonitorScreen()
    {
        for (int p = 0; p < Processes; p++)
        {
            _cpu[p] = Enumerable.Range(0, HistoryLength).Select(_ => _random.NextDouble() * 100).ToArray();
            _memory[p] = Enumerable.Range(0, HistoryLength).Select(_ => 50 + _random.NextDouble() * 10).ToArray();
        }
        for (int i = 0; i < 500; i++) AppendLogLine();
    }

    /// <summary>Bytes of text in the log lines added by the last <see cref="Tick"/> (what a reader sees as new).</summary>
    public int NewTextBytes { get; private set; }

    /// <summary>One frame's worth of change: new log lines, and every 30th frame new stats.</summary>
    public void Tick()
    {
        _frame++;
        NewTextBytes = 0;
        for (int i = 0; i < LinesPerFrame; i++) NewTextBytes += System.Text.Encoding.UTF8.GetByteCount(AppendLogLine().PlainText);
        if (_frame % FramesPerStatsUpdate != 0) return;
        for (int p = 0; p < Processes; p++)
        {
            Array.Copy(_cpu[p], 1, _cpu[p], 0, HistoryLength - 1);
            _cpu[p][^1] = _random.NextDouble() * 100;
            Array.Copy(_memory[p], 1, _memory[p], 0, HistoryLength - 1);
            _memory[p][^1] = 50 + _random.NextDouble() * 10;
        }
    }

    private Line AppendLogLine()
    {
        long n = _lineNumber++;
        string raw = string.Create(CultureInfo.InvariantCulture,
            $"\e[2m14:02:{n / 200 % 60:00}.{n * 5 % 1000:000}\e[0m  GET /api/items/{n} \e[32m200\e[0m {n % 13}.4ms user=alice trace=0f{n:x6}");
        var line = AnsiSanitizer.Sanitize(raw);
        _log.Add(line);
        return line;
    }

    public void Draw(CellBuffer frame)
    {
        var (title, rest) = frame.Area.SplitTop(1);
        var (body, bar) = rest.SplitBottom(1);
        var (tableArea, logArea) = body.SplitTop(Processes + 1);

        frame.SetString(0, 0, " Tui · processes.toml · 30 processes  28 running  1 backoff  1 done", new Style().Bold());
        frame.SetString(title.Right - 9, 0, $"14:02:{_frame / 30 % 60:00}", Style.Default);

        var rows = new Row[Processes];
        for (int p = 0; p < Processes; p++)
        {
            double cpu = _cpu[p][^1];
            rows[p] = new Row(
                p % 3 == 0 ? "web" : "jobs", $"service-{p:00}", new Line("● running", new Style().Fg(Color.Green)), (4100 + p).ToString(CultureInfo.InvariantCulture),
                "3m12s", "0", new Line(cpu.ToString("0.0", CultureInfo.InvariantCulture)) { Alignment = Alignment.Right }, "",
                $"{_memory[p][^1]:0}M", "");
        }
        new Table(rows, Widths)
        {
            Header = new Row("GROUP", "NAME", "STATE", "PID", "UP", "↻", "CPU%", "CPU 60s", "MEM", "MEM 60s") { Style = new Style().Bold() },
            ColumnSpacing = 0,
            HighlightStyle = new Style().Bg(Color.FromRgb(40, 60, 90)),
        }.Render(tableArea, frame, _table);

        var columns = Layout.Horizontal(tableArea, Widths);
        for (int p = 0; p < Processes; p++)
        {
            int y = tableArea.Y + 1 + p;
            new Sparkline(_cpu[p]) { Max = 100, Style = new Style().Fg(Color.Cyan) }.Render(columns[7] with { Y = y, Height = 1, Width = columns[7].Width - 1 }, frame);
            new Sparkline(_memory[p]) { Max = 64, Mode = SparklineMode.Braille, Style = new Style().Fg(Color.Magenta) }.Render(columns[9] with { Y = y, Height = 1 }, frame);
        }

        var block = new Block { Title = " api · follow ", BorderStyle = new Style().Fg(Color.DarkGray) };
        block.Render(logArea, frame);
        new LogView(_log).Render(block.Inner(logArea), frame, _logState);

        new KeyHintBar([new("?", "help"), new("s", "start"), new("x", "stop"), new("r", "restart"), new("/", "search"), new("f", "follow"), new("q", "quit")])
        {
            Style = new Style().Bg(Color.Blue).Fg(Color.White),
        }.Render(bar, frame);
    }
}
