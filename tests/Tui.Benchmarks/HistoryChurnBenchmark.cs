using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Tui.Core.Stats;
using Tui.Core.Supervision;
using Tui.Storage.Recording;

namespace Tui.Benchmarks;

/// <summary>
/// The cost of history on log-free churn: 1,000 restarts' worth of events (6,000) through a real recorder into a
/// fresh SQLite file, with the recorder's own writer thread, by batch size.
/// <list type="bullet">
/// <item><c>EnginePush</c>: what the engine pays, the OnNext calls alone (the writer works on its own thread).</item>
/// <item><c>RecordAndClose</c>: everything, from opening (create + migrate) until the last batch is on disk and the file is closed.</item>
/// <item><c>OpenAndClose</c>: the fixed part of that with no events, so RecordAndClose minus it is the cost of the rows.</item>
/// </list>
/// Each mean is one whole scenario (all 6,000 events), not one event.
/// Rows written and the database size are printed at the end of each benchmark process (they do not vary by iteration).
/// Every iteration starts from a new database, so each is a cold, whole run: hence the monitoring strategy.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class HistoryChurnBenchmark
{
    public const int Restarts = 1000;
    private const int Events = Restarts * HistoryChurnScript.EventsPerRestart;

    /// <summary>1 is one transaction per event; 500 is the default.</summary>
    [Params(1, 50, 500)]
    public int BatchSize { get; set; }

    private SupervisorEvent[] _script = [];
    private DirectoryInfo? _dir;
    private HistoryRecorder? _recorder;
    private Subject<SupervisorEvent> _events = new();
    private long _rows, _bytes, _batches;

    [GlobalSetup]
    public void Setup() => _script = HistoryChurnScript.Build(Restarts);

    [IterationSetup(Target = nameof(EnginePush))]
    public void StartRecorder()
    {
        MakeDirectory();
        CreateRecorder();
    }

    [IterationSetup(Targets = [nameof(RecordAndClose), nameof(OpenAndClose)])]
    public void MakeDirectory() => _dir = Directory.CreateTempSubdirectory("tui-history-bench-");

    private void CreateRecorder()
    {
        _events = new Subject<SupervisorEvent>();
        var options = RecorderOptions.Default with { BatchSize = BatchSize };
        // Made-up pids: the start-time lookup is given a constant rather than reading /proc for pids that do not exist.
        _recorder = new HistoryRecorder(Path.Combine(_dir!.FullName, "history.db"), Scheduler.Default, options, startTicksOf: _ => 1);
        _recorder.Attach(_events, Observable.Never<ProcessStats>());
    }

    [Benchmark]
    public void EnginePush()
    {
        foreach (var e in _script) _events.OnNext(e);
    }

    [Benchmark(Baseline = true)]
    public void RecordAndClose()
    {
        CreateRecorder();
        foreach (var e in _script) _events.OnNext(e);
        _recorder!.Dispose();
    }

    [Benchmark]
    public void OpenAndClose()
    {
        CreateRecorder();
        _recorder!.Dispose();
    }

    [IterationCleanup]
    public void StopRecorder()
    {
        _recorder!.Dispose(); // EnginePush leaves the draining to here, outside the measurement
        _rows = _recorder.RowsWritten;
        _batches = _recorder.BatchesWritten;
        _bytes = new FileInfo(Path.Combine(_dir!.FullName, "history.db")).Length;
        _dir.Delete(recursive: true);
    }

    [GlobalCleanup]
    public void Report()
    {
        if (_rows > 0) Console.WriteLine($"// history churn, batch size {BatchSize}: {Events} events -> {_rows} rows in {_batches} transactions, database {_bytes / 1024.0:F0} KiB");
    }
}
