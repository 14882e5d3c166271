using Tui.Core.Stats;
using Tui.Storage.Tests.Support;

namespace Tui.Storage.Tests.Recording;

public sealed class StatsDownsamplingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void One_second_samples_become_one_row_per_process_per_ten_seconds_across_batches()
    {
        using var h = new RecorderHarness(_dir.File("history.db"));
        for (var second = 0; second < 25; second++)
        {
            var at = RecorderHarness.T0 + TimeSpan.FromSeconds(second);
            // CPU = the second, so each bucket's average is known; RSS peaks once, in the middle bucket.
            h.Stats.OnNext(Sample("api", at, cpu: second, rss: second == 13 ? 900 : 100 + second));
            h.Stats.OnNext(Sample("db", at, cpu: 1, rss: 50));
            h.Clock.AdvanceBy(TimeSpan.FromSeconds(1)); // one batch per second: buckets span ten batches
        }
        h.Flush();

        var api = h.Read(s => s.Stats("api"));
        Assert.Equal([0, 10, 20], api.Select(p => (int)(p.BucketStart - RecorderHarness.T0).TotalSeconds));
        Assert.Equal([10, 10, 5], api.Select(p => p.Samples));
        Assert.Equal([4.5, 14.5, 22.0], api.Select(p => p.AvgCpuPercent));
        Assert.Equal([9.0, 19.0, 24.0], api.Select(p => p.MaxCpuPercent));
        Assert.Equal([109L, 900L, 124L], api.Select(p => p.MaxRssBytes));
        Assert.Equal(3, h.Read(s => s.Stats("db")).Count);
    }

    private static ProcessStats Sample(string process, DateTimeOffset at, double cpu, long rss) =>
        new(process, at, cpu, rss, Threads: 1, OpenFds: 3, ProcessCount: 1, Uptime: TimeSpan.Zero);
}
