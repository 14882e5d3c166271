namespace Tui.Http.Events;

/// <summary>How much the event streams keep.</summary>
/// <param name="ReplayEvents">Events kept for <c>Last-Event-ID</c> resume; older ones are reported as a gap.</param>
/// <param name="ClientQueue">Items one client may be behind before it is cut off (at least <paramref name="ReplayEvents"/>, so a full replay fits).</param>
/// <param name="StatsInterval">Stats are sent at most this often, as one event holding every process's latest sample.</param>
public sealed record SseLimits(int ReplayEvents, int ClientQueue, TimeSpan StatsInterval)
{
    public static SseLimits Default { get; } = new(1024, 4096, TimeSpan.FromSeconds(1));
}
