using System.Collections.Immutable;

namespace Tui.Core.Protocol;

/// <summary>How many messages of one process were dropped, by reason. Thread-safe; counts only grow.</summary>
public sealed class DropCounts
{
    private readonly long[] _counts = new long[Enum.GetValues<DropReason>().Length];

    /// <summary>Counts one drop; true when it is the first of its reason (worth telling a person once).</summary>
    public bool Add(DropReason reason) => Interlocked.Increment(ref _counts[(int)reason]) == 1;

    public long this[DropReason reason] => Interlocked.Read(ref _counts[(int)reason]);

    public long Total => Enum.GetValues<DropReason>().Sum(r => this[r]);

    public ImmutableDictionary<DropReason, long> Snapshot() =>
        Enum.GetValues<DropReason>().Where(r => this[r] > 0).ToImmutableDictionary(r => r, r => this[r]);
}
