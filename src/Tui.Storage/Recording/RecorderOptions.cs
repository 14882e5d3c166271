namespace Tui.Storage.Recording;

/// <summary>How the recorder batches and how long it waits for a busy database.</summary>
/// <param name="BatchInterval">A batch is written at the latest this long after its first event: history may lag by this much.</param>
/// <param name="BatchSize">A batch is written as soon as it holds this many entries, so a burst costs a few large transactions.</param>
/// <param name="BusyTimeout">How long a write waits for another program's lock before history gives up (on the writer thread, never the engine's).</param>
/// <param name="MaxPendingEntries">Entries queued for the writer beyond this are dropped and reported once; see <see cref="DefaultMaxPendingEntries"/>.</param>
public sealed record RecorderOptions(TimeSpan BatchInterval, int BatchSize, TimeSpan BusyTimeout, RetentionPolicy Retention,
    int MaxPendingEntries = RecorderOptions.DefaultMaxPendingEntries)
{
    /// <summary>
    /// Entries queued for the writer beyond this are dropped (and reported once): a stalled disk must cost bounded
    /// memory (about 100 bytes an entry, so some 10 MB), never slow the engine. Counted in entries, not batches, so
    /// the bound holds whatever the batch size; at a thousand events a second it is over a minute of stalled disk.
    /// </summary>
    public const int DefaultMaxPendingEntries = 100_000;

    /// <summary>At shutdown, how long Dispose waits for the last batches to reach the disk before it gives up on them.</summary>
    public static readonly TimeSpan ShutdownFlushTimeout = TimeSpan.FromSeconds(5);

    public static RecorderOptions Default { get; } = new(TimeSpan.FromSeconds(1), 500, TimeSpan.FromSeconds(2), RetentionPolicy.Default);
}
