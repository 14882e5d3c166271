using System.Runtime.InteropServices;
using Tui.Terminal.Backend.Native;

namespace Tui.Terminal.Backend;

/// <summary>
/// The process's own terminal: reads fd 0, writes fd 1 with write(2) directly (no .NET Console
/// buffering or encoding between a frame and the tty), termios raw mode through libc.
/// The original termios is saved once and restored by <c>SetRawMode(false)</c>.
/// </summary>
public sealed unsafe class TtyTerminal : ITerminalBackend
{
    private const int FallbackWidth = 80, FallbackHeight = 24;
    private readonly byte[] _original = new byte[Libc.TermiosSize];
    private bool _saved;
    private readonly object _modeGate = new();

    private TtyTerminal() { }

    /// <summary>The terminal of stdin/stdout; throws <see cref="TerminalUnavailableException"/> when either is not a tty.</summary>
    public static TtyTerminal Open()
    {
        if (!OperatingSystem.IsLinux()) throw new TerminalUnavailableException("the full-screen terminal needs Linux");
        if (Libc.isatty(Libc.StdinFd) != 1) throw new TerminalUnavailableException("standard input is not a terminal");
        if (Libc.isatty(Libc.StdoutFd) != 1) throw new TerminalUnavailableException("standard output is not a terminal");
        return new TtyTerminal();
    }

    public TerminalSize Size =>
        Libc.ioctl(Libc.StdoutFd, Libc.TIOCGWINSZ, out var size) == 0 && size.Columns > 0 && size.Rows > 0
            ? new TerminalSize(size.Columns, size.Rows)
            : new TerminalSize(FallbackWidth, FallbackHeight);

    public void Write(ReadOnlySpan<byte> bytes)
    {
        fixed (byte* start = bytes)
        {
            nint offset = 0;
            while (offset < bytes.Length)
            {
                nint written = Libc.write(Libc.StdoutFd, start + offset, bytes.Length - offset);
                if (written >= 0)
                {
                    offset += written;
                    continue;
                }
                int errno = Marshal.GetLastPInvokeError();
                if (errno == Libc.EINTR) continue;
                if (errno == Libc.EAGAIN)
                {
                    WaitWritable();
                    continue;
                }
                throw new IOException($"writing to the terminal failed (errno {errno})");
            }
        }
    }

    private static void WaitWritable()
    {
        const short PollOut = 0x004;
        var fd = new Libc.PollFd { Fd = Libc.StdoutFd, Events = PollOut };
        Libc.poll(&fd, 1, 100);
    }

    public bool WaitForInput(TimeSpan timeout)
    {
        var fd = new Libc.PollFd { Fd = Libc.StdinFd, Events = Libc.POLLIN };
        int ready = Libc.poll(&fd, 1, (int)Math.Clamp(timeout.TotalMilliseconds, 0, int.MaxValue));
        if (ready < 0) return Marshal.GetLastPInvokeError() != Libc.EINTR; // a real poll error: let Read report it
        return ready > 0; // readable, or hung up (POLLHUP), which Read reports as the end
    }

    public int Read(Span<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            nint read = Libc.read(Libc.StdinFd, start, buffer.Length);
            if (read > 0) return (int)read;
            if (read == 0) return -1; // end of input: the terminal is gone
            int errno = Marshal.GetLastPInvokeError();
            return errno is Libc.EINTR or Libc.EAGAIN ? 0 : -1;
        }
    }

    public void SetRawMode(bool raw)
    {
        lock (_modeGate)
        {
            fixed (byte* original = _original)
            {
                if (!_saved)
                {
                    if (Libc.tcgetattr(Libc.StdinFd, original) != 0)
                        throw new TerminalUnavailableException($"cannot read the terminal mode (errno {Marshal.GetLastPInvokeError()})");
                    _saved = true;
                }
                if (!raw)
                {
                    Libc.tcsetattr(Libc.StdinFd, Libc.TCSANOW, original);
                    return;
                }
                byte* changed = stackalloc byte[Libc.TermiosSize];
                new Span<byte>(original, Libc.TermiosSize).CopyTo(new Span<byte>(changed, Libc.TermiosSize));
                Libc.cfmakeraw(changed); // no echo, no canonical mode, no signal keys, no output processing; VMIN 1, VTIME 0
                if (Libc.tcsetattr(Libc.StdinFd, Libc.TCSANOW, changed) != 0)
                    throw new TerminalUnavailableException($"cannot set raw mode (errno {Marshal.GetLastPInvokeError()})");
            }
        }
    }

    /// <summary>Stops the whole process group, as the shell expects of a job suspended with Ctrl-Z.</summary>
    internal static void StopProcessGroup() => Libc.kill(0, Libc.SIGSTOP);
}
