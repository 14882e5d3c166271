using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;

namespace Tui.Core.Logs;

/// <summary>
/// Everything a process has said, for the supervisor that owns it: its children's stdout and stderr, split into lines,
/// plus Tui's own lines about it (<see cref="WriteSystem"/>). Each line gets the next sequence number and the
/// scheduler's time, goes into the in-memory <see cref="Ring"/>, into the rotating log file (when a directory is set),
/// and out on <see cref="Lines"/>, in that order, one line at a time.
/// One instance lives as long as the process's config: every run of the child is attached to the same log.
/// </summary>
/// <remarks>
/// <para>
/// <b>Subscribers of <see cref="Lines"/> are called on a stream's reader thread, under the log's lock, once per line.</b>
/// They must be quick: a UI coalesces (<c>Buffer</c>/<c>Sample</c> and <c>ObserveOn</c> its own loop) rather than
/// drawing per line. A slow subscriber slows the reader, then the child (its pipe fills), but never makes Tui's memory
/// grow: the ring is bounded and the file writer writes synchronously into a fixed buffer; nothing queues here.
/// </para>
/// <para>
/// A line without its newline (a prompt) is emitted as a partial line after <see cref="LogOptions.PartialLineDelay"/>;
/// the rest of it, when it comes, is a new line. At end of file a pending line is emitted as partial too.
/// </para>
/// </remarks>
public sealed class ProcessLog : IDisposable
{
    private readonly LogOptions _options;
    private readonly IScheduler _scheduler;
    private readonly Lock _gate = new();
    private readonly Subject<LogLine> _lines = new();
    private readonly List<StreamPump> _pumps = [];
    private RotatingLogFile? _file;
    private volatile Func<LogStream, string, bool>? _intercept;
    private long _sequence;
    private bool _disposed;

    public ProcessLog(string process, LogOptions options, IScheduler scheduler)
    {
        Process = process;
        _options = options;
        _scheduler = scheduler;
        Ring = new LogRing(options.RingCapacity);
        if (options.Directory is { } directory) OpenFile(RotatingLogFile.PathFor(directory, process));
    }

    public string Process { get; }

    /// <summary>The last lines in memory (capacity from the options).</summary>
    public LogRing Ring { get; }

    /// <summary>Every line, in sequence order, as it is captured (hot; see the remarks about threads).</summary>
    public IObservable<LogLine> Lines => _lines.AsObservable();

    /// <summary>
    /// Consulted for every complete stdout and stderr line before it is recorded; a line for which it returns true is
    /// consumed: not numbered, kept, written or emitted. Called on a reader thread under the log's lock, so it must be
    /// quick and must not block. The child protocol uses it to take <c>::tui</c> marker lines out of the log.
    /// </summary>
    public Func<LogStream, string, bool>? Intercept
    {
        get => _intercept;
        set => _intercept = value;
    }

    /// <summary>The current log file, or null when there is none (no directory, or it could not be written).</summary>
    public string? FilePath
    {
        get { lock (_gate) return _file?.Path; }
    }

    /// <summary>The newest <paramref name="max"/> lines in memory, oldest first.</summary>
    public IReadOnlyList<LogLine> Recent(int max) => Ring.Recent(max);

    /// <summary>
    /// Starts draining a child's streams, each on a reader thread of its own. The task completes when both reach end of
    /// file (the child and everything that inherited its pipes have closed them) and any partial line was emitted; it
    /// faults if a subscriber of <see cref="Lines"/> threw (the streams are still drained to the end).
    /// The streams stay the caller's to dispose, after the task completes.
    /// </summary>
    public Task Attach(Stream stdout, Stream? stderr)
    {
        var started = new List<StreamPump>(2);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            started.Add(new StreamPump(stdout, LogStream.Stdout, this, _gate, _scheduler, _options.PartialLineDelay));
            if (stderr is not null)
            {
                started.Add(new StreamPump(stderr, LogStream.Stderr, this, _gate, _scheduler, _options.PartialLineDelay));
            }
            _pumps.AddRange(started);
        }

        foreach (var pump in started)
        {
            pump.Completion.ContinueWith(_ => { lock (_gate) _pumps.Remove(pump); }, TaskScheduler.Default);
        }
        // Thread.Start returns only once the new thread runs: on a busy machine that is milliseconds per thread, which
        // the caller (the engine loop, once per start) would pay twice. The pipes hold the output meanwhile, so the
        // threads are started from the pool instead.
        ThreadPool.UnsafeQueueUserWorkItem(static pumps => pumps.ForEach(pump => pump.Start()), started, preferLocal: false);
        return started.Count == 1 ? started[0].Completion : Task.WhenAll(started[0].Completion, started[1].Completion);
    }

    /// <summary>Adds Tui's own line ("started pid 123", "exited with code 3"); several lines if the text has newlines.</summary>
    public void WriteSystem(string text)
    {
        lock (_gate)
        {
            var at = _scheduler.Now;
            foreach (var line in text.AsSpan().EnumerateLines()) Emit(LogStream.System, line.ToString(), partial: false, at);
        }
    }

    /// <summary>Flushes and closes the file and completes <see cref="Lines"/>. Readers still running drop what they read.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            foreach (var pump in _pumps) pump.Stop();
            CloseFile();
            _lines.OnCompleted();
        }
    }

    /// <summary>Records one line. Called with the gate held, by a pump or by <see cref="WriteSystem"/>.</summary>
    internal void Emit(LogStream stream, string text, bool partial, DateTimeOffset at)
    {
        if (_disposed) return;
        if (!partial && stream != LogStream.System && _intercept is { } intercept && intercept(stream, text)) return;
        var line = new LogLine(++_sequence, Process, at, stream, text, partial);
        Ring.Add(line);
        if (_file is not null)
        {
            try
            {
                _file.Append(line);
            }
            catch (IOException e)
            {
                // The screen must keep working when the disk is full or the directory went away; say so once.
                CloseFile();
                Emit(LogStream.System, $"log file disabled: {e.Message}", partial: false, at);
            }
        }
        _lines.OnNext(line);
    }

    private void OpenFile(string path)
    {
        try
        {
            _file = new RotatingLogFile(path, _options.MaxFileBytes, _options.MaxFiles, _scheduler);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Emit(LogStream.System, $"cannot write log file {path}: {e.Message}", partial: false, _scheduler.Now);
        }
    }

    private void CloseFile()
    {
        var file = _file;
        _file = null;
        try
        {
            file?.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing left to write the complaint to but the ring and the stream.
            if (!_disposed) Emit(LogStream.System, $"log file disabled: {e.Message}", partial: false, _scheduler.Now);
        }
    }
}
