using System.Diagnostics;
using Tui.Jobs;

namespace Tui.Scenarios;

/// <summary>
/// Issue 11's pool figure: N jobs of <c>true</c> through a manager with a pool of P, against a plain loop that runs
/// them P at a time with <see cref="System.Diagnostics.Process.Start(string)"/>; the ratio of the two wall times
/// (target: at most 1.3), measured in one run. Also prints the most jobs seen alive at once, which shows whether
/// the engine honours the pool (without it, every job starts at once and the ratio compares unlike things).
/// </summary>
internal static class PoolScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var jobs = ScenarioArgs.Int(args, "--jobs", 1000);
        var pool = ScenarioArgs.Int(args, "--pool", 8);
        var program = Which("true");

        // --managed-only: no plain loop (for profiling the manager alone; no ratio then).
        var managedOnly = args.Contains("--managed-only");
        // --managed-first: the manager runs before .NET has started any child (so before .NET handles SIGCHLD).
        var managedFirst = managedOnly || args.Contains("--managed-first");
        // --submit-all: every SpawnAsync is called at once (the pool queues them); otherwise one after the other.
        var submitAll = args.Contains("--submit-all");
        TimeSpan plain = default, managed = default, plainCpu = default, managedCpu = default;
        var widest = 0;
        if (managedFirst) (managed, widest, managedCpu) = await Timed(() => Managed(program, jobs, pool, submitAll));
        if (!managedOnly) (plain, _, plainCpu) = await Timed(async () => (await Plain(program, jobs, pool), 0));
        if (!managedFirst) (managed, widest, managedCpu) = await Timed(() => Managed(program, jobs, pool, submitAll));

        Console.WriteLine($"jobs: {jobs}, pool: {pool}");
        if (!managedOnly) Console.WriteLine($"plain Process.Start, {pool} at a time: {plain.TotalMilliseconds:F0} ms (this process's CPU: {plainCpu.TotalMilliseconds:F0} ms)");
        Console.WriteLine($"ProcessManager with WithMaxConcurrent({pool}): {managed.TotalMilliseconds:F0} ms (this process's CPU: {managedCpu.TotalMilliseconds:F0} ms)");
        Console.WriteLine($"most jobs alive at once: {widest}{(widest > pool ? " (the pool is not honoured by this engine)" : "")}");
        if (!managedOnly) Console.WriteLine($"ratio: {managed / plain:F2} (target <= 1.3)");
        return 0;
    }

    private static async Task<(TimeSpan Elapsed, int Widest, TimeSpan Cpu)> Timed(Func<Task<(TimeSpan, int)>> run)
    {
        var before = OwnCpu();
        var (gcs, allocated) = (GC.CollectionCount(0), GC.GetTotalAllocatedBytes());
        var (elapsed, widest) = await run();
        var cpu = OwnCpu() - before;
        Console.WriteLine($"  ({GC.CollectionCount(0) - gcs} gen0 collections, {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:F0} MB allocated)");
        return (elapsed, widest, cpu);
    }

    private static async Task<TimeSpan> Plain(string program, int jobs, int pool)
    {
        using var slots = new SemaphoreSlim(pool);
        var clock = Stopwatch.StartNew();
        var runs = Enumerable.Range(0, jobs).Select(async _ =>
        {
            await slots.WaitAsync();
            try
            {
                using var child = System.Diagnostics.Process.Start(new ProcessStartInfo(program) { UseShellExecute = false })!;
                await child.WaitForExitAsync();
            }
            finally
            {
                slots.Release();
            }
        });
        await Task.WhenAll(runs);
        return clock.Elapsed;
    }

    private static async Task<(TimeSpan Elapsed, int Widest)> Managed(string program, int jobs, int pool, bool submitAll)
    {
        await using var manager = ProcessManager.Create(o => o.WithMaxConcurrent(pool));
        var alive = 0;
        var widest = 0;
        using var counting = manager.Events.Subscribe(e =>
        {
            // Events come one at a time on the engine loop: no lock needed.
            if (e is JobStarted) widest = Math.Max(widest, ++alive);
            else if (e is JobCompleted or JobFailed or JobStopped) alive--;
        });
        var clock = Stopwatch.StartNew();
        if (submitAll)
        {
            // As the plain loop does: every job handed over at once, the pool holds back all but 8.
            await Task.WhenAll(Enumerable.Range(0, jobs).Select(i => manager.SpawnAsync(Tui.Jobs.Process.Define($"job{i}").WithCommand(program))));
        }
        else
        {
            for (var i = 0; i < jobs; i++) await manager.SpawnAsync(Tui.Jobs.Process.Define($"job{i}").WithCommand(program));
        }
        await Task.WhenAll(Enumerable.Range(0, jobs).Select(i => manager.WaitAsync($"job{i}")));
        return (clock.Elapsed, widest);
    }

    /// <summary>CPU time of this process (not of the children): what each way costs beyond the forks and execs themselves.</summary>
    private static TimeSpan OwnCpu() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    private static string Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':')
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists) ?? throw new FileNotFoundException($"{name} is not on PATH");
}
