namespace Tui.Core.Config;

/// <summary>
/// The concurrency pool for jobs (kind = "job"): at most <paramref name="MaxConcurrentJobs"/> run at once, the rest
/// queue in FIFO order within priority. Services are never queued.
/// </summary>
/// <param name="MaxConcurrentJobs">Hard limit; null: no limit.</param>
/// <param name="SoftLimit">Above this many running jobs a warning is given, and nothing waits; null: none.</param>
/// <param name="MinFreeMemoryBytes">A job is admitted only while available memory is at least this; null: not checked.</param>
/// <param name="MaxLoad">A job is admitted only while the 1-minute load average is at most this; null: not checked.</param>
public sealed record PoolSettings(int? MaxConcurrentJobs, int? SoftLimit, long? MinFreeMemoryBytes, double? MaxLoad)
{
    public static PoolSettings Unlimited { get; } = new(null, null, null, null);
}
