using System.Runtime.InteropServices;

namespace Tui.Core.Stats.Native;

/// <summary>
/// Reads small /proc files with open/read/close straight from libc: no path strings, no file-stream objects, so a
/// sampling round over hundreds of processes allocates nothing per process.
/// </summary>
internal static unsafe partial class ProcFs
{
    private const string Library = "libc";

    // Linux values (x86_64 and arm64 agree on these).
    private const int O_RDONLY = 0;
    private const int O_CLOEXEC = 0x80000;
    private const int AT_FDCWD = -100;
    private const uint STATX_SIZE = 0x200;
    private const int SC_CLK_TCK = 2;

    /// <summary>struct statx is 256 bytes with the same layout on every architecture; stx_size is at byte 40.</summary>
    private const int StatxBytes = 256;
    private const int StatxSizeOffset = 40;

    /// <summary>"/proc/PID/task/TID/children" + NUL with 10-digit ids is 42 bytes; room to spare.</summary>
    private const int MaxPathBytes = 64;

    /// <summary>In glibc's struct dirent on 64-bit Linux (x86_64 and arm64 alike) the name starts at byte 19.</summary>
    private const int DirentNameOffset = 19;

    /// <summary>The USER_HZ Linux has used on every mainstream architecture; the fallback if sysconf fails.</summary>
    private const int DefaultClockTicksPerSecond = 100;

    /// <summary>Clock ticks per second (USER_HZ), the unit of the times in /proc/&lt;pid&gt;/stat.</summary>
    public static int ClockTicksPerSecond()
    {
        var ticks = sysconf(SC_CLK_TCK);
        return ticks > 0 ? (int)ticks : DefaultClockTicksPerSecond;
    }

    /// <summary>Reads /proc/&lt;pid&gt;/&lt;leaf&gt; into <paramref name="buffer"/>; the byte count, or -1 when it cannot be read (gone).</summary>
    public static int ReadPidFile(int pid, ReadOnlySpan<byte> leaf, Span<byte> buffer)
    {
        Span<byte> path = stackalloc byte[MaxPathBytes];
        return BuildPidPath(pid, leaf, path) ? ReadFile(path, buffer) : -1;
    }

    /// <summary>Reads /proc/&lt;pid&gt;/task/&lt;tid&gt;/children (the pids that thread forked); the byte count, or -1.</summary>
    public static int ReadTaskChildren(int pid, int tid, Span<byte> buffer)
    {
        Span<byte> path = stackalloc byte[MaxPathBytes];
        Span<byte> leaf = stackalloc byte[MaxPathBytes];
        var at = "task/"u8.Length;
        "task/"u8.CopyTo(leaf);
        if (!tid.TryFormat(leaf[at..], out var digits)) return -1;
        at += digits;
        "/children"u8.CopyTo(leaf[at..]);
        at += "/children"u8.Length;
        return BuildPidPath(pid, leaf[..at], path) ? ReadFile(path, buffer) : -1;
    }

    /// <summary>
    /// The thread ids of a process (the entries of /proc/&lt;pid&gt;/task), into <paramref name="tids"/>. Returns how many
    /// there are, which may exceed the span (the caller grows it and asks again), or -1 when the process is gone.
    /// </summary>
    public static int ListTasks(int pid, Span<int> tids)
    {
        Span<byte> path = stackalloc byte[MaxPathBytes];
        if (!BuildPidPath(pid, "task"u8, path)) return -1;
        nint dir;
        fixed (byte* p = path) dir = opendir(p);
        if (dir == 0) return -1;
        try
        {
            var count = 0;
            for (var entry = readdir(dir); entry != null; entry = readdir(dir))
            {
                var tid = 0L;
                var name = entry + DirentNameOffset;
                if (*name == 0) continue;
                for (; *name != 0; name++)
                {
                    if (*name < (byte)'0' || *name > (byte)'9') { tid = -1; break; }
                    tid = tid * 10 + (*name - '0');
                }
                if (tid <= 0 || tid > int.MaxValue) continue; // "." and ".."
                if (count < tids.Length) tids[count] = (int)tid;
                count++;
            }
            return count;
        }
        finally
        {
            closedir(dir);
        }
    }

    /// <summary>Reads a file named by a NUL-terminated path into <paramref name="buffer"/>; the byte count, or -1.</summary>
    public static int ReadFile(ReadOnlySpan<byte> pathZ, Span<byte> buffer)
    {
        int fd;
        fixed (byte* p = pathZ) fd = open(p, O_RDONLY | O_CLOEXEC);
        if (fd < 0) return -1;
        try
        {
            var total = 0;
            fixed (byte* b = buffer)
            {
                while (total < buffer.Length)
                {
                    var n = read(fd, b + total, (nuint)(buffer.Length - total));
                    if (n < 0) return -1; // ESRCH: the process died between open and read
                    if (n == 0) break;
                    total += (int)n;
                }
            }
            return total;
        }
        finally
        {
            close(fd);
        }
    }

    /// <summary>
    /// Open fds of a process. Since Linux 6.2 the size of /proc/&lt;pid&gt;/fd is the fd count, one statx call; older
    /// kernels report 0 there, and then the directory is listed. 0 when the process is gone or not ours to inspect.
    /// </summary>
    public static int CountFds(int pid)
    {
        Span<byte> path = stackalloc byte[MaxPathBytes];
        if (!BuildPidPath(pid, "fd"u8, path)) return 0;
        byte* statx = stackalloc byte[StatxBytes];
        int result;
        fixed (byte* p = path) result = Statx(AT_FDCWD, p, 0, STATX_SIZE, statx);
        if (result == 0)
        {
            var size = *(long*)(statx + StatxSizeOffset);
            if (size > 0) return (int)size;
        }
        return CountFdsByListing(pid);
    }

    private static int CountFdsByListing(int pid)
    {
        try
        {
            var count = 0;
            foreach (var _ in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd")) count++;
            return count;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static bool BuildPidPath(int pid, ReadOnlySpan<byte> leaf, Span<byte> path)
    {
        var prefix = "/proc/"u8;
        prefix.CopyTo(path);
        var at = prefix.Length;
        if (!pid.TryFormat(path[at..], out var digits)) return false;
        at += digits;
        path[at++] = (byte)'/';
        if (at + leaf.Length + 1 > path.Length) return false;
        leaf.CopyTo(path[at..]);
        path[at + leaf.Length] = 0;
        return true;
    }

    [LibraryImport(Library)]
    private static partial int open(byte* path, int flags);

    [LibraryImport(Library)]
    private static partial nint read(int fd, byte* buffer, nuint count);

    [LibraryImport(Library)]
    private static partial int close(int fd);

    [LibraryImport(Library)]
    private static partial nint sysconf(int name);

    [LibraryImport(Library)]
    private static partial nint opendir(byte* path);

    [LibraryImport(Library)]
    private static partial byte* readdir(nint dir);

    [LibraryImport(Library)]
    private static partial int closedir(nint dir);

    [LibraryImport(Library, EntryPoint = "statx")]
    private static partial int Statx(int dirfd, byte* path, int flags, uint mask, byte* buffer);
}
