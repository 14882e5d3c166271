using System.Reactive.Concurrency;
using Tui.Core.Watching;

namespace Tui.Core.Tests.Watching;

public sealed class ChangeBatcherTests
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);
    private readonly HistoricalScheduler _clock = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly List<ChangeBatch> _flushed = [];

    private ChangeBatcher Batcher() => new(Debounce, _clock, _flushed.Add);

    [Fact]
    public void A_burst_of_500_changes_is_one_batch_naming_the_first()
    {
        using var batcher = Batcher();
        for (var i = 0; i < 500; i++)
        {
            batcher.Add($"src/file{i}.cs");
            _clock.AdvanceBy(TimeSpan.FromMilliseconds(1));
        }
        _clock.AdvanceBy(Debounce);
        var batch = Assert.Single(_flushed);
        Assert.Equal(new ChangeBatch("src/file0.cs", 500), batch);
        Assert.Equal("src/file0.cs and 499 more", batch.Describe());
    }

    [Fact]
    public void Nothing_is_flushed_until_the_changes_have_been_quiet_for_the_debounce()
    {
        using var batcher = Batcher();
        batcher.Add("a.txt");
        _clock.AdvanceBy(Debounce - TimeSpan.FromMilliseconds(1));
        batcher.Add("b.txt"); // restarts the quiet period
        _clock.AdvanceBy(Debounce - TimeSpan.FromMilliseconds(1));
        Assert.Empty(_flushed);
        _clock.AdvanceBy(TimeSpan.FromMilliseconds(1));
        Assert.Equal([new ChangeBatch("a.txt", 2)], _flushed);
    }

    [Fact]
    public void A_change_after_a_flush_starts_a_new_batch()
    {
        using var batcher = Batcher();
        batcher.Add("a.txt");
        _clock.AdvanceBy(Debounce);
        batcher.Add("b.txt");
        _clock.AdvanceBy(Debounce);
        Assert.Equal([new ChangeBatch("a.txt", 1), new ChangeBatch("b.txt", 1)], _flushed);
    }

    [Fact]
    public void Changes_that_never_pause_are_flushed_after_the_max_batch_span()
    {
        using var batcher = Batcher();
        var step = TimeSpan.FromMilliseconds(100);
        for (var elapsed = TimeSpan.Zero; elapsed < ChangeBatcher.MaxBatchSpan; elapsed += step)
        {
            batcher.Add("app.log");
            _clock.AdvanceBy(step);
        }
        Assert.Single(_flushed);
    }

    [Fact]
    public void A_disposed_batcher_flushes_nothing()
    {
        var batcher = Batcher();
        batcher.Add("a.txt");
        batcher.Dispose();
        _clock.AdvanceBy(Debounce * 2);
        batcher.Add("b.txt");
        _clock.AdvanceBy(Debounce * 2);
        Assert.Empty(_flushed);
    }
}
