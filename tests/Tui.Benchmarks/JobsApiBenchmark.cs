using BenchmarkDotNet.Attributes;
using Tui.Jobs;

namespace Tui.Benchmarks;

/// <summary>
/// The embedding API (issue 11) on real children: <see cref="ProcessManager.SpawnAsync"/> until the child is alive
/// (spawned, pid known; target: median under 5 ms), and one <see cref="ProcessManager.GetStatus"/> among 10 live
/// processes (target: under 1 µs). Each spawn gets a fresh manager, so the set does not grow with the iterations.
/// Run: dotnet run -c Release --project tests/Tui.Benchmarks -- --filter '*JobsApiBenchmark*'
/// </summary>
[MemoryDiagnoser]
public class JobsApiBenchmark
{
    private ProcessManager _spawning = null!;
    private ProcessManager _running = null!;
    private int _spawned;

    [GlobalSetup(Target = nameof(GetStatus))]
    public void StartTen()
    {
        _running = ProcessManager.Create();
        for (var i = 0; i < 10; i++) _running.SpawnAsync(Sleeper($"s{i}")).GetAwaiter().GetResult();
    }

    [GlobalCleanup(Target = nameof(GetStatus))]
    public void StopTen() => _running.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(SpawnUntilAlive))]
    public void NewManager() => _spawning = ProcessManager.Create();

    [IterationCleanup(Target = nameof(SpawnUntilAlive))]
    public void StopManager() => _spawning.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public int? SpawnUntilAlive() => _spawning.SpawnAsync(Sleeper($"job{_spawned++}")).GetAwaiter().GetResult().Pid;

    [Benchmark]
    public JobStatus GetStatus() => _running.GetStatus("s5");

    private static ProcessDefinition Sleeper(string name) => Process.Define(name).WithCommand("/bin/sleep", "1000");
}
