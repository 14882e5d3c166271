using System.Reactive.Concurrency;
using Tui.App.Monitor;

namespace Tui.App.Tests.Monitor;

public class CoalescerTests
{
    [Fact]
    public void Items_arriving_within_an_interval_are_delivered_as_one_batch_in_order()
    {
        var time = new HistoricalScheduler();
        var batches = new List<IReadOnlyList<int>>();
        using var coalescer = new Coalescer<int>(time, TimeSpan.FromMilliseconds(33), batches.Add);
        for (int i = 0; i < 1000; i++) coalescer.Add(i);
        time.AdvanceBy(TimeSpan.FromMilliseconds(32));
        Assert.Empty(batches);
        time.AdvanceBy(TimeSpan.FromMilliseconds(1));
        Assert.Equal(Enumerable.Range(0, 1000), Assert.Single(batches));
    }

    [Fact]
    public void Nothing_is_scheduled_while_nothing_arrives()
    {
        var time = new HistoricalScheduler();
        var batches = new List<IReadOnlyList<int>>();
        using var coalescer = new Coalescer<int>(time, TimeSpan.FromMilliseconds(33), batches.Add);
        coalescer.Add(1);
        time.AdvanceBy(TimeSpan.FromSeconds(10));
        coalescer.Add(2);
        time.AdvanceBy(TimeSpan.FromSeconds(10));
        Assert.Equal([[1], [2]], batches.Select(b => b.ToArray()));
    }

    [Fact]
    public void After_dispose_nothing_is_delivered()
    {
        var time = new HistoricalScheduler();
        var batches = new List<IReadOnlyList<int>>();
        var coalescer = new Coalescer<int>(time, TimeSpan.FromMilliseconds(33), batches.Add);
        coalescer.Add(1);
        coalescer.Dispose();
        time.AdvanceBy(TimeSpan.FromSeconds(1));
        Assert.Empty(batches);
    }
}
