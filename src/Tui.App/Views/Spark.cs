using Tui.App.Themes;
using Tui.Core.Stats;
using Tui.Terminal.Drawing;
using Tui.Terminal.Widgets;

namespace Tui.App.Views;

/// <summary>CPU and memory sparklines from the engine's stats history, and the scales the views print beside them.</summary>
public static class Spark
{
    /// <summary>List rows scale CPU to one full core at least, so a quiet process looks quiet next to a busy one.</summary>
    public const double RowCpuScaleFloor = 100;

    /// <summary>The detail pane scales CPU to what was seen (rounded up to 1, 2 or 5 × 10ⁿ %), at least this much.</summary>
    public const double DetailCpuScaleFloor = 1;

    /// <summary>
    /// Memory bars show the trend, not the size: the largest sample is a full bar and the floor sits below the smallest
    /// by a seventh of the range, or by this share of the largest if that is more, so a leak climbs the whole height
    /// while a few pages of jitter only ripple the top of the bars.
    /// </summary>
    public const double MemoryMinFloorGapShare = 0.25;

    /// <summary>A range under this share of the size is no trend at all: the bars are drawn flat.</summary>
    public const double MemoryFlatBelowShare = 0.01;

    public readonly record struct Scale(double Low, double High);

    public static Scale RowCpuScale(IReadOnlyList<ProcessStats> history, int samples) =>
        new(0, Math.Max(RowCpuScaleFloor, MaxCpu(history, samples)));

    public static Scale DetailCpuScale(IReadOnlyList<ProcessStats> history, int samples) =>
        new(0, Nice(Math.Max(DetailCpuScaleFloor, MaxCpu(history, samples))));

    public static Scale MemoryScale(IReadOnlyList<ProcessStats> history, int samples)
    {
        int first = Math.Max(0, history.Count - samples);
        if (first >= history.Count) return new Scale(0, 0);
        long min = long.MaxValue, max = 0;
        for (int i = first; i < history.Count; i++)
        {
            min = Math.Min(min, history[i].RssBytes);
            max = Math.Max(max, history[i].RssBytes);
        }
        return new Scale(min, max);
    }

    public static void Cpu(IReadOnlyList<ProcessStats> history, Rect area, Scale scale, Theme theme, CellBuffer buffer, SparklineMode mode = SparklineMode.Blocks)
    {
        if (history.Count == 0 || area.IsEmpty) return;
        var values = new double[history.Count];
        for (int i = 0; i < values.Length; i++) values[i] = history[i].CpuPercent;
        new Sparkline(values) { Max = scale.High, Style = theme.Fg(ThemeRole.SparklineCpu), Mode = mode }.Render(area, buffer);
    }

    public static void Memory(IReadOnlyList<ProcessStats> history, Rect area, Scale scale, Theme theme, CellBuffer buffer, SparklineMode mode = SparklineMode.Blocks)
    {
        if (history.Count == 0 || area.IsEmpty) return;
        double range = scale.High - scale.Low;
        bool flat = range <= scale.High * MemoryFlatBelowShare;
        double floor = flat ? 0 : Math.Max(0, scale.Low - Math.Max(range / 7, scale.High * MemoryMinFloorGapShare));
        double top = flat ? 2 : scale.High - floor;
        var values = new double[history.Count];
        for (int i = 0; i < values.Length; i++) values[i] = flat ? 1 : history[i].RssBytes - floor;
        new Sparkline(values) { Max = top, Style = theme.Fg(ThemeRole.SparklineMemory), Mode = mode }.Render(area, buffer);
    }

    /// <summary>Samples a sparkline of this width shows.</summary>
    public static int Samples(int width, SparklineMode mode) => width * (mode == SparklineMode.Braille ? 2 : 1);

    private static double MaxCpu(IReadOnlyList<ProcessStats> history, int samples)
    {
        double max = 0;
        for (int i = Math.Max(0, history.Count - samples); i < history.Count; i++) max = Math.Max(max, history[i].CpuPercent);
        return max;
    }

    /// <summary>The next of 1, 2, 5, 10, 20, 50, ... at or above the value: a scale a person reads at a glance.</summary>
    private static double Nice(double value)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1.0, 2.0, 5.0, 10.0 })
        {
            if (value <= step * magnitude + 1e-9) return step * magnitude;
        }
        return 10 * magnitude;
    }
}
