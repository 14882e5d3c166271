using System.Diagnostics;
using System.Reactive.Concurrency;
using System.Text;
using Tui.Core.Config;
using Tui.Core.Processes;
using Tui.Core.Supervision;

namespace Tui.Scenarios;

/// <summary>
/// N jobs of <c>true</c> through the engine's pool of M (settings.max_concurrent_jobs), against a plain loop that keeps
/// M <c>Process.Start</c> children going at a time: the pool's cost is the ratio of the two wall times, measured in
/// one run on the same machine (goal: at most 1.3).
/// </summary>
internal static class PoolThroughputScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var jobs = ScenarioArgs.Int(args, "--jobs", 1000);
        var pool = ScenarioArgs.Int(args, "--pool", 8);
        var rounds = ScenarioArgs.Int(args, "--rounds", 2);

        // Warm-up: JIT of both paths, first-touch of the binaries.
        await PlainLoop(pool * 4, pool);
        await ThroughPool(pool * 4, pool);

        var ratios = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var plain = await PlainLoop(jobs, pool);
            var (pooled, spawning) = await ThroughPool(jobs, pool);
            var ratio = pooled.TotalMilliseconds / plain.TotalMilliseconds;
            ratios.Add(ratio);
            Console.WriteLine($"round {round}: plain Process.Start loop, {pool} at a time: {plain.TotalMilliseconds:F0} ms; engine pool of {pool}: {pooled.TotalMilliseconds:F0} ms "
                + $"(of which {spawning.TotalMilliseconds:F0} ms in the launcher's Start, on the engine loop); ratio {ratio:F2}");
        }
        Console.WriteLine($"jobs: {jobs}, pool: {pool}, best ratio: {ratios.Min():F2}, worst: {ratios.Max():F2} (goal: <= 1.3)");
        return 0;
    }

    /// <summary>The baseline: M children at a time, the next one started as soon as one exits.</summary>
    private static async Task<TimeSpan> PlainLoop(int jobs, int pool)
    {
        var clock = Stopwatch.StartNew();
        var running = new List<Task>();
        for (var i = 0; i < jobs; i++)
        {
            if (running.Count == pool)
            {
                running.Remove(await Task.WhenAny(running));
            }
            running.Add(RunTrue());
        }
        await Task.WhenAll(running);
        return clock.Elapsed;

        static async Task RunTrue()
        {
            using var child = Process.Start(new ProcessStartInfo("true")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            await child.WaitForExitAsync();
        }
    }

    /// <summary>The engine: a config of N jobs and max_concurrent_jobs = M, from `up` until every job has completed.</summary>
    private static async Task<(TimeSpan Elapsed, TimeSpan Spawning)> ThroughPool(int jobs, int pool)
    {
        var toml = new StringBuilder($"[settings]\nmax_concurrent_jobs = {pool}\n");
        for (var i = 0; i < jobs; i++) toml.Append($"\n[processes.j{i}]\ncommand = [\"true\"]\nkind = \"job\"\n");
        var config = ConfigLoader.Parse(toml.ToString(), Path.Combine(Path.GetTempPath(), "pool-scenario.toml"), new Dictionary<string, string>());

        var launcher = new TimedLauncher(new PosixProcessLauncher());
        await using var supervisor = new Supervisor(config, new SupervisorOptions(launcher, DefaultScheduler.Instance));
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var completed = 0;
        var failed = 0;
        using var watch = supervisor.Events.Subscribe(e =>
        {
            if (e is not StateChanged { To: ProcessState.Completed or ProcessState.Errored or ProcessState.Failed } change) return;
            if (change.To != ProcessState.Completed) failed++;
            if (++completed == jobs) done.TrySetResult();
        });
        var clock = Stopwatch.StartNew();
        await supervisor.StartAsync();
        await done.Task.WaitAsync(TimeSpan.FromMinutes(10));
        var elapsed = clock.Elapsed;
        if (failed > 0) throw new InvalidOperationException($"{failed} jobs did not complete");
        return (elapsed, launcher.Spent);
    }

    /// <summary>Adds up the time spent starting children, to tell the launcher's cost from the pool's.</summary>
    private sealed class TimedLauncher(IProcessLauncher inner) : IProcessLauncher
    {
        private long _ticks;

        public TimeSpan Spent => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

        public IChildProcess Start(LaunchSpec spec)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                return inner.Start(spec);
            }
            finally
            {
                Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - started);
            }
        }
    }
}
