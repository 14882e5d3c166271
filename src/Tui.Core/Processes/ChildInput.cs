using System.Runtime.InteropServices;
using Tui.Core.Processes.Native;

namespace Tui.Core.Processes;

/// <summary>
/// Tui's writing end of a child's input: its stdin pipe (stdin = true) or its pty master (tty = true).
/// <para>
/// Writes never block: the fd is made non-blocking, so a child that does not read its input fills the kernel's
/// buffer (64 KiB for a pipe, about 4 KiB of an unread terminal line) and whatever does not fit is refused, rather
/// than stalling the engine loop that writes it. The fd itself is owned by the child's handle, which closes it.
/// </para>
/// </summary>
public sealed class ChildInput
{
    /// <summary>The most one write takes: a line typed or pasted, well inside a pipe's buffer and a control request.</summary>
    public const int MaxWriteBytes = 8 * 1024;

    private readonly SafeHandle _fd;

    /// <exception cref="IOException">The fd cannot be made non-blocking.</exception>
    internal ChildInput(SafeHandle fd, bool terminal)
    {
        _fd = fd;
        IsTerminal = terminal;
        var raw = AddRef();
        try
        {
            var flags = LibC.fcntl(raw, LibC.F_GETFL, 0);
            if (flags < 0 || LibC.fcntl(raw, LibC.F_SETFL, flags | LibC.O_NONBLOCK) < 0) throw LastError("fcntl(O_NONBLOCK)");
        }
        finally
        {
            _fd.DangerousRelease();
        }
    }

    /// <summary>True for a pty master: keys are terminal bytes (Enter is \r), and the child's terminal echoes them.</summary>
    public bool IsTerminal { get; }

    /// <summary>
    /// Writes as much of <paramref name="bytes"/> as the kernel takes now and returns how much that was (less than
    /// the length when the child's buffer is full).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">More than <see cref="MaxWriteBytes"/>.</exception>
    /// <exception cref="IOException">The input is closed: the child (and every process sharing its input) is gone.</exception>
    public unsafe int Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxWriteBytes) throw new ArgumentOutOfRangeException(nameof(bytes), bytes.Length, $"at most {MaxWriteBytes} bytes at a time");
        var raw = AddRef();
        try
        {
            fixed (byte* start = bytes)
            {
                var written = 0;
                while (written < bytes.Length)
                {
                    var n = LibC.write(raw, start + written, (nuint)(bytes.Length - written));
                    if (n > 0)
                    {
                        written += (int)n;
                        continue;
                    }
                    var errno = Marshal.GetLastPInvokeError();
                    if (n < 0 && errno == Errno.EINTR) continue;
                    if (n < 0 && errno == Errno.EAGAIN) break; // full: the child is not reading
                    throw LastError("write", errno); // EPIPE (no reader left), EIO (terminal hung up)
                }
                return written;
            }
        }
        finally
        {
            _fd.DangerousRelease();
        }
    }

    /// <summary>Holds the fd open for one call and returns it; a handle already closed is a closed input.</summary>
    private int AddRef()
    {
        var added = false;
        try
        {
            _fd.DangerousAddRef(ref added);
        }
        catch (ObjectDisposedException)
        {
            throw new IOException("the input is closed");
        }
        return (int)_fd.DangerousGetHandle();
    }

    private static IOException LastError(string call, int? errno = null) =>
        new($"{call} failed: {Marshal.GetPInvokeErrorMessage(errno ?? Marshal.GetLastPInvokeError())}");
}
