using System.Runtime.InteropServices;

namespace Tui.Terminal.Backend.Native;

/// <summary>The few libc calls the terminal needs that .NET does not offer (termios, window size, poll, raw read/write, kill). Linux only.</summary>
internal static partial class Libc
{
    private const string Library = "libc";

    public const int StdinFd = 0;
    public const int StdoutFd = 1;

    /// <summary>Big enough for struct termios on every Linux ABI (60 bytes on x86_64 and arm64 glibc); treated as opaque.</summary>
    public const int TermiosSize = 256;

    public const int TCSANOW = 0;
    public const ulong TIOCGWINSZ = 0x5413;
    public const short POLLIN = 0x001;
    public const int EINTR = 4;
    public const int EAGAIN = 11;
    public const int SIGSTOP = 19;

    [StructLayout(LayoutKind.Sequential)]
    public struct WinSize
    {
        public ushort Rows, Columns, XPixels, YPixels;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events, ReturnedEvents;
    }

    [LibraryImport(Library, SetLastError = true)]
    public static partial int isatty(int fd);

    [LibraryImport(Library, SetLastError = true)]
    public static unsafe partial int tcgetattr(int fd, byte* termios);

    [LibraryImport(Library, SetLastError = true)]
    public static unsafe partial int tcsetattr(int fd, int optionalActions, byte* termios);

    [LibraryImport(Library)]
    public static unsafe partial void cfmakeraw(byte* termios);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int ioctl(int fd, ulong request, out WinSize size);

    [LibraryImport(Library, SetLastError = true)]
    public static unsafe partial nint write(int fd, byte* buffer, nint count);

    [LibraryImport(Library, SetLastError = true)]
    public static unsafe partial nint read(int fd, byte* buffer, nint count);

    [LibraryImport(Library, SetLastError = true)]
    public static unsafe partial int poll(PollFd* fds, ulong count, int timeoutMs);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int kill(int pid, int signal);
}
