using Tui.Core.Stats;

namespace Tui.Jobs;

/// <summary>What a snapshot does not hold but a status shows: the latest resource sample, and the last run's start and length.</summary>
internal sealed record RunFacts(ProcessStats? Sample, DateTimeOffset? LastStartedAt, TimeSpan? LastRuntime)
{
    /// <summary>The last run's pid, kept after it exits: a job as short as <c>true</c> may be gone before its spawn returns.</summary>
    public int? LastPid { get; init; }

    public static RunFacts None { get; } = new(null, null, null);
}
