using System.Buffers;
using System.Text;
using CliWrap;

namespace Tui.Core.Processes.OneShot;

/// <summary>
/// A CliWrap pipe target that keeps only the last bytes of a stream: the tail is what says why a command failed, and a
/// command that prints without end costs a fixed amount of memory.
/// </summary>
internal sealed class OutputTail(int capacity) : PipeTarget
{
    /// <summary>The size of one read from the pipe (a pipe holds 64 KiB; a few reads empty it).</summary>
    private const int ReadSize = 16 * 1024;

    /// <summary>Made on the first byte: most probes print nothing, and a hundred of them run every second.</summary>
    private byte[]? _bytes;
    private int _length;

    public override async Task CopyFromAsync(Stream origin, CancellationToken cancellationToken = default)
    {
        // Pooled: a read buffer is only needed while the command runs.
        var buffer = ArrayPool<byte>.Shared.Rent(ReadSize);
        try
        {
            int read;
            while ((read = await origin.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0) Add(buffer.AsSpan(0, read));
        }
        catch (IOException)
        {
            // The pipe broke: what came so far is all there is to explain the command.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The kept bytes as UTF-8 (a tail cut inside a character starts with a replacement character). Read once the
    /// command's run has ended: CliWrap ends a run only after its pipe targets are done, so nothing writes meanwhile.
    /// </summary>
    public string Text() => _bytes is null ? "" : Encoding.UTF8.GetString(_bytes, 0, _length);

    internal void Add(ReadOnlySpan<byte> chunk)
    {
        var bytes = _bytes ??= new byte[capacity];
        if (chunk.Length >= bytes.Length)
        {
            chunk[^bytes.Length..].CopyTo(bytes);
            _length = bytes.Length;
            return;
        }
        var keep = Math.Min(_length, bytes.Length - chunk.Length);
        bytes.AsSpan(_length - keep, keep).CopyTo(bytes);
        chunk.CopyTo(bytes.AsSpan(keep));
        _length = keep + chunk.Length;
    }
}
