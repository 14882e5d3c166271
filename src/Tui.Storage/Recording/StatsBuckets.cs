using Tui.Core.Stats;
using static Tui.Storage.Database.UnixTime;

namespace Tui.Storage.Recording;

/// <summary>Folds stats samples into one aggregate per process per <see cref="Width"/>, which is what history keeps.</summary>
internal static class StatsBuckets
{
    /// <summary>
    /// Ten seconds: fine enough to see a leak or a spike after the fact, coarse enough that a day of one process
    /// is 8,640 rows rather than the 86,400 one-second samples the screen uses.
    /// </summary>
    public static readonly TimeSpan Width = TimeSpan.FromSeconds(10);

    public readonly record struct Key(string Process, long BucketStartMs);

    public sealed class Aggregate
    {
        public int Samples;
        public double CpuSum;
        public double CpuMax;
        public long RssMax;
    }

    public static long BucketStart(DateTimeOffset at)
    {
        var width = (long)Width.TotalMilliseconds;
        var ms = ToMs(at);
        return ms - (((ms % width) + width) % width);
    }

    public static void Add(Dictionary<Key, Aggregate> buckets, ProcessStats sample)
    {
        var key = new Key(sample.Process, BucketStart(sample.At));
        if (!buckets.TryGetValue(key, out var aggregate)) buckets[key] = aggregate = new Aggregate();
        aggregate.Samples++;
        aggregate.CpuSum += sample.CpuPercent;
        aggregate.CpuMax = Math.Max(aggregate.CpuMax, sample.CpuPercent);
        aggregate.RssMax = Math.Max(aggregate.RssMax, sample.RssBytes);
    }
}
