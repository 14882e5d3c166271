using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Tui.Core.Stats;

namespace Tui.Benchmarks;

/// <summary>
/// What one stats round costs with 100 supervised processes alive (100 `sleep` children started here and killed by
/// pid afterwards), with each way of finding a tree's members: the children files (default) and the full /proc scan
/// (fallback; it also pays for every other process on the machine). At the default one round per second,
/// Mean / 1 s is the share of one core spent on stats (on an idle machine, where wall time is CPU time).
/// </summary>
[MemoryDiagnoser]
public class StatsSamplingBenchmark
{
    private const int Processes = 100;

    /// <summary>The children must outlive every iteration of the run; they are killed in cleanup long before.</summary>
    private const string SleepSeconds = "3600";

    private readonly List<Process> _children = [];
    private ProcStatsSource _source = null!;
    private int[] _pids = [];
    private ProcessTreeSample?[] _results = [];

    [Params(true, false)]
    public bool ChildrenFiles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _source = new ProcStatsSource(useChildrenFiles: ChildrenFiles);
        for (var i = 0; i < Processes; i++)
        {
            var info = new ProcessStartInfo("sleep", SleepSeconds)
            {
                // All three redirected: a child left on the terminal makes .NET restore terminal echo.
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            _children.Add(Process.Start(info)!);
        }
        _pids = _children.Select(c => c.Id).ToArray();
        _results = new ProcessTreeSample?[Processes];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var child in _children)
        {
            child.Kill();
            child.WaitForExit();
            child.Dispose();
        }
        _children.Clear();
    }

    [Benchmark]
    public void Round_over_100_process_trees() => _source.SampleRound(_pids, _results);

    [Benchmark]
    public ProcessTreeSample? One_tree_alone() => _source.Sample(_pids[0]);
}
