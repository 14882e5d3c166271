using System.Text;

namespace Tui.Core.Logs;

/// <summary>Receives one decoded line from a <see cref="LineSplitter"/>.</summary>
/// <param name="text">The line without its terminator (LF, or CR LF).</param>
/// <param name="partial">True when the line was cut at <see cref="LineSplitter.MaxLineBytes"/> or flushed without a newline.</param>
public delegate void LineHandler(string text, bool partial);

/// <summary>
/// Turns a child's output, arriving in arbitrary chunks, into lines: incremental UTF-8 bytes in, one string per line out.
/// Lines end at LF; a CR right before the LF is dropped (CR LF), any other CR stays in the text (progress bars use it).
/// Invalid UTF-8 decodes to U+FFFD and never throws. Not thread-safe: one splitter per stream, one writer at a time.
/// </summary>
/// <remarks>
/// This is the hot path of log capture. The bytes of a line that is not complete yet are kept in one buffer allocated
/// once; a line that arrives whole inside a chunk is decoded straight from the chunk. Nothing is allocated per byte,
/// and exactly one string per line.
/// </remarks>
public sealed class LineSplitter
{
    /// <summary>
    /// Longest line kept whole, in bytes. A child that writes a huge line with no newline (a minified bundle, a binary dump)
    /// must not make Tui buffer without bound; 16 KiB is far beyond any line a person reads on a screen.
    /// </summary>
    public const int MaxLineBytes = 16 * 1024;

    /// <summary>The longest UTF-8 encoding of one code point; a cut never splits one.</summary>
    private const int MaxUtf8SequenceBytes = 4;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly LineHandler _onLine;
    private readonly int _maxLineBytes;
    /// <summary>What an unfinished line starts with; it grows (doubling) up to the line bound as a long line needs.</summary>
    private const int InitialPendingBytes = 256;

    private byte[] _pending;
    private int _pendingLength;

    // After a line was emitted without its newline (cut or flushed), the newline that eventually ends it must not
    // produce an extra empty line: "Password: " flushed, then "\n" arrives, is one line, not two.
    private bool _swallowBareNewline;

    public LineSplitter(LineHandler onLine) : this(onLine, MaxLineBytes) { }

    /// <summary>For tests: a smaller bound makes cutting easy to exercise.</summary>
    internal LineSplitter(LineHandler onLine, int maxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, MaxUtf8SequenceBytes);
        _onLine = onLine;
        _maxLineBytes = maxLineBytes;
        _pending = new byte[Math.Min(InitialPendingBytes, maxLineBytes)];
    }

    /// <summary>True when bytes of an unfinished line are waiting for their newline.</summary>
    public bool HasPending => _pendingLength > 0;

    /// <summary>Feeds the next chunk; calls the handler once per complete line, in order.</summary>
    public void Write(ReadOnlySpan<byte> chunk)
    {
        while (!chunk.IsEmpty)
        {
            var newline = chunk.IndexOf((byte)'\n');
            if (newline < 0)
            {
                Append(chunk);
                return;
            }

            var head = chunk[..newline];
            chunk = chunk[(newline + 1)..];
            if (_pendingLength == 0)
            {
                if (head.Length <= _maxLineBytes)
                {
                    // The common case: a whole line inside the chunk, decoded in place.
                    EndLine(head);
                    continue;
                }
                Append(head);
            }
            else if (_pendingLength + head.Length <= _maxLineBytes)
            {
                EnsurePending(_pendingLength + head.Length);
                head.CopyTo(_pending.AsSpan(_pendingLength));
                _pendingLength += head.Length;
            }
            else
            {
                Append(head);
            }
            EndLine(_pending.AsSpan(0, _pendingLength));
            _pendingLength = 0;
        }
    }

    /// <summary>
    /// Emits the unfinished line as a partial line (a prompt waiting for input); what follows continues as a new line.
    /// An incomplete UTF-8 sequence at the end stays pending, since its next bytes are surely on their way, unless
    /// <paramref name="endOfStream"/> says nothing more will come.
    /// </summary>
    public void FlushPending(bool endOfStream = false)
    {
        if (_pendingLength == 0) return;
        var keep = endOfStream ? 0 : IncompleteTailLength(_pending.AsSpan(0, _pendingLength));
        if (keep == _pendingLength) return;
        EmitPartial(_pendingLength - keep);
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        while (_pendingLength + bytes.Length > _maxLineBytes)
        {
            var room = _maxLineBytes - _pendingLength;
            EnsurePending(_maxLineBytes);
            bytes[..room].CopyTo(_pending.AsSpan(_pendingLength));
            bytes = bytes[room..];
            _pendingLength = _maxLineBytes;
            // Cut before a split code point; its first bytes start the next piece.
            EmitPartial(_maxLineBytes - IncompleteTailLength(_pending));
        }
        EnsurePending(_pendingLength + bytes.Length);
        bytes.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += bytes.Length;
    }

    /// <summary>Grows the pending buffer (keeping its bytes) to hold <paramref name="bytes"/>; never beyond the line bound.</summary>
    private void EnsurePending(int bytes)
    {
        if (bytes <= _pending.Length) return;
        var grown = new byte[Math.Min(_maxLineBytes, Math.Max(bytes, _pending.Length * 2))];
        _pending.AsSpan(0, _pendingLength).CopyTo(grown);
        _pending = grown;
    }

    /// <summary>Emits the first <paramref name="length"/> pending bytes as a partial line and keeps the rest.</summary>
    private void EmitPartial(int length)
    {
        var text = Decode(_pending.AsSpan(0, length));
        var rest = _pendingLength - length;
        _pending.AsSpan(length, rest).CopyTo(_pending);
        _pendingLength = rest;
        _swallowBareNewline = rest == 0;
        _onLine(text, partial: true);
    }

    private void EndLine(ReadOnlySpan<byte> line)
    {
        if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
        var swallow = _swallowBareNewline && line.IsEmpty;
        _swallowBareNewline = false;
        if (swallow) return;
        _onLine(Decode(line), partial: false);
    }

    private static string Decode(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? string.Empty : Utf8.GetString(bytes);

    /// <summary>
    /// How many bytes at the end of <paramref name="bytes"/> are the start of a multi-byte sequence whose
    /// continuation bytes have not arrived yet (0 when the end is complete or invalid anyway).
    /// </summary>
    internal static int IncompleteTailLength(ReadOnlySpan<byte> bytes)
    {
        // Walk back over at most three continuation bytes (10xxxxxx) to the lead byte.
        var limit = Math.Min(bytes.Length, MaxUtf8SequenceBytes - 1);
        for (var back = 1; back <= limit; back++)
        {
            var b = bytes[^back];
            if ((b & 0b1100_0000) == 0b1000_0000) continue;
            var needed = b switch
            {
                >= 0b1111_1000 => 1, // never a lead byte: invalid, decoded as U+FFFD
                >= 0b1111_0000 => 4,
                >= 0b1110_0000 => 3,
                >= 0b1100_0000 => 2,
                _ => 1,
            };
            return needed > back ? back : 0;
        }
        return 0;
    }
}
