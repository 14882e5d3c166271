using System.Reactive.Concurrency;
using Tui.Core.Health;

namespace Tui.Core.Tests.Health;

/// <summary>The watchdog in virtual time: each missed timeout moves it on; a heartbeat brings it back.</summary>
public sealed class HeartbeatWatchdogTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly HistoricalScheduler _clock = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly List<WatchdogStage> _stages = [];

    private HeartbeatWatchdog Start()
    {
        var watchdog = new HeartbeatWatchdog(Timeout, _clock, action => action(), _stages.Add);
        watchdog.Start();
        return watchdog;
    }

    [Fact]
    public void A_silent_child_goes_stale_then_unhealthy_then_expires()
    {
        using var watchdog = Start();
        _clock.AdvanceBy(Timeout - TimeSpan.FromMilliseconds(1));
        Assert.Empty(_stages);

        _clock.AdvanceBy(TimeSpan.FromMilliseconds(1));
        Assert.Equal([WatchdogStage.Stale], _stages);
        Assert.Equal(Timeout, watchdog.Silence);

        _clock.AdvanceBy(Timeout);
        _clock.AdvanceBy(Timeout);
        Assert.Equal([WatchdogStage.Stale, WatchdogStage.Unhealthy, WatchdogStage.Expired], _stages);
        Assert.Equal(Timeout * 3, watchdog.Silence);

        _clock.AdvanceBy(Timeout * 10);
        Assert.Equal(3, _stages.Count); // expired is final for the run
    }

    [Fact]
    public void Heartbeats_within_the_timeout_keep_it_fresh()
    {
        using var watchdog = Start();
        for (var i = 0; i < 10; i++)
        {
            _clock.AdvanceBy(Timeout - TimeSpan.FromSeconds(1));
            watchdog.Beat();
        }
        Assert.Empty(_stages);
        Assert.Equal(WatchdogStage.Fresh, watchdog.Stage);
    }

    [Fact]
    public void A_heartbeat_after_going_stale_makes_it_fresh_and_restarts_the_count()
    {
        using var watchdog = Start();
        _clock.AdvanceBy(Timeout * 2);
        Assert.Equal(WatchdogStage.Unhealthy, watchdog.Stage);

        watchdog.Beat();
        Assert.Equal(WatchdogStage.Fresh, watchdog.Stage);
        _clock.AdvanceBy(Timeout - TimeSpan.FromMilliseconds(1));
        Assert.Equal(WatchdogStage.Fresh, watchdog.Stage);
        _clock.AdvanceBy(TimeSpan.FromMilliseconds(1));
        Assert.Equal([WatchdogStage.Stale, WatchdogStage.Unhealthy, WatchdogStage.Fresh, WatchdogStage.Stale], _stages);
    }

    [Fact]
    public void A_disposed_watchdog_reports_nothing()
    {
        var watchdog = Start();
        watchdog.Dispose();
        _clock.AdvanceBy(Timeout * 5);
        Assert.Empty(_stages);
    }
}
