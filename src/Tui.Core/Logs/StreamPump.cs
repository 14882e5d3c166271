using System.Reactive.Concurrency;

namespace Tui.Core.Logs;

/// <summary>
/// Drains one of a child's output streams on a thread of its own (one of <see cref="ReaderThreads"/>) and turns it
/// into lines for a <see cref="ProcessLog"/>. A dedicated thread with a blocking read, because the child must never
/// wait on Tui: the read is back in the kernel as soon as a chunk is split, with no thread-pool queueing in between.
/// </summary>
/// <remarks>
/// All splitting and emitting happens under the owning log's gate, so the lines of both streams and the partial-line
/// timer (on the scheduler) come out one at a time, in sequence order.
/// </remarks>
internal sealed class StreamPump
{
    /// <summary>The default Linux pipe capacity: one read can drain a full pipe.</summary>
    internal const int ReadBufferBytes = 64 * 1024;

    /// <summary>
    /// A quiet child's pump reads with this much; a read that fills the buffer doubles it, up to
    /// <see cref="ReadBufferBytes"/>. Twenty idle children holding 64 KiB per stream were 2.5 MB of Tui's idle RSS.
    /// </summary>
    internal const int InitialReadBufferBytes = 4 * 1024;

    private readonly Stream _stream;
    private readonly LogStream _kind;
    private readonly ProcessLog _log;
    private readonly Lock _gate;
    private readonly IScheduler _scheduler;
    private readonly TimeSpan _partialLineDelay;
    private readonly LineSplitter _splitter;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DateTimeOffset _chunkTime;
    private DateTimeOffset _pendingSince;
    private long _emitted;
    private IDisposable? _partialTimer;
    private bool _stopped;

    public StreamPump(Stream stream, LogStream kind, ProcessLog log, Lock gate, IScheduler scheduler, TimeSpan partialLineDelay)
    {
        _stream = stream;
        _kind = kind;
        _log = log;
        _gate = gate;
        _scheduler = scheduler;
        _partialLineDelay = partialLineDelay;
        _splitter = new LineSplitter(OnLine);
    }

    /// <summary>Completes when the stream reached end of file and the last partial line was emitted.</summary>
    public Task Completion => _completion.Task;

    public void Start()
    {
        try
        {
            ReaderThreads.Shared.Run(Run, $"log {_log.Process} {(_kind == LogStream.Stdout ? "stdout" : "stderr")}");
        }
        catch (OutOfMemoryException e)
        {
            // No thread to read with: say so through Completion rather than leave Attach's task pending forever.
            _completion.TrySetException(e);
        }
    }

    /// <summary>Stops the partial-line timer; called under the gate when the log is disposed.</summary>
    public void Stop()
    {
        _stopped = true;
        _partialTimer?.Dispose();
        _partialTimer = null;
    }

    private void Run()
    {
        var buffer = new byte[InitialReadBufferBytes];
        Exception? failure = null;
        while (true)
        {
            int read;
            try
            {
                read = _stream.Read(buffer);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                break; // the pipe is gone: the same as end of file for a log
            }
            if (read == 0) break;
            if (failure is not null) continue; // keep draining so the child is never blocked, but emit nothing more

            try
            {
                lock (_gate) OnChunk(buffer.AsSpan(0, read));
            }
            catch (Exception e)
            {
                // A subscriber of Lines threw. Report it through Attach's task once the stream ends.
                failure = e;
            }
            // A full read means more was waiting: a chatty child gets the bigger buffer, and keeps it.
            if (read == buffer.Length && buffer.Length < ReadBufferBytes) buffer = new byte[buffer.Length * 2];
        }

        try
        {
            if (failure is null)
            {
                lock (_gate) OnEnd();
            }
        }
        catch (Exception e)
        {
            failure = e;
        }
        if (failure is null) _completion.SetResult();
        else _completion.SetException(failure);
    }

    private void OnChunk(ReadOnlySpan<byte> chunk)
    {
        _chunkTime = _scheduler.Now;
        var hadPending = _splitter.HasPending;
        var emittedBefore = _emitted;
        _splitter.Write(chunk);
        if (!_splitter.HasPending || _stopped) return;

        // A new unfinished line started in this chunk: its wait for a newline starts now.
        if (!hadPending || _emitted != emittedBefore) _pendingSince = _chunkTime;
        _partialTimer ??= _scheduler.Schedule(_partialLineDelay, OnPartialTimer);
    }

    private void OnPartialTimer()
    {
        lock (_gate)
        {
            _partialTimer = null;
            if (_stopped || !_splitter.HasPending) return;
            var now = _scheduler.Now;
            var due = _pendingSince + _partialLineDelay;
            if (now < due)
            {
                // The line that armed the timer was completed and a newer one is waiting: give it its full delay.
                _partialTimer = _scheduler.Schedule(due - now, OnPartialTimer);
                return;
            }
            _chunkTime = now;
            // What stays pending (an incomplete UTF-8 sequence) re-arms the timer when its next bytes arrive.
            _splitter.FlushPending();
        }
    }

    private void OnEnd()
    {
        _chunkTime = _scheduler.Now;
        _splitter.FlushPending(endOfStream: true);
        Stop();
    }

    private void OnLine(string text, bool partial)
    {
        _emitted++;
        _log.Emit(_kind, text, partial, _chunkTime);
    }
}
