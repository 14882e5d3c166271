using System.Collections.Immutable;
using System.Globalization;
using System.Net.ServerSentEvents;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Text.Json;
using Tui.Core.Control.Wire;
using Tui.Core.Stats;
using Tui.Core.Supervision;
using Tui.Http.Json;
using Tui.Http.Resources;

namespace Tui.Http.Events;

/// <summary>
/// The <c>GET /events</c> stream of one server: every engine event (state, started, exited, restart, config_error,
/// config_reloaded, notice), health and progress changes seen in the snapshots, and stats at most once per
/// <see cref="SseLimits.StatsInterval"/>. Each event is serialised once, numbered, kept in a bounded ring for
/// <c>Last-Event-ID</c> resume, and offered to every client's bounded queue.
/// </summary>
internal sealed class EventHub : IDisposable
{
    /// <summary>The event sent first on resume when the asked-for id is older than the ring: some events are lost.</summary>
    public const string GapEvent = "gap";

    private readonly SseLimits _limits;
    private readonly Lock _gate = new();
    private readonly Queue<(long Id, SseItem<string> Item)> _ring = new();
    private readonly List<SseSubscriber> _clients = [];
    private readonly List<IDisposable> _subscriptions = [];
    private long _lastId;

    public EventHub(ISupervisorClient engine, IScheduler scheduler, SseLimits limits)
    {
        _limits = limits;
        _subscriptions.Add(engine.Events.Subscribe(e =>
        {
            var info = EventInfo.Of(e);
            Publish(info.Type, JsonSerializer.Serialize(info, HttpJsonContext.Default.EventInfo));
        }));
        _subscriptions.Add(engine.Stats
            .Buffer(limits.StatsInterval, scheduler)
            .Where(batch => batch.Count > 0)
            .Subscribe(batch => Publish("stats", JsonSerializer.Serialize<IReadOnlyList<StatsEntry>>(
                [.. LatestPerProcess(batch).Select(StatsEntry.From)], HttpJsonContext.Default.IReadOnlyListStatsEntry))));
        _subscriptions.Add(SnapshotChanges(engine.Snapshots, scheduler).Subscribe(change => Publish(change.Type,
            JsonSerializer.Serialize(change.Change, HttpJsonContext.Default.ProcessChange))));
    }

    /// <summary>Clients connected now.</summary>
    public int ClientCount
    {
        get { lock (_gate) return _clients.Count; }
    }

    /// <summary>The id of the newest event (0 before the first).</summary>
    public long LastId
    {
        get { lock (_gate) return _lastId; }
    }

    /// <summary>
    /// A new client: first the kept events after <paramref name="lastEventId"/> (a "gap" event first when some of them
    /// are no longer kept), then every new one. Dispose it when the client goes.
    /// </summary>
    public SseSubscriber Subscribe(long? lastEventId)
    {
        var client = new SseSubscriber(Math.Max(_limits.ClientQueue, _limits.ReplayEvents + 1), Remove);
        lock (_gate)
        {
            if (lastEventId is { } last)
            {
                var oldestKept = _ring.Count > 0 ? _ring.Peek().Id : _lastId + 1;
                if (last < oldestKept - 1 || last > _lastId)
                {
                    // Older than the ring, or from an earlier server (ids restart with it): the client must re-read the state.
                    client.Offer(new SseItem<string>(
                        $"{{\"missed_after\":{last},\"resumed_at\":{oldestKept}}}", GapEvent));
                }
                foreach (var (id, item) in _ring)
                {
                    if (id > last) client.Offer(item);
                }
            }
            _clients.Add(client);
        }
        return client;
    }

    private void Publish(string type, string data)
    {
        lock (_gate)
        {
            var id = ++_lastId;
            var item = new SseItem<string>(data, type) { EventId = id.ToString(CultureInfo.InvariantCulture) };
            _ring.Enqueue((id, item));
            while (_ring.Count > _limits.ReplayEvents) _ring.Dequeue();
            foreach (var client in _clients) client.Offer(item);
        }
    }

    private void Remove(SseSubscriber client)
    {
        lock (_gate) _clients.Remove(client);
    }

    private static IEnumerable<ProcessStats> LatestPerProcess(IList<ProcessStats> batch) =>
        batch.GroupBy(s => s.Process).Select(g => g.MaxBy(s => s.At)!);

    /// <summary>"health" when a process's health text changes, "progress" when a job's progress or status does.</summary>
    private static IObservable<(string Type, ProcessChange Change)> SnapshotChanges(
        IObservable<ImmutableArray<ProcessSnapshot>> snapshots, IScheduler scheduler) =>
        Observable.Create<(string, ProcessChange)>(observer =>
        {
            var seen = new Dictionary<string, ProcessSnapshot>();
            return snapshots.Subscribe(all =>
            {
                foreach (var s in all)
                {
                    var had = seen.TryGetValue(s.Name, out var before);
                    seen[s.Name] = s;
                    if (!had) continue; // the first snapshot is state, not a change
                    var change = new ProcessChange(s.Name, scheduler.Now, s.Health, s.Progress, s.StatusText);
                    if (before!.Health != s.Health) observer.OnNext(("health", change));
                    if (before.Progress != s.Progress || before.StatusText != s.StatusText) observer.OnNext(("progress", change));
                }
            }, observer.OnError, observer.OnCompleted);
        });

    public void Dispose()
    {
        foreach (var subscription in _subscriptions) subscription.Dispose();
        lock (_gate)
        {
            // The server is stopping: each client's stream ends after what it was already sent.
            foreach (var client in _clients) client.Complete();
            _clients.Clear();
        }
    }
}
