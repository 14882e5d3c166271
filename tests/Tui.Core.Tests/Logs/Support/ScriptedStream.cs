using System.Text;

namespace Tui.Core.Tests.Logs.Support;

/// <summary>
/// A stream whose reader gets exactly the chunks a test pushes, one chunk per read, and that tells the test when a
/// chunk has been fully handled: the reader coming back for the next read is the event, so no test sleeps.
/// </summary>
internal sealed class ScriptedStream : TestSupport.ReadOnlyStream
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Queue<byte[]> _chunks = new();
    private readonly object _gate = new();
    private int _pushed;
    private int _reads;
    private bool _ended;

    public void Push(string text) => Push(Encoding.UTF8.GetBytes(text));

    public void Push(byte[] chunk)
    {
        lock (_gate)
        {
            _chunks.Enqueue(chunk);
            _pushed++;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Pushes a chunk and returns once the reader has handled it (it asked for the next one).</summary>
    public void PushAndWait(string text)
    {
        Push(text);
        WaitUntilHandled();
    }

    /// <summary>Blocks until every pushed chunk has been read and the reader is back for more.</summary>
    public void WaitUntilHandled()
    {
        lock (_gate)
        {
            // Read number n+1 starting means chunk n was handled.
            while (_reads < _pushed + 1)
            {
                if (!Monitor.Wait(_gate, Timeout)) throw new TimeoutException("the reader did not come back for more");
            }
        }
    }

    /// <summary>End of file after the pushed chunks.</summary>
    public void End()
    {
        lock (_gate)
        {
            _ended = true;
            Monitor.PulseAll(_gate);
        }
    }

    public override int Read(Span<byte> buffer)
    {
        lock (_gate)
        {
            _reads++;
            Monitor.PulseAll(_gate);
            while (_chunks.Count == 0)
            {
                if (_ended) return 0;
                Monitor.Wait(_gate);
            }
            var chunk = _chunks.Dequeue();
            if (chunk.Length > buffer.Length) throw new InvalidOperationException("test chunk larger than the read buffer");
            chunk.CopyTo(buffer);
            return chunk.Length;
        }
    }

}
