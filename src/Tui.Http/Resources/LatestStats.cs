using System.Collections.Concurrent;
using Tui.Core.Stats;
using Tui.Core.Supervision;

namespace Tui.Http.Resources;

/// <summary>
/// The newest stats sample of each process, kept as the samples arrive: <c>GET /processes</c> reads one per process
/// instead of copying every process's sparkline history on each request.
/// </summary>
internal sealed class LatestStats : IDisposable
{
    private readonly ConcurrentDictionary<string, ProcessStats> _latest = new(StringComparer.Ordinal);
    private readonly IDisposable _subscription;

    public LatestStats(ISupervisorClient engine)
    {
        _subscription = engine.Stats.Subscribe(sample => _latest[sample.Process] = sample);
        foreach (var process in engine.Current)
        {
            var history = engine.StatsHistory(process.Name);
            if (history.Count > 0) _latest.TryAdd(process.Name, history[^1]);
        }
    }

    public ProcessStats? Of(string process) => _latest.GetValueOrDefault(process);

    public void Dispose() => _subscription.Dispose();
}
