using BenchmarkDotNet.Attributes;
using Tui.Terminal.Drawing;
using Tui.Terminal.Rendering;

namespace Tui.Benchmarks;

/// <summary>
/// One frame of a busy 200x60 monitor (see RenderMonitorScreen): drawing the widgets into a fresh
/// buffer, and drawing plus diffing against the previous frame into terminal bytes. Target: under
/// 1 ms per frame. The bytes per typical update (and per byte of new log text) are printed at setup,
/// with and without the renderer's scroll detection.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmark
{
    private const int Width = 200, Height = 60;
    private const int MeasuredFrames = 300; // ten seconds of frames at 30 per second: ten stats updates

    private RenderMonitorScreen _screen = null!;
    private Renderer _renderer = null!;
    private readonly CellBuffer _frame = new(Width, Height); // reused: the renderer keeps its own copy
    private CellBuffer _unchanged = null!;
    private Renderer _unchangedRenderer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _screen = new RenderMonitorScreen();
        _renderer = new Renderer(new RenderCountingTerminal(Width, Height), ColorDepth.TrueColor);
        _renderer.Render(Draw(_screen));

        _unchanged = Draw(new RenderMonitorScreen());
        _unchangedRenderer = new Renderer(new RenderCountingTerminal(Width, Height), ColorDepth.TrueColor);
        _unchangedRenderer.Render(_unchanged);

        Report(scrollOptimization: true);
        Report(scrollOptimization: false);
    }

    private static CellBuffer Draw(RenderMonitorScreen screen)
    {
        var frame = new CellBuffer(Width, Height);
        screen.Draw(frame);
        return frame;
    }

    private static void Report(bool scrollOptimization)
    {
        var screen = new RenderMonitorScreen();
        var renderer = new Renderer(new RenderCountingTerminal(Width, Height), ColorDepth.TrueColor) { ScrollOptimization = scrollOptimization };
        int firstFrame = renderer.Render(Draw(screen));
        long logBytes = 0, statsBytes = 0, newText = 0;
        int logFrames = 0, statsFrames = 0;
        for (int i = 1; i <= MeasuredFrames; i++)
        {
            screen.Tick();
            int bytes = renderer.Render(Draw(screen));
            if (i % RenderMonitorScreen.FramesPerStatsUpdate == 0)
            {
                statsBytes += bytes;
                statsFrames++;
            }
            else
            {
                logBytes += bytes;
                logFrames++;
                newText += screen.NewTextBytes;
            }
        }
        Console.WriteLine(
            $"// render bytes, scroll detection {(scrollOptimization ? "on" : "off")}: first frame {firstFrame} B; " +
            $"log frame ({RenderMonitorScreen.LinesPerFrame} new lines) {logBytes / logFrames} B = {(double)logBytes / newText:0.00} B per byte of new log text; " +
            $"frame with new stats {statsBytes / statsFrames} B; average {(logBytes + statsBytes) / MeasuredFrames} B per frame");
    }

    [Benchmark]
    public int Draw_busy_monitor_frame()
    {
        _screen.Tick();
        _frame.Clear();
        _screen.Draw(_frame);
        return _frame.Width;
    }

    [Benchmark]
    public int Draw_and_diff_busy_monitor_frame()
    {
        _screen.Tick();
        _frame.Clear();
        _screen.Draw(_frame);
        return _renderer.Render(_frame);
    }

    [Benchmark]
    public int Diff_unchanged_frame() => _unchangedRenderer.Render(_unchanged);
}
