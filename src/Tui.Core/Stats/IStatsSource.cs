namespace Tui.Core.Stats;

/// <summary>Where resource figures of process trees come from: /proc in production, a table of scripted samples in tests.</summary>
public interface IStatsSource
{
    /// <summary>The unit of <see cref="ProcessTreeSample.CpuTicks"/>, per second.</summary>
    int ClockTicksPerSecond { get; }

    /// <summary>The tree under <paramref name="rootPid"/>; null when the root is gone (or only a zombie is left).</summary>
    ProcessTreeSample? Sample(int rootPid);

    /// <summary>
    /// One sampling round over many roots: <c>results[i]</c> is the tree of <c>rootPids[i]</c>. A real source does the
    /// expensive part (finding descendants) once for all roots instead of once per root.
    /// </summary>
    void SampleRound(ReadOnlySpan<int> rootPids, Span<ProcessTreeSample?> results)
    {
        for (var i = 0; i < rootPids.Length; i++) results[i] = Sample(rootPids[i]);
    }
}
