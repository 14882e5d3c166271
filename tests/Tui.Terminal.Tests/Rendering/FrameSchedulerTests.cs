using System.Reactive.Concurrency;
using Tui.Terminal.Rendering;

namespace Tui.Terminal.Tests.Rendering;

public class FrameSchedulerTests
{
    private readonly HistoricalScheduler _clock = new();
    private readonly List<DateTimeOffset> _frames = [];
    private readonly FrameScheduler _scheduler;

    public FrameSchedulerTests() => _scheduler = new FrameScheduler(_clock, () => _frames.Add(_clock.Now));

    [Fact]
    public void No_request_no_frame()
    {
        _clock.AdvanceBy(TimeSpan.FromSeconds(10));
        Assert.Empty(_frames);
    }

    [Fact]
    public void The_first_request_draws_at_once_and_requests_in_between_collapse_into_one_frame()
    {
        _scheduler.RequestFrame();
        _clock.AdvanceBy(TimeSpan.FromTicks(1)); // AdvanceBy(0) runs nothing
        Assert.Single(_frames);

        for (int i = 0; i < 50; i++) _scheduler.RequestFrame();
        _clock.AdvanceBy(TimeSpan.FromMilliseconds(10));
        Assert.Single(_frames);
        _clock.AdvanceBy(FrameScheduler.DefaultMinFrameInterval);
        Assert.Equal(2, _frames.Count);
        Assert.Equal(FrameScheduler.DefaultMinFrameInterval, _frames[1] - _frames[0]);
    }

    [Fact]
    public void A_flood_of_updates_draws_at_most_about_thirty_frames_a_second()
    {
        for (int ms = 0; ms < 1000; ms++)
        {
            _scheduler.RequestFrame();
            _clock.AdvanceBy(TimeSpan.FromMilliseconds(1));
        }
        Assert.InRange(_frames.Count, 28, 31);
    }
}
