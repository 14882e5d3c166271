using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Tui.Core.Processes.Native;

/// <summary>
/// The few libc calls .NET does not wrap: signalling a process group, the pseudo-terminal,
/// waiting on fds, and the pipes and reaping of children started with posix_spawn (<see cref="PosixSpawn"/>).
/// </summary>
internal static partial class LibC
{
    private const string Library = "libc";

    // Linux flag values (x86_64 and arm64 agree on these).
    public const int O_RDONLY = 0x0, O_RDWR = 0x2;
    public const int O_NOCTTY = 0x100;
    public const int O_CLOEXEC = 0x80000;
    public const int O_NONBLOCK = 0x800;
    public const int F_GETFL = 3, F_SETFL = 4, F_DUPFD_CLOEXEC = 1030;
    public const int X_OK = 1;
    public const short POLLIN = 0x1, POLLERR = 0x8, POLLHUP = 0x10, POLLNVAL = 0x20;
    public const nuint TIOCSWINSZ = 0x5414;

    /// <summary>pidfd_open(2) has no glibc wrapper before 2.36; its number is 434 on every architecture .NET runs on.</summary>
    public const nint SYS_pidfd_open = 434;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct WinSize
    {
        public ushort Rows;
        public ushort Columns;
        public ushort XPixels;
        public ushort YPixels;
    }

    [LibraryImport(Library, SetLastError = true)]
    public static partial int kill(int pid, int sig);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int posix_openpt(int flags);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int grantpt(SafeFileHandle fd);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int unlockpt(SafeFileHandle fd);

    [LibraryImport(Library, SetLastError = true)]
    public static unsafe partial int ptsname_r(SafeFileHandle fd, byte* buffer, nuint length);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int ioctl(SafeFileHandle fd, nuint request, ref WinSize size);

    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int open(string path, int flags);

    [LibraryImport(Library, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int access(string path, int mode);

    [LibraryImport(Library, SetLastError = true)]
    public static unsafe partial nint read(SafeFileHandle fd, byte* buffer, nuint count);

    [LibraryImport(Library, SetLastError = true)]
    public static unsafe partial int poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport(Library, SetLastError = true)]
    public static unsafe partial int pipe2(int* fds, int flags);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int eventfd(uint initial, int flags);

    [LibraryImport(Library, SetLastError = true)]
    public static unsafe partial nint write(SafeFileHandle fd, byte* buffer, nuint count);

    /// <summary>write(2) on a raw fd, for handles that are not a <see cref="SafeFileHandle"/> (a .NET pipe's).</summary>
    [LibraryImport(Library, EntryPoint = "write", SetLastError = true)]
    public static unsafe partial nint write(int fd, byte* buffer, nuint count);

    /// <summary>fcntl(2) with an int argument (F_GETFL, F_SETFL).</summary>
    [LibraryImport(Library, SetLastError = true)]
    public static partial int fcntl(int fd, int command, int argument);

    [LibraryImport(Library, SetLastError = true)]
    public static unsafe partial int waitpid(int pid, int* status, int options);

    /// <summary>close(2) on a raw fd not yet owned by a handle (a pipe end between pipe2 and the spawn).</summary>
    [LibraryImport(Library, SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport(Library, SetLastError = true)]
    public static partial nint syscall(nint number, int arg1, int arg2);
}
