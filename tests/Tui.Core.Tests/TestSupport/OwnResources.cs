namespace Tui.Core.Tests.TestSupport;

/// <summary>What this test process holds now, for leak tests that compare before and after.</summary>
internal readonly record struct OwnResources(int Fds, int Threads, long Heap)
{
    /// <summary>
    /// Collects garbage first, so only what is still referenced counts. Thread-pool workers are left out: the runtime
    /// adds them under load (other test projects run at the same time) and retires them on its own, so they say
    /// nothing about a thread Tui started and forgot. Idle log readers are Tui's own pool of the same kind: kept for
    /// the next run's output, retired after their idle lifetime.
    /// </summary>
    public static OwnResources Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new(Directory.GetFileSystemEntries("/proc/self/fd").Length,
            Directory.GetDirectories("/proc/self/task").Count(task => !IsPoolWorker(task)),
            GC.GetTotalMemory(forceFullCollection: true));
    }

    /// <summary>
    /// Measures until the fds and threads are back within the tolerances of <paramref name="baseline"/>, or the patience
    /// runs out; returns the last measurement. Other tests of this process may still be closing what they opened (their
    /// disposals run on the pool, slower under load); a leak does not settle.
    /// </summary>
    public static async Task<OwnResources> Settled(OwnResources baseline, int fdTolerance, int threadTolerance, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var now = Measure();
            if (now.Fds <= baseline.Fds + fdTolerance && now.Threads <= baseline.Threads + threadTolerance) return now;
            if (DateTime.UtcNow > deadline) return now;
            await Task.Delay(100);
        }
    }

    private static bool IsPoolWorker(string task)
    {
        try
        {
            var name = File.ReadAllText(Path.Combine(task, "comm"));
            return name.StartsWith(".NET TP Worker", StringComparison.Ordinal) || name.StartsWith(Tui.Core.Logs.ReaderThreads.IdleName, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return true; // the thread ended while being counted
        }
    }
}
