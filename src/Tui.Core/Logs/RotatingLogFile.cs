using System.Reactive.Concurrency;

namespace Tui.Core.Logs;

/// <summary>
/// Appends a process's lines to <c>&lt;dir&gt;/&lt;process&gt;.log</c> in <see cref="LogFileFormat"/>, in order, and rotates
/// it: when the next line would take the file past the size limit, <c>.log</c> becomes <c>.log.1</c>, <c>.1</c> becomes
/// <c>.2</c>, and so on up to the number of rotated files kept; the oldest is dropped. A line is never split between
/// two files, so a line larger than the limit gets a file of its own.
/// </summary>
/// <remarks>
/// Writes go synchronously into the file stream's fixed buffer, so a burst of output costs no memory beyond that buffer
/// (a writer that outpaces the disk simply waits on it, and the pipe behind it fills). The buffer reaches the file when
/// it is full, at most <see cref="FlushInterval"/> after a line was appended (on the injected scheduler), and on dispose.
/// Thread-safe: the writer appends from a reader thread while the flush timer runs on the scheduler.
/// </remarks>
public sealed class RotatingLogFile : IDisposable
{
    /// <summary>How stale the file may be behind the child: short enough that <c>tail -f</c> feels live.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>The file stream's buffer: one buffer holds a full pipe's worth of lines, so a burst costs one write.</summary>
    private const int WriteBufferBytes = 64 * 1024;

    /// <summary>Starting size of the formatting buffer; it grows for an unusually long line.</summary>
    private const int InitialScratchBytes = 4 * 1024;

    private readonly long _maxBytes;
    private readonly int _maxFiles;
    private readonly IScheduler _scheduler;
    private readonly Lock _gate = new();
    private FileStream _stream;
    private long _size;
    private byte[] _scratch = new byte[InitialScratchBytes];
    private readonly byte[] _timestamp = new byte[LogFileFormat.TimestampBytes];
    private DateTimeOffset? _timestampOf;
    private IDisposable? _flushTimer;
    private Exception? _failure;
    private bool _disposed;

    /// <param name="path">The current file; rotated files get <c>.1</c>, <c>.2</c>, ... appended. Its directory is created.</param>
    /// <param name="maxBytes">Size at which the current file is rotated.</param>
    /// <param name="maxFiles">Rotated files kept besides the current one; 0 keeps none (the file restarts empty).</param>
    /// <exception cref="IOException">The directory or file cannot be created or opened.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission for the directory or file.</exception>
    public RotatingLogFile(string path, long maxBytes, int maxFiles, IScheduler scheduler)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxFiles);
        Path = System.IO.Path.GetFullPath(path);
        _maxBytes = maxBytes;
        _maxFiles = maxFiles;
        _scheduler = scheduler;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _stream = Open(Path);
        _size = _stream.Length;
    }

    /// <summary>The current file (absolute).</summary>
    public string Path { get; }

    /// <summary>The file of a process in a log directory. Characters that cannot be in a file name become '_'.</summary>
    public static string PathFor(string directory, string process)
    {
        var invalid = System.IO.Path.GetInvalidFileNameChars();
        var name = string.Create(process.Length, process, (span, source) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = Array.IndexOf(invalid, source[i]) >= 0 ? '_' : source[i];
        });
        return System.IO.Path.Combine(directory, name + ".log");
    }

    /// <summary>The n-th rotated file (1 = the most recent).</summary>
    public string RotatedPath(int n) => $"{Path}.{n}";

    /// <summary>Appends one line (buffered).</summary>
    /// <exception cref="IOException">Writing failed now or in an earlier background flush; the file stays unusable.</exception>
    public void Append(LogLine line)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_failure is not null) throw new IOException($"cannot write {Path}: {_failure.Message}", _failure);

            var max = LogFileFormat.MaxBytes(line);
            if (max > _scratch.Length) _scratch = new byte[Math.Max(max, _scratch.Length * 2)];
            if (_timestampOf != line.Timestamp)
            {
                LogFileFormat.FormatTimestamp(line.Timestamp, _timestamp);
                _timestampOf = line.Timestamp;
            }
            _timestamp.CopyTo(_scratch, 0);
            var length = _timestamp.Length + LogFileFormat.FormatAfterTimestamp(line, _scratch.AsSpan(_timestamp.Length));
            try
            {
                if (_size > 0 && _size + length > _maxBytes) Rotate();
                _stream.Write(_scratch, 0, length);
                _size += length;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _failure = e;
                throw new IOException($"cannot write {Path}: {e.Message}", e);
            }
            _flushTimer ??= _scheduler.Schedule(FlushInterval, FlushFromTimer);
        }
    }

    /// <summary>Writes the buffered lines to the file now.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (_disposed || _failure is not null) return;
            _stream.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _flushTimer?.Dispose();
            _flushTimer = null;
            // Disposing the stream writes what is buffered; a failure here is reported to the owner, not hidden.
            _stream.Dispose();
        }
    }

    private void FlushFromTimer()
    {
        lock (_gate)
        {
            _flushTimer = null;
            if (_disposed || _failure is not null) return;
            try
            {
                _stream.Flush();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // There is no caller to tell on the timer; the next Append reports it.
                _failure = e;
            }
        }
    }

    private void Rotate()
    {
        _stream.Dispose();
        if (_maxFiles == 0)
        {
            File.Delete(Path);
        }
        else
        {
            for (var n = _maxFiles - 1; n >= 1; n--)
            {
                var from = RotatedPath(n);
                if (File.Exists(from)) File.Move(from, RotatedPath(n + 1), overwrite: true);
            }
            File.Move(Path, RotatedPath(1), overwrite: true);
        }
        _stream = Open(Path);
        _size = 0;
    }

    private static FileStream Open(string path) =>
        new(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, WriteBufferBytes);
}
