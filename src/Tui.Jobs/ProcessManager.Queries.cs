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
    /// The process's stdout and stderr lines as they arrive (what <c>tui logs --follow</c> shows): from the moment of
    /// subscribing, or with <paramref name="fromStart"/> the lines still kept in memory first, then the new ones,
    /// none twice and none missed. Lines come on the reader threads; completes when the manager is disposed.
    /// </summary>
    /// <exception cref="JobException">No process has that id.</exception>
    public IObservable<LogLine> Output(string id, bool fromStart = false)
    {
        Snapshot(id);
        var live = _supervisor.Logs.Where(l => l.Process == id && l.Stream != Core.Logs.LogStream.System);
        return (fromStart ? FromStart(id, live) : live).Select(StatusMapping.Line);
    }

    /// <summary>Lines in the ring, then live ones; a line that came while the ring was read is told once, by its sequence.</summary>
    private IObservable<Core.Logs.LogLine> FromStart(string id, IObservable<Core.Logs.LogLine> live) => Observable.Create<Core.Logs.LogLine>(observer =>
    {
        var gate = new Lock();
        var held = new List<Core.Logs.LogLine>();
        var replaying = true;
        var last = long.MinValue;
        void Tell(Core.Logs.LogLine line)
        {
            if (line.Sequence <= last) return;
            last = line.Sequence;
            observer.OnNext(line);
        }
        var subscription = live.Subscribe(line =>
        {
            lock (gate)
            {
                if (replaying) held.Add(line);
                else Tell(line);
            }
        }, observer.OnError, observer.OnCompleted);
        lock (gate)
        {
            foreach (var line in _supervisor.RecentLogs(id, int.MaxValue).Where(l => l.Stream != Core.Logs.LogStream.System)) Tell(line);
            foreach (var line in held) Tell(line);
            replaying = false;
        }
        return subscription;
    });

    private ProcessSnapshot Snapshot(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_supervisor.CurrentOf(id) is { } snapshot) return snapshot;
        throw new JobException(_supervisor.Current.IsEmpty
            ? $"no process named \"{id}\" (the manager has none)"
            : $"no process named \"{id}\" (known: {string.Join(", ", _supervisor.Current.Select(s => s.Name))})");
    }
}
