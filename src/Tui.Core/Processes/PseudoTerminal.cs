using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Tui.Core.Processes.Native;

namespace Tui.Core.Processes;

/// <summary>
/// A pseudo-terminal pair: the master stays in Tui, the child opens the slave by path. Both fds held here are
/// close-on-exec, so no other child ever inherits them.
/// </summary>
internal sealed class PseudoTerminal : IDisposable
{
    /// <summary>Longer than any /dev/pts/N path.</summary>
    private const int PtsNameCapacity = 128;

    private PseudoTerminal(SafeFileHandle master, SafeFileHandle slave, string slavePath)
    {
        Master = master;
        Slave = slave;
        SlavePath = slavePath;
    }

    public SafeFileHandle Master { get; }

    /// <summary>
    /// Tui's own copy of the slave, held until the child has exited: until the child opens the slave, a master
    /// with no open slave would report hang-up, and after the child exits, closing this copy lets the master
    /// report end of output once the last of the child's descendants lets go.
    /// </summary>
    public SafeFileHandle Slave { get; }

    public string SlavePath { get; }

    /// <exception cref="LaunchException">No pseudo-terminal could be allocated.</exception>
    public static unsafe PseudoTerminal Open(TerminalSize size)
    {
        if (!IsValid(size)) throw new LaunchException($"invalid terminal size {size.Columns}x{size.Rows}");
        var masterFd = LibC.posix_openpt(LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_CLOEXEC);
        if (masterFd < 0) throw Failure("posix_openpt");
        var master = new SafeFileHandle(masterFd, ownsHandle: true);
        try
        {
            if (LibC.grantpt(master) != 0) throw Failure("grantpt");
            if (LibC.unlockpt(master) != 0) throw Failure("unlockpt");
            var name = stackalloc byte[PtsNameCapacity];
            var rc = LibC.ptsname_r(master, name, PtsNameCapacity);
            if (rc != 0) throw Failure("ptsname_r", rc);
            var slavePath = Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(name));
            var slaveFd = LibC.open(slavePath, LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_CLOEXEC);
            if (slaveFd < 0) throw Failure($"open {slavePath}");
            var terminal = new PseudoTerminal(master, new SafeFileHandle(slaveFd, ownsHandle: true), slavePath);
            if (!terminal.TryResize(size))
            {
                var failure = Failure("ioctl(TIOCSWINSZ)");
                terminal.Dispose();
                throw failure;
            }
            return terminal;
        }
        catch
        {
            master.Dispose();
            throw;
        }
    }

    public static bool IsValid(TerminalSize size) =>
        size.Columns is >= 1 and <= ushort.MaxValue && size.Rows is >= 1 and <= ushort.MaxValue;

    /// <summary>Sets the window size (the child gets SIGWINCH when it changes); false once the master is closed.</summary>
    public bool TryResize(TerminalSize size)
    {
        var winsize = new LibC.WinSize { Columns = (ushort)size.Columns, Rows = (ushort)size.Rows };
        try
        {
            return LibC.ioctl(Master, LibC.TIOCSWINSZ, ref winsize) == 0;
        }
        catch (ObjectDisposedException)
        {
            return false; // closed after the last output was copied
        }
    }

    /// <summary>Closes Tui's copy of the slave (see <see cref="Slave"/>).</summary>
    public void ReleaseSlave() => Slave.Dispose();

    public void Dispose()
    {
        Slave.Dispose();
        Master.Dispose();
    }

    private static LaunchException Failure(string call, int? errno = null) =>
        new($"cannot allocate a pseudo-terminal: {call} failed: {Marshal.GetPInvokeErrorMessage(errno ?? Marshal.GetLastPInvokeError())}");
}
