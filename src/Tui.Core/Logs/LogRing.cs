namespace Tui.Core.Logs;

/// <summary>
/// The last lines of one process, kept in memory for the screen. Bounded: when full, each new line drops the oldest.
/// Safe for one writer and any number of readers; readers get copies, so they never see a line change under them.
/// </summary>
/// <remarks>
/// A plain lock: the writer holds it for one array store, a reader for one copy of at most <see cref="Capacity"/>
/// references, so neither waits long, and it is obviously correct (no torn reads of the head and count).
/// </remarks>
public sealed class LogRing
{
    /// <summary>The first array's length; it doubles while the ring fills, so a quiet process never holds the full capacity.</summary>
    private const int InitialLines = 64;

    private readonly int _capacity;
    private LogLine[] _lines;
    private readonly Lock _gate = new();
    private int _start;
    private int _count;
    private long _lastSequence;

    public LogRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _lines = new LogLine[Math.Min(InitialLines, capacity)];
    }

    public int Capacity => _capacity;

    public int Count
    {
        get { lock (_gate) return _count; }
    }

    /// <summary>The sequence of the newest line ever added (0 before the first), even if it has since been dropped.</summary>
    public long LastSequence
    {
        get { lock (_gate) return _lastSequence; }
    }

    /// <summary>Adds the newest line. Sequences must increase: the ring's lookups by sequence rely on it.</summary>
    public void Add(LogLine line)
    {
        lock (_gate)
        {
            if (line.Sequence <= _lastSequence)
            {
                throw new ArgumentException($"Sequence {line.Sequence} is not after {_lastSequence}.", nameof(line));
            }
            _lastSequence = line.Sequence;
            if (_count == _lines.Length && _lines.Length < _capacity)
            {
                // Not yet wrapped (_start is 0 until the ring is full at its capacity), so a plain copy keeps the order.
                Array.Resize(ref _lines, Math.Min(_capacity, _lines.Length * 2));
            }
            if (_count < _lines.Length)
            {
                _lines[(_start + _count) % _lines.Length] = line;
                _count++;
            }
            else
            {
                _lines[_start] = line;
                _start = (_start + 1) % _lines.Length;
            }
        }
    }

    /// <summary>The newest <paramref name="max"/> lines (or fewer), oldest first.</summary>
    public IReadOnlyList<LogLine> Recent(int max)
    {
        lock (_gate)
        {
            var take = Math.Clamp(max, 0, _count);
            return CopyFrom(_count - take);
        }
    }

    /// <summary>
    /// The lines after <paramref name="sequence"/> still in the ring, oldest first. A reader that fell behind further than
    /// the capacity sees a gap between its last sequence and the first returned one.
    /// </summary>
    public IReadOnlyList<LogLine> Since(long sequence)
    {
        lock (_gate)
        {
            // Sequences increase along the ring, so the first newer line is found by binary search.
            int low = 0, high = _count;
            while (low < high)
            {
                var mid = (low + high) >>> 1;
                if (At(mid).Sequence <= sequence) low = mid + 1;
                else high = mid;
            }
            return CopyFrom(low);
        }
    }

    private LogLine At(int index) => _lines[(_start + index) % _lines.Length];

    private LogLine[] CopyFrom(int index)
    {
        var result = new LogLine[_count - index];
        for (var i = 0; i < result.Length; i++) result[i] = At(index + i);
        return result;
    }
}
