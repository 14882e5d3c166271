using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Microsoft.Data.Sqlite;
using Tui.Core.Stats;
using Tui.Core.Supervision;
using Tui.Storage.Database;
using Tui.Storage.Orphans;

namespace Tui.Storage.Recording;

/// <summary>
/// Records an engine's events and stats into the history database. The engine only pays for appending to a buffer:
/// batches are cut on the injected scheduler (every <see cref="RecorderOptions.BatchInterval"/> or
/// <see cref="RecorderOptions.BatchSize"/> entries) and written, one transaction each, on the writer (by default a
/// thread of its own). When the database fails (locked, read-only, not a database...) the recorder reports one
/// "history disabled: ..." problem and stops writing; it never throws into the engine.
/// </summary>
public sealed class HistoryRecorder : IDisposable
{
    public const string DisabledPrefix = "history disabled: ";
    public const string FallingBehind = "history is falling behind the disk: some entries were not recorded";

    private readonly string _path;
    private readonly RecorderOptions _options;
    private readonly IScheduler _clock;
    private readonly IScheduler _writer;
    private readonly EventLoopScheduler? _ownedWriter;
    private readonly Func<int, long?> _startTicksOf;
    private readonly ReplaySubject<string> _problems = new();
    private readonly Subject<Unit> _stop = new();
    private readonly Lock _gate = new();
    private IDisposable? _subscription;
    private bool _attached, _disposed;
    private volatile bool _disabled;
    private int _pendingEntries, _reportedFallingBehind;
    private long _rowsWritten, _batchesWritten, _droppedEntries;

    // Touched only on the writer.
    private SqliteConnection? _connection;
    private HistoryBatchWriter? _batchWriter;
    private int _batchesSincePrune;

    /// <param name="clock">Cuts batches and tells the time for retention: a scheduler with timers (Scheduler.Default) or
    /// virtual time (tests: HistoricalScheduler); not ImmediateScheduler, whose timers block the caller.</param>
    /// <param name="writer">Where SQLite runs; it must run one action at a time. Null = a background thread owned by the
    /// recorder. Tests pass ImmediateScheduler together with a HistoricalScheduler clock driven on the same thread.</param>
    /// <param name="startTicksOf">Reads a new child's /proc start time; tests with made-up pids pass their own.</param>
    public HistoryRecorder(string databasePath, IScheduler clock, RecorderOptions? options = null, IScheduler? writer = null,
        Func<int, long?>? startTicksOf = null)
    {
        _path = databasePath;
        _clock = clock;
        _options = options ?? RecorderOptions.Default;
        _startTicksOf = startTicksOf ?? ProcStatFile.TryReadStartTicks;
        if (writer is null)
        {
            _ownedWriter = new EventLoopScheduler(start => new Thread(start) { Name = "tui-history", IsBackground = true });
            writer = _ownedWriter;
        }
        _writer = writer;
    }

    public string DatabasePath => _path;

    /// <summary>Problems worth showing a person: at most one "history disabled: ..." and one "falling behind". Replays to late subscribers.</summary>
    public IObservable<string> Problems => _problems.AsObservable();

    public bool IsDisabled => _disabled;
    public long RowsWritten => Interlocked.Read(ref _rowsWritten);
    public long BatchesWritten => Interlocked.Read(ref _batchesWritten);
    public long DroppedEntries => Interlocked.Read(ref _droppedEntries);

    public void Attach(ISupervisorClient engine) => Attach(engine.Events, engine.Stats);

    /// <summary>Opens the database (on the writer) and starts recording the two streams. Call once.</summary>
    public void Attach(IObservable<SupervisorEvent> events, IObservable<ProcessStats> stats)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_attached) throw new InvalidOperationException("a history recorder records one engine");
            _attached = true;
        }
        _writer.Schedule(Open);
        var entries = Observable.Merge(
            events.Select(ToEntry),
            stats.Select(sample => (HistoryEntry)new StatsEntry(sample)));
        _subscription = entries
            // A failing engine stream is the engine's problem; history keeps what it has and flushes it.
            .Catch<HistoryEntry, Exception>(_ => Observable.Empty<HistoryEntry>())
            .TakeUntil(_stop)
            .Buffer(_options.BatchInterval, _options.BatchSize, _clock)
            .Subscribe(Enqueue);
    }

    private HistoryEntry ToEntry(SupervisorEvent e) =>
        new EventEntry(e, e is ProcessStarted started ? _startTicksOf(started.Pid) : null);

    /// <summary>Runs on the engine's thread (count-cut batches) or the clock's (time-cut ones): hands the batch over, nothing more.</summary>
    private void Enqueue(IList<HistoryEntry> batch)
    {
        if (_disabled || batch.Count == 0) return;
        if (Interlocked.Add(ref _pendingEntries, batch.Count) > _options.MaxPendingEntries)
        {
            Interlocked.Add(ref _pendingEntries, -batch.Count);
            Interlocked.Add(ref _droppedEntries, batch.Count);
            if (Interlocked.Exchange(ref _reportedFallingBehind, 1) == 0) Report(FallingBehind);
            return;
        }
        _writer.Schedule(() =>
        {
            try { Write(batch.AsReadOnly()); }
            finally { Interlocked.Add(ref _pendingEntries, -batch.Count); }
        });
    }

    private void Open()
    {
        try
        {
            _connection = HistoryConnection.OpenForWriting(_path, _options.BusyTimeout);
            SchemaMigrator.Migrate(_connection, Migrations.All);
            UnfinishedRuns.MarkEndUnknown(_connection);
            RetentionPruner.Prune(_connection, _options.Retention, _clock.Now);
            _batchWriter = new HistoryBatchWriter(_connection);
        }
        catch (Exception error)
        {
            // Whatever went wrong, history is optional and the engine must keep running.
            Disable(error);
        }
    }

    private void Write(IReadOnlyList<HistoryEntry> batch)
    {
        if (_disabled || _batchWriter is null || _connection is null) return;
        try
        {
            Interlocked.Add(ref _rowsWritten, _batchWriter.Write(batch));
            Interlocked.Increment(ref _batchesWritten);
            if (++_batchesSincePrune >= _options.Retention.PruneEveryBatches)
            {
                _batchesSincePrune = 0;
                RetentionPruner.Prune(_connection, _options.Retention, _clock.Now);
            }
        }
        catch (Exception error)
        {
            Disable(error);
        }
    }

    private void Disable(Exception error)
    {
        if (_disabled) return;
        _disabled = true;
        Report(DisabledPrefix + HistoryProblem.Describe(error, _path));
        CloseDatabase();
        _subscription?.Dispose();
    }

    private void Report(string problem)
    {
        lock (_gate) _problems.OnNext(problem);
    }

    private void CloseDatabase()
    {
        _batchWriter?.Dispose();
        _batchWriter = null;
        _connection?.Dispose();
        _connection = null;
    }

    /// <summary>Writes what is buffered, closes the database and stops the writer (waiting at most <see cref="RecorderOptions.ShutdownFlushTimeout"/>).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        // Completing the buffer hands its last, partial batch to the writer, ahead of the close below.
        _stop.OnNext(Unit.Default);
        _subscription?.Dispose();
        if (_ownedWriter is null)
        {
            _writer.Schedule(CloseDatabase);
        }
        else
        {
            using var closed = new ManualResetEventSlim();
            _ownedWriter.Schedule(() => { CloseDatabase(); closed.Set(); });
            closed.Wait(RecorderOptions.ShutdownFlushTimeout);
            _ownedWriter.Dispose();
        }
        lock (_gate) _problems.OnCompleted();
    }
}
