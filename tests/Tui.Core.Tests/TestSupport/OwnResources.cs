namespace Tui.Core.Tests.TestSupport;

/// <summary>What this test process holds now, for leak tests that compare before and after.</summary>
internal readonly record struct OwnResources(int Fds, int Threads, long Heap)
{
    /// <summary>
    /// Collects garbage first, so only what is still referenced counts. Thread-pool workers are left out: the runtime
    /// adds them under load (other test projects run at the same time) and retires them on its own, so they say
    /// nothing about a thread Tui started and forgot.
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

    private static bool IsPoolWorker(string task)
    {
        try
        {
            return File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET TP Worker", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return true; // the thread ended while being counted
        }
    }
}
