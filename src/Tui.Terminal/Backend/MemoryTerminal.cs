using System.Text;

namespace Tui.Terminal.Backend;

/// <summary>
/// A terminal in memory for tests: records every byte and every write call, and serves input bytes
/// that the test queues. Thread-safe, so an input reader thread can wait on it.
/// </summary>
public sealed class MemoryTerminal : ITerminalBackend
{
    private readonly object _gate = new();
    private readonly List<byte> _written = [];
    private readonly Queue<byte[]> _input = new();
    private int _inputOffset; // bytes of the first queued chunk already read
    private bool _inputEnded;

    public MemoryTerminal(int width = 80, int height = 24) => Size = new TerminalSize(width, height);

    public TerminalSize Size { get; set; }

    public bool IsRaw { get; private set; }

    /// <summary>How many times <see cref="Write"/> was called (one per frame expected).</summary>
    public int WriteCount { get; private set; }

    public byte[] Written
    {
        get { lock (_gate) return [.. _written]; }
    }

    /// <summary>Everything written, decoded as UTF-8.</summary>
    public string WrittenText => Encoding.UTF8.GetString(Written);

    /// <summary>Forgets what was written so far (the next assertion sees only new bytes).</summary>
    public void ClearWritten()
    {
        lock (_gate)
        {
            _written.Clear();
            WriteCount = 0;
        }
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            _written.AddRange(bytes);
            WriteCount++;
        }
    }

    /// <summary>Queues bytes for <see cref="Read"/>, as if typed.</summary>
    public void Type(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            _input.Enqueue(bytes.ToArray());
            Monitor.PulseAll(_gate);
        }
    }

    public void Type(string text) => Type(Encoding.UTF8.GetBytes(text));

    /// <summary>Makes <see cref="Read"/> report the end of input.</summary>
    public void EndInput()
    {
        lock (_gate)
        {
            _inputEnded = true;
            Monitor.PulseAll(_gate);
        }
    }

    public bool WaitForInput(TimeSpan timeout)
    {
        lock (_gate)
        {
            if (_input.Count == 0 && !_inputEnded) Monitor.Wait(_gate, timeout);
            return _input.Count > 0 || _inputEnded;
        }
    }

    public int Read(Span<byte> buffer)
    {
        lock (_gate)
        {
            if (_input.Count == 0) return _inputEnded ? -1 : 0;
            byte[] chunk = _input.Peek();
            int length = Math.Min(chunk.Length - _inputOffset, buffer.Length);
            chunk.AsSpan(_inputOffset, length).CopyTo(buffer);
            _inputOffset += length;
            if (_inputOffset == chunk.Length)
            {
                _input.Dequeue();
                _inputOffset = 0;
            }
            return length;
        }
    }

    public void SetRawMode(bool raw) => IsRaw = raw;
}
