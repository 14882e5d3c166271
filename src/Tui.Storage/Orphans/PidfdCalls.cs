using System.Runtime.InteropServices;

namespace Tui.Storage.Orphans;

/// <summary>
/// pidfd_open(2) and poll(2): a pidfd names one process (never a later one with the same pid) and becomes readable
/// when it exits, even when it is not our child, which is exactly the case of an orphan.
/// </summary>
internal static unsafe partial class PidfdCalls
{
    private const string Library = "libc";

    /// <summary>pidfd_open has no glibc wrapper before 2.36; its number is 434 on every architecture .NET runs on.</summary>
    private const nint SysPidfdOpen = 434;

    public const int ESRCH = 3, EINTR = 4, ENOSYS = 38;
    private const short POLLIN = 0x1;

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport(Library, SetLastError = true)]
    private static partial nint syscall(nint number, int pid, uint flags);

    [LibraryImport(Library, SetLastError = true)]
    private static partial int poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport(Library, SetLastError = true)]
    private static partial int close(int fd);

    /// <summary>A pidfd for <paramref name="pid"/>, or -1 with <paramref name="errno"/> (ESRCH: no such process; ENOSYS: Linux older than 5.3).</summary>
    public static int Open(int pid, out int errno)
    {
        var fd = (int)syscall(SysPidfdOpen, pid, 0);
        errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
        return fd;
    }

    public static void Close(int fd) => close(fd);

    /// <summary>Waits up to <paramref name="timeoutMs"/> for any of <paramref name="fds"/>; returns which have exited.</summary>
    public static bool[] WaitAny(IReadOnlyList<int> fds, int timeoutMs)
    {
        var poll = new PollFd[fds.Count];
        for (var i = 0; i < poll.Length; i++) poll[i] = new PollFd { Fd = fds[i], Events = POLLIN };
        int ready;
        fixed (PollFd* p = poll) ready = PidfdCalls.poll(p, (nuint)poll.Length, timeoutMs);
        if (ready < 0 && Marshal.GetLastPInvokeError() != EINTR)
            throw new InvalidOperationException($"poll on pidfds failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        var exited = new bool[poll.Length];
        for (var i = 0; i < poll.Length; i++) exited[i] = ready > 0 && poll[i].Revents != 0;
        return exited;
    }
}
