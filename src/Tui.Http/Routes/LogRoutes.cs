using System.Reactive.Concurrency;
using System.Globalization;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tui.Core.Control.Wire;
using Tui.Core.Logs;
using Tui.Core.Supervision;
using Tui.Http.Errors;
using Tui.Http.Events;
using Tui.Http.Json;
using Tui.Storage.Reading;

namespace Tui.Http.Routes;

/// <summary>
/// <c>GET /processes/{name}/logs?tail=&amp;since=</c> (the in-memory ring, as <c>tui logs</c> reads it) and
/// <c>GET /processes/{name}/logs/stream</c> (SSE, one event per line, its id the line's sequence number).
/// </summary>
internal static class LogRoutes
{
    /// <param name="clock">The engine's clock: log lines are stamped by it, so an age in since= is counted on it too.</param>
    public static void Map(IEndpointRouteBuilder app, ISupervisorClient engine, SseLimits limits, StreamCount streams, IScheduler clock)
    {
        var logs = app.MapGroup("/processes/{name}/logs").WithTags("logs");

        logs.MapGet("", Results<Ok<IReadOnlyList<LogEntry>>, JsonHttpResult<ApiError>> (string name, string? tail, string? since) =>
            {
                if (Targets.Find(engine, name) is null) return ErrorResults.NotFound($"no process named \"{name}\"");
                int? count = null;
                if (tail is not null)
                {
                    if (!int.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                        return ErrorResults.BadRequest($"tail: expected a number of lines, got \"{tail}\"");
                    count = n;
                }
                DateTimeOffset? from = null;
                if (since is not null)
                {
                    if (ParseSince(since, clock.Now) is not { } parsed)
                        return ErrorResults.BadRequest($"since: expected an ISO 8601 time or {AgeText.Expected}, got \"{since}\"");
                    from = parsed;
                }
                IEnumerable<LogLine> lines = engine.RecentLogs(name, int.MaxValue);
                if (from is { } f) lines = lines.Where(l => l.Timestamp >= f);
                var list = lines.Select(LogEntry.From).ToList();
                return TypedResults.Ok<IReadOnlyList<LogEntry>>(count is { } t && list.Count > t ? list[^t..] : list);
            })
            .WithName("GetLogs").WithSummary("A process's recent log lines (tail: the newest N; since: an ISO time or an age such as 5m)")
            .Produces<ApiError>(StatusCodes.Status400BadRequest, ApiError.ContentType)
            .Produces<ApiError>(StatusCodes.Status404NotFound, ApiError.ContentType);

        logs.MapGet("/stream", Results<SseStream, JsonHttpResult<ApiError>> (string name, HttpContext context) =>
            {
                if (Targets.Find(engine, name) is null) return ErrorResults.NotFound($"no process named \"{name}\"");
                var client = Follow(engine, name, EventRoutes.LastEventId(context.Request), limits, streams);
                return EventRoutes.Stream(context, client);
            })
            .WithName("StreamLogs").WithSummary("A process's log lines as Server-Sent Events; Last-Event-ID resumes after that line")
            .Produces<ApiError>(StatusCodes.Status404NotFound, ApiError.ContentType);
    }

    /// <summary>An ISO 8601 time, or an age before <paramref name="now"/> as tui history takes it (30m, 1h, 2d).</summary>
    internal static DateTimeOffset? ParseSince(string text, DateTimeOffset now)
    {
        if (AgeText.TryParse(text, out var age)) return now - age;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    /// <summary>
    /// A client of one process's lines: those after <paramref name="lastSeq"/> still in the ring, then the new ones, in
    /// order and each once (lines arriving while the ring is read are held back, then sent after it).
    /// </summary>
    private static SseSubscriber Follow(ISupervisorClient engine, string name, long? lastSeq, SseLimits limits, StreamCount streams)
    {
        var gate = new Lock();
        var held = new List<LogLine>();
        var replaying = true;
        var client = default(SseSubscriber);
        var live = engine.Logs.Subscribe(line =>
        {
            if (line.Process != name) return;
            lock (gate)
            {
                if (replaying)
                {
                    held.Add(line);
                    return;
                }
            }
            client!.Offer(Item(line));
        });
        streams.Enter();
        client = new SseSubscriber(limits.ClientQueue, _ =>
        {
            live.Dispose();
            streams.Leave();
        });
        lock (gate)
        {
            // Without an id only new lines are sent (the ring is GET /logs); with one, what the ring has after it first.
            var sent = lastSeq;
            if (lastSeq is { } last)
            {
                foreach (var line in engine.RecentLogs(name, limits.ClientQueue))
                {
                    if (line.Sequence <= last) continue;
                    client.Offer(Item(line));
                    sent = line.Sequence;
                }
            }
            foreach (var line in held)
            {
                if (sent is null || line.Sequence > sent) client.Offer(Item(line));
            }
            replaying = false;
        }
        return client;
    }

    private static SseItem<string> Item(LogLine line) =>
        new(JsonSerializer.Serialize(LogEntry.From(line), HttpJsonContext.Default.LogEntry), "log")
        {
            EventId = line.Sequence.ToString(CultureInfo.InvariantCulture),
        };
}
