using Tui.Http.Events;
using Tui.Http.Resources;

namespace Tui.Http.Hosting;

/// <summary>What the mapped routes hold on to while the server runs; disposed when it stops.</summary>
internal sealed record MappedRoutes(EventHub Hub, StreamCount LogStreams, LatestStats Stats) : IDisposable
{
    public void Dispose()
    {
        Hub.Dispose();
        Stats.Dispose();
    }
}
