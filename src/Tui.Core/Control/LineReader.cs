using System.Buffers;
using System.Text;

namespace Tui.Core.Control;

/// <summary>
/// Reads '\n'-terminated UTF-8 lines from a stream, refusing a line longer than a bound: a peer that never sends a
/// newline must not make us buffer without end. A final line without a newline is returned at end of stream.
/// </summary>
public sealed class LineReader(Stream stream, int maxLineBytes)
{
    private const int ChunkBytes = 16 * 1024;

    private readonly byte[] _chunk = new byte[ChunkBytes];
    private readonly ArrayBufferWriter<byte> _line = new();
    private int _start, _end;

    /// <summary>The next line without its newline (a trailing '\r' is dropped too), or null at end of stream.</summary>
    /// <exception cref="LineTooLongException">The line exceeds the bound; the stream is no longer usable.</exception>
    public async Task<string?> ReadLineAsync(CancellationToken cancellation = default)
    {
        while (true)
        {
            var newline = Array.IndexOf(_chunk, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                Append(_chunk.AsSpan(_start, newline - _start));
                _start = newline + 1;
                return TakeLine();
            }
            Append(_chunk.AsSpan(_start, _end - _start));
            _start = _end = 0;
            var read = await stream.ReadAsync(_chunk, cancellation).ConfigureAwait(false);
            if (read == 0) return _line.WrittenCount > 0 ? TakeLine() : null;
            _end = read;
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_line.WrittenCount + bytes.Length > maxLineBytes) throw new LineTooLongException(maxLineBytes);
        _line.Write(bytes);
    }

    private string TakeLine()
    {
        var span = _line.WrittenSpan;
        if (span.Length > 0 && span[^1] == (byte)'\r') span = span[..^1];
        var text = Encoding.UTF8.GetString(span);
        _line.ResetWrittenCount();
        return text;
    }
}

public sealed class LineTooLongException(int max) : IOException($"line longer than {max} bytes");
