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

    private readonly byte[] _bytes = new byte[capacity];
    private int _length;

    public override async Task CopyFromAsync(Stream origin, CancellationToken cancellationToken = default)
    {
        var buffer = new byte[ReadSize];
        try
        {
            int read;
            while ((read = await origin.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0) Add(buffer.AsSpan(0, read));
        }
        catch (IOException)
        {
            // The pipe broke: what came so far is all there is to explain the command.
        }
    }

    /// <summary>
    /// The kept bytes as UTF-8 (a tail cut inside a character starts with a replacement character). Read once the
    /// command's run has ended: CliWrap ends a run only after its pipe targets are done, so nothing writes meanwhile.
    /// </summary>
    public string Text()
    {
        return Encoding.UTF8.GetString(_bytes, 0, _length);
    }

    internal void Add(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length >= _bytes.Length)
        {
            chunk[^_bytes.Length..].CopyTo(_bytes);
            _length = _bytes.Length;
            return;
        }
        var keep = Math.Min(_length, _bytes.Length - chunk.Length);
        _bytes.AsSpan(_length - keep, keep).CopyTo(_bytes);
        chunk.CopyTo(_bytes.AsSpan(keep));
        _length = keep + chunk.Length;
    }
}
