using Tui.Core.Logs;

namespace Tui.Core.Tests.Logs;

public class LogRingTests
{
    private static readonly DateTimeOffset At = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static LogLine Line(long sequence) => new(sequence, "api", At, LogStream.Stdout, $"line {sequence}");

    private static LogRing RingWith(int capacity, int lines)
    {
        var ring = new LogRing(capacity);
        for (var i = 1; i <= lines; i++) ring.Add(Line(i));
        return ring;
    }

    [Fact]
    public void Empty_ring_has_nothing_and_sequence_zero()
    {
        var ring = new LogRing(4);

        Assert.Equal(0, ring.Count);
        Assert.Equal(0, ring.LastSequence);
        Assert.Empty(ring.Recent(10));
        Assert.Empty(ring.Since(0));
    }

    [Fact]
    public void Recent_returns_the_newest_lines_oldest_first()
    {
        var ring = RingWith(capacity: 10, lines: 6);

        Assert.Equal([4L, 5, 6], ring.Recent(3).Select(l => l.Sequence));
        Assert.Equal([1L, 2, 3, 4, 5, 6], ring.Recent(100).Select(l => l.Sequence));
        Assert.Empty(ring.Recent(0));
    }

    [Fact]
    public void Full_ring_drops_the_oldest_line_for_each_new_one()
    {
        var ring = RingWith(capacity: 4, lines: 11);

        Assert.Equal(4, ring.Count);
        Assert.Equal(11, ring.LastSequence);
        Assert.Equal([8L, 9, 10, 11], ring.Recent(10).Select(l => l.Sequence));
    }

    [Fact]
    public void Since_returns_the_lines_after_a_sequence_still_in_the_ring()
    {
        var ring = RingWith(capacity: 5, lines: 12);

        Assert.Equal([10L, 11, 12], ring.Since(9).Select(l => l.Sequence));
        Assert.Empty(ring.Since(12));
        // A reader that fell behind gets what is left, and sees the gap from its own last sequence.
        Assert.Equal([8L, 9, 10, 11, 12], ring.Since(2).Select(l => l.Sequence));
    }

    [Fact]
    public void Since_works_with_gaps_in_the_sequence()
    {
        var ring = new LogRing(8);
        foreach (var sequence in new long[] { 3, 7, 8, 20, 21 }) ring.Add(Line(sequence));

        Assert.Equal([20L, 21], ring.Since(10).Select(l => l.Sequence));
        Assert.Equal([7L, 8, 20, 21], ring.Since(3).Select(l => l.Sequence));
    }

    [Theory]
    [InlineData(1000, 63)]
    [InlineData(1000, 64)]
    [InlineData(1000, 65)]
    [InlineData(1000, 999)]
    [InlineData(1000, 1000)]
    [InlineData(1000, 2501)]
    [InlineData(100, 333)]
    public void A_ring_that_grows_while_it_fills_keeps_every_line_in_order_up_to_its_capacity(int capacity, int lines)
    {
        var ring = RingWith(capacity, lines);

        var kept = Math.Min(capacity, lines);
        Assert.Equal(capacity, ring.Capacity);
        Assert.Equal(kept, ring.Count);
        Assert.Equal(Enumerable.Range(lines - kept + 1, kept).Select(i => (long)i), ring.Recent(capacity).Select(l => l.Sequence));
        Assert.Equal(Enumerable.Range(lines - 9, 10).Select(i => (long)i), ring.Since(lines - 10).Select(l => l.Sequence));
    }

    [Fact]
    public void Adding_a_sequence_that_does_not_increase_is_refused()
    {
        var ring = RingWith(capacity: 4, lines: 3);

        Assert.Throws<ArgumentException>(() => ring.Add(Line(3)));
        Assert.Equal(3, ring.Count);
    }

    [Fact]
    public async Task Readers_on_other_threads_always_see_contiguous_lines_while_the_writer_adds()
    {
        const int capacity = 1_000;
        const int total = 300_000;
        var ring = new LogRing(capacity);
        using var stop = new CancellationTokenSource();

        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(string? () =>
        {
            do
            {
                var recent = ring.Recent(capacity);
                for (var i = 1; i < recent.Count; i++)
                {
                    if (recent[i].Sequence != recent[i - 1].Sequence + 1) return $"gap after {recent[i - 1].Sequence}";
                }
                var since = ring.Since(ring.LastSequence - 10);
                if (since.Count > capacity) return "more lines than the capacity";
            }
            while (!stop.IsCancellationRequested);
            return null;
        })).ToArray();

        for (var i = 1; i <= total; i++) ring.Add(Line(i));
        stop.Cancel();

        foreach (var reader in readers) Assert.Null(await reader);
        Assert.Equal(total, ring.LastSequence);
        Assert.Equal(total - capacity + 1, ring.Recent(capacity)[0].Sequence);
    }
}
