using Tui.Core.Config;
using Tui.Core.Health;
using Tui.Core.Health.Probes;

namespace Tui.Core.Tests.Health;

/// <summary>How one check's results become a verdict: retries in a row, reset by a success, a start period that does not count.</summary>
public sealed class CheckTrackerTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ProbeResult Pass = ProbeResult.Pass("200 OK");

    private static CheckTracker Tracker(int retries = 3, TimeSpan? startPeriod = null) =>
        new(new HealthCheckConfig(new ProbeSpec.Tcp("127.0.0.1", 1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), retries, startPeriod ?? TimeSpan.Zero), Start);

    private static ProbeResult Fail(string why = "connection refused") => ProbeResult.Fail(why);

    [Fact]
    public void One_success_passes_at_once()
    {
        var tracker = Tracker();
        Assert.Null(tracker.Verdict);
        Assert.True(tracker.Record(Pass, Start.AddSeconds(1)));
        Assert.True(tracker.Verdict);
    }

    [Fact]
    public void Retries_failures_in_a_row_fail_and_a_success_resets_the_count()
    {
        var tracker = Tracker(retries: 3);
        tracker.Record(Pass, Start.AddSeconds(1));
        tracker.Record(Fail(), Start.AddSeconds(2));
        tracker.Record(Fail(), Start.AddSeconds(3));
        Assert.True(tracker.Verdict);
        Assert.Equal(2, tracker.Failures);

        tracker.Record(Pass, Start.AddSeconds(4));
        Assert.Equal(0, tracker.Failures);
        tracker.Record(Fail(), Start.AddSeconds(5));
        tracker.Record(Fail(), Start.AddSeconds(6));
        tracker.Record(Fail("503"), Start.AddSeconds(7));

        Assert.False(tracker.Verdict);
        Assert.Equal(3, tracker.Failures);
        Assert.Equal("503", tracker.LastFailure);
    }

    [Fact]
    public void Failures_within_the_start_period_are_noted_but_not_counted()
    {
        var tracker = Tracker(retries: 1, startPeriod: TimeSpan.FromSeconds(10));
        tracker.Record(Fail("starting up"), Start.AddSeconds(3));
        tracker.Record(Fail("starting up"), Start.AddSeconds(9));
        Assert.Null(tracker.Verdict);
        Assert.Equal(0, tracker.Failures);
        Assert.Equal("starting up", tracker.LastFailure);

        tracker.Record(Fail("still down"), Start.AddSeconds(10));
        Assert.False(tracker.Verdict);
    }

    [Fact]
    public void A_success_within_the_start_period_counts()
    {
        var tracker = Tracker(startPeriod: TimeSpan.FromMinutes(1));
        tracker.Record(Pass, Start.AddSeconds(1));
        Assert.True(tracker.Verdict);
    }

    [Fact]
    public void A_repeated_success_changes_nothing_a_person_sees()
    {
        var tracker = Tracker();
        Assert.True(tracker.Record(Pass, Start.AddSeconds(1)));
        Assert.False(tracker.Record(Pass, Start.AddSeconds(2)));
    }

    [Fact]
    public void The_last_failure_is_kept_after_a_recovery()
    {
        var tracker = Tracker();
        tracker.Record(Fail("timed out after 1s"), Start.AddSeconds(1));
        tracker.Record(Pass, Start.AddSeconds(2));
        Assert.True(tracker.Verdict);
        Assert.Equal("timed out after 1s", tracker.LastFailure);
    }
}
