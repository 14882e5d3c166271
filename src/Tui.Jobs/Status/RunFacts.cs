using Tui.Core.Stats;

namespace Tui.Jobs;

/// <summary>What a snapshot does not hold but a status shows: the latest resource sample, and the last run's start and length.</summary>
internal sealed record RunFacts(ProcessStats? Sample, DateTimeOffset? LastStartedAt, TimeSpan? LastRuntime)
{
    public static RunFacts None { get; } = new(null, null, null);
}
