using System.Reactive.Concurrency;
using Tui.Core.Config;
using Tui.Http.Events;

namespace Tui.Http.Hosting;

/// <summary>How one API server runs.</summary>
/// <param name="Endpoint">Where it listens.</param>
/// <param name="Token">The bearer token every request must carry; required on TCP, null on a unix socket (its mode guards it).</param>
/// <param name="HistoryDatabase">The engine's history database, read for <c>GET /history</c>.</param>
public sealed record ApiServerOptions(ApiEndpoint Endpoint, string? Token, string HistoryDatabase)
{
    /// <summary>Requests carry small JSON objects; a larger body is refused with 413 before it is read.</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Connections at once (each SSE client holds one); more wait in the listen backlog, never in memory.</summary>
    public const int DefaultMaxConnections = 1024;

    public long MaxRequestBodyBytes { get; init; } = DefaultMaxRequestBodyBytes;

    public int MaxConnections { get; init; } = DefaultMaxConnections;

    public SseLimits Sse { get; init; } = SseLimits.Default;

    /// <summary>The clock of the stats throttle (a test's virtual one, else the system's).</summary>
    public IScheduler Scheduler { get; init; } = DefaultScheduler.Instance;

    /// <summary>Where unexpected server errors are told (the client gets a 500 with no detail); null: nowhere.</summary>
    public Action<string>? Problems { get; init; }
}
