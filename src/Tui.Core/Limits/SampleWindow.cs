using Tui.Core.Stats;

namespace Tui.Core.Limits;

/// <summary>
/// The stats samples of the last <c>window</c> of a run, averaged. Full once the run is at least a window old, so the
/// first sample (an average since the start) cannot trip a limit alone.
/// </summary>
internal sealed class SampleWindow(TimeSpan window, DateTimeOffset runStart)
{
    private readonly Queue<ProcessStats> _samples = new();

    public void Add(ProcessStats sample)
    {
        _samples.Enqueue(sample);
        while (_samples.Count > 0 && _samples.Peek().At <= sample.At - window) _samples.Dequeue();
    }

    public bool Full(DateTimeOffset now) => _samples.Count > 0 && now - runStart >= window;

    public double AverageCpu => _samples.Count == 0 ? 0 : _samples.Average(s => s.CpuPercent);

    public long AverageMemory => _samples.Count == 0 ? 0 : (long)_samples.Average(s => (double)s.RssBytes);
}
