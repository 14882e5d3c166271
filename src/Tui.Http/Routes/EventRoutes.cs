using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tui.Http.Events;

namespace Tui.Http.Routes;

/// <summary><c>GET /events</c>: the engine's events as Server-Sent Events (see <see cref="EventHub"/>).</summary>
internal static class EventRoutes
{
    public const string LastEventIdHeader = "Last-Event-ID";

    public static void Map(IEndpointRouteBuilder app, EventHub hub)
    {
        app.MapGet("/events", (HttpContext context) => Stream(context, hub.Subscribe(LastEventId(context.Request))))
            .WithTags("events").WithName("StreamEvents")
            .WithSummary("State changes, restarts, health, progress, notices and stats (at most once a second) as Server-Sent Events; Last-Event-ID resumes");
    }

    /// <summary>The id a reconnecting client last saw: the Last-Event-ID header, or ?last_event_id= for clients that cannot set headers.</summary>
    public static long? LastEventId(HttpRequest request)
    {
        var text = request.Headers[LastEventIdHeader].ToString();
        if (text.Length == 0) text = request.Query["last_event_id"].ToString();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>
    /// Streams <paramref name="client"/> until the client goes; a client cut off for falling behind has its connection
    /// aborted at once (its unread bytes are dropped, not flushed to a reader that does not read).
    /// </summary>
    public static SseStream Stream(HttpContext context, SseSubscriber client)
    {
        context.Response.RegisterForDispose(client);
        client.CutOff.Register(static state => ((HttpContext)state!).Abort(), context);
        // Proxies (nginx) must not hold events back.
        context.Response.Headers["X-Accel-Buffering"] = "no";
        return new SseStream(client.ReadAllAsync(context.RequestAborted));
    }
}
