namespace Tui.Core.Health.Probes;

/// <summary>
/// Bounds how many probes of one engine run at the same time, so that a hundred processes probed every second (or
/// a hundred exec probes hanging until their timeout) cannot fork a hundred shells at once. A slot is held until the
/// probe's task really ends, even when its attempt was abandoned at the timeout.
/// </summary>
public sealed class ProbeThrottle(int maxConcurrent)
{
    /// <summary>Enough that quick probes of 100 processes never wait on each other; few enough that hung ones cannot swamp two cores.</summary>
    public const int DefaultMaxConcurrent = 16;

    private readonly SemaphoreSlim _slots = new(maxConcurrent, maxConcurrent);

    public int MaxConcurrent { get; } = maxConcurrent;

    /// <summary>Slots free now (for tests and the overhead scenario).</summary>
    public int Free => _slots.CurrentCount;

    public Task WaitAsync(CancellationToken cancel) => _slots.WaitAsync(cancel);

    /// <summary>Releases the slot taken by <see cref="WaitAsync"/> once <paramref name="probe"/> has ended, however it ends.</summary>
    public void ReleaseWhenDone(Task probe) =>
        probe.ContinueWith(_ => _slots.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
