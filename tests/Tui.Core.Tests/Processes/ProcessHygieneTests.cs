using System.Runtime;
using Tui.Core.Processes;
using Tui.Core.Tests.TestSupport;
using Xunit.Abstractions;

namespace Tui.Core.Tests.Processes;

/// <summary>Counts this test process's own fds and threads, so it must not share the process with other tests.</summary>
[CollectionDefinition(nameof(ProcessHygieneTests), DisableParallelization = true)]
public sealed class ProcessHygieneCollection;

[Collection(nameof(ProcessHygieneTests))]
public sealed class ProcessHygieneTests(ITestOutputHelper output) : IDisposable
{
    private const int Cycles = 200;

    /// <summary>Every fourth cycle runs on a pty, which adds a master, a slave copy, an eventfd, a pipe and a thread.</summary>
    private const int TtyEvery = 4;

    /// <summary>Every fourth cycle, two after a pty one, keeps its stdin pipe open (stdin = true) and writes to it.</summary>
    private const int StdinOffset = 2;

    /// <summary>Cycles run before the baseline, so that JIT, thread pool and runtime caches have settled.</summary>
    private const int WarmUpCycles = 20;

    /// <summary>Slack for runtime noise (a thread-pool thread retiring or being born, a cached fd).</summary>
    private const int FdTolerance = 4, ThreadTolerance = 6;

    /// <summary>
    /// For the count taken inside the no-GC region, where nothing can wait for other tests' closings to finish: a handle
    /// left to its finalizer leaks at least one fd a cycle (200, or 50 if only the pty cycles), far above this.
    /// </summary>
    private const int UnsettledFdTolerance = 25;

    /// <summary>A leak of even 10 KB per cycle would show as 2 MB.</summary>
    private const long HeapToleranceBytes = 1024 * 1024;

    /// <summary>200 cycles allocate about 12 MB; with room to spare, no GC (and no finalizer) runs during them.</summary>
    private const long NoGcBudgetBytes = 64L * 1024 * 1024;

    private readonly ChildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Two_hundred_start_stop_cycles_leak_no_fds_threads_or_memory()
    {
        for (var i = 0; i < WarmUpCycles; i++) await Cycle(i);
        var before = OwnResources.Measure();
        var (fds, threads, heap) = before;

        // No GC while cycling: a handle that was not disposed must not be rescued by its finalizer.
        var noGc = GC.TryStartNoGCRegion(NoGcBudgetBytes);
        for (var i = 0; i < Cycles; i++) await Cycle(i);
        var fdsBeforeGc = Directory.GetFileSystemEntries("/proc/self/fd").Length;
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        var (fdsAfter, threadsAfter, heapAfter) = await OwnResources.Settled(before, FdTolerance, ThreadTolerance);
        output.WriteLine($"no-GC region held: {noGc && fdsBeforeGc > 0}; fds before any GC {fdsBeforeGc}");
        output.WriteLine($"after {Cycles} cycles: fds {fds} -> {fdsAfter}, threads {threads} -> {threadsAfter}, GC heap {heap} -> {heapAfter} bytes");

        Assert.True(fdsBeforeGc <= fds + UnsettledFdTolerance, $"fds {fds} -> {fdsBeforeGc} before GC");
        Assert.True(fdsAfter <= fds + FdTolerance, $"fds {fds} -> {fdsAfter}");
        Assert.True(threadsAfter <= threads + ThreadTolerance, $"threads {threads} -> {threadsAfter}");
        Assert.True(heapAfter <= heap + HeapToleranceBytes, $"GC heap {heap} -> {heapAfter}");
    }

    [Fact]
    public async Task Exited_child_is_reaped_not_a_zombie()
    {
        for (var i = 0; i < 20; i++)
        {
            using var child = _harness.Launcher.Start(_harness.Spec(["/bin/sh", "-c", "exit 0"], tty: i % 2 == 1));
            await ChildHarness.ExitOf(child);

            Assert.True(ProcStat.Read(child.Pid) is not { State: 'Z' }, $"pid {child.Pid} is a zombie");
        }
    }

    /// <summary>Starts a long-running child, reads its first line (writes to its stdin, when kept open), stops it with SIGTERM, and disposes it.</summary>
    private async Task Cycle(int i)
    {
        var tty = i % TtyEvery == 0;
        var stdin = i % TtyEvery == StdinOffset;
        using var child = _harness.Launcher.Start(_harness.Spec(["/bin/sh", "-c", "echo up; exec sleep 30"], tty) with { KeepStdinOpen = stdin });
        using var reader = new StreamReader(child.Stdout, leaveOpen: true);
        await ChildHarness.ReadLinesUntil(reader, lines => lines.Count == 1);
        if (stdin) Assert.Equal(3, child.Input!.Write("in\n"u8));

        child.SignalGroup(Signals.SIGTERM);

        Assert.Equal(Signals.SIGTERM, (await ChildHarness.ExitOf(child)).Signal);
        Assert.Equal("", await reader.ReadToEndAsync().WaitAsync(ChildHarness.Patience));
    }
}
