namespace Tui.Core.Protocol;

/// <summary>
/// Splits a byte stream into lines of at most <see cref="ProtocolLimits.MaxLineBytes"/>. A longer line is not kept: its
/// bytes are skipped up to its newline and it is reported once as oversized, so a 10 MB line costs a scan, not 10 MB.
/// Not thread-safe: one reader per connection.
/// </summary>
internal sealed class BoundedLineReader(int maxLineBytes = ProtocolLimits.MaxLineBytes)
{
    private readonly byte[] _pending = new byte[maxLineBytes];
    private int _length;
    private bool _skipping;

    /// <param name="onLine">
    /// Called with each complete line (without its newline, and without a trailing \r); return false to stop reading.
    /// The memory is the reader's own buffer: valid only during the call (copy what must be kept).
    /// </param>
    /// <returns>False when <paramref name="onLine"/> asked to stop.</returns>
    public bool Feed(ReadOnlySpan<byte> chunk, Func<ReadOnlyMemory<byte>, bool> onLine, Action onOversized)
    {
        while (!chunk.IsEmpty)
        {
            var newline = chunk.IndexOf((byte)'\n');
            var part = newline < 0 ? chunk : chunk[..newline];
            if (!_skipping)
            {
                if (_length + part.Length > _pending.Length)
                {
                    _skipping = true;
                    _length = 0;
                    onOversized();
                }
                else
                {
                    part.CopyTo(_pending.AsSpan(_length));
                    _length += part.Length;
                }
            }
            if (newline < 0) return true;
            chunk = chunk[(newline + 1)..];
            if (_skipping)
            {
                _skipping = false;
                continue;
            }
            var length = _length > 0 && _pending[_length - 1] == '\r' ? _length - 1 : _length;
            _length = 0;
            if (length == 0) continue; // blank lines are keep-alives at most
            if (!onLine(_pending.AsMemory(0, length))) return false;
        }
        return true;
    }
}
