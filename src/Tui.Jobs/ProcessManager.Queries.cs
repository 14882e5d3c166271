using System.Reactive.Linq;
using Tui.Core.Supervision;

namespace Tui.Jobs;

/// <summary>The queries: list, status, output, follow.</summary>
public sealed partial class ProcessManager
{
    /// <summary>Every process's status, in the set's order (the file's processes first, then those spawned, in order).</summary>
    public IReadOnlyList<JobStatus> List()
    {
        var now = Clock.Now;
        return [.. _supervisor.Current.Select(s => StatusMapping.Status(s, _feed.Facts(s.Name), now))];
    }

    /// <summary>The process's state, exit code, runtime, restarts, memory (MB) and CPU (%) now. Cheap: no I/O, no wait.</summary>
    /// <exception cref="JobException">No process has that id.</exception>
    public JobStatus GetStatus(string id) => StatusMapping.Status(Snapshot(id), _feed.Facts(id), Clock.Now);

    /// <summary>
    /// The process's latest stdout and stderr lines kept in memory (10,000 by default), oldest first: the last
    /// <paramref name="tail"/> (null: all), of those no older than <paramref name="since"/> (null: any age).
    /// </summary>
    /// <exception cref="JobException">No process has that id.</exception>
    public Task<IReadOnlyList<LogLine>> GetOutputAsync(string id, int? tail = null, TimeSpan? since = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tail ?? 0, nameof(tail));
        Snapshot(id);
        cancellationToken.ThrowIfCancellationRequested();
        var from = since is { } age ? Clock.Now - age : DateTimeOffset.MinValue;
        var lines = _supervisor.RecentLogs(id, int.MaxValue)
            .Where(l => l.Stream != Core.Logs.LogStream.System && l.Timestamp >= from)
            .Select(StatusMapping.Line)
            .ToList();
        IReadOnlyList<LogLine> result = tail is { } n && n < lines.Count ? lines[^n..] : lines;
        return Task.FromResult(result);
    }

    /// <summary>
    /// The process's stdout and stderr lines as they arrive (what <c>tui logs --follow</c> shows); hot: from the
    /// moment of subscribing (take <see cref="GetOutputAsync"/> first for what came before). Completes when the manager is disposed.
    /// </summary>
    /// <exception cref="JobException">No process has that id.</exception>
    public IObservable<LogLine> Output(string id)
    {
        Snapshot(id);
        return _supervisor.Logs.Where(l => l.Process == id && l.Stream != Core.Logs.LogStream.System).Select(StatusMapping.Line);
    }

    private ProcessSnapshot Snapshot(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        foreach (var snapshot in _supervisor.Current)
        {
            if (snapshot.Name == id) return snapshot;
        }
        throw new JobException(_supervisor.Current.IsEmpty
            ? $"no process named \"{id}\" (the manager has none)"
            : $"no process named \"{id}\" (known: {string.Join(", ", _supervisor.Current.Select(s => s.Name))})");
    }
}
