namespace Tui.Storage.Recording;

/// <summary>How much history to keep. Pruned when the recorder opens the database and every <paramref name="PruneEveryBatches"/> batches.</summary>
/// <param name="MaxAge">Rows older than this go.</param>
/// <param name="MaxBytes">Past this many bytes of live pages the oldest rows go, until the database is back under <see cref="SizeTargetFraction"/> of it.</param>
/// <param name="PruneEveryBatches">Pruning scans indexes, so it runs now and then rather than on every batch.</param>
public sealed record RetentionPolicy(TimeSpan MaxAge, long MaxBytes, int PruneEveryBatches)
{
    /// <summary>Prune below the limit, not just to it, so that a database at the limit is not pruned again on every check.</summary>
    public const double SizeTargetFraction = 0.8;

    public static RetentionPolicy Default { get; } = new(TimeSpan.FromDays(30), 100L * 1024 * 1024, PruneEveryBatches: 600);
}
