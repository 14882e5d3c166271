using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Tui.Core.Processes.Native;

namespace Tui.Core.Processes;

/// <summary>
/// Operations on a whole process group (a child started by <see cref="PosixProcessLauncher"/> leads its own,
/// so its pid is the group id). A group outlives its leader while grandchildren remain in it.
/// </summary>
public static class ProcessGroup
{
    /// <summary>
    /// Where pidfd_open is missing (Linux &lt; 5.3), waiting falls back to re-reading /proc at this interval:
    /// short enough not to slow a shutdown noticeably, long enough to cost nothing.
    /// </summary>
    private static readonly TimeSpan FallbackPollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Sends <paramref name="signal"/> to every process in the group. Returns false when the group no longer
    /// exists (ESRCH), or is no longer ours to signal (EPERM: its id was reused by another user's group).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a valid group id or signal number.</exception>
    public static bool Signal(int pgid, int signal)
    {
        if (pgid <= 1) throw new ArgumentOutOfRangeException(nameof(pgid), pgid, "a process group id is > 1");
        if (signal is < 0 or > ExitCodes.MaxSignal) throw new ArgumentOutOfRangeException(nameof(signal), signal, "not a signal number");
        if (LibC.kill(-pgid, signal) == 0) return true;
        var errno = Marshal.GetLastPInvokeError();
        return errno switch
        {
            Errno.ESRCH or Errno.EPERM => false,
            Errno.EINVAL => throw new ArgumentOutOfRangeException(nameof(signal), signal, "not a signal number"),
            _ => throw new InvalidOperationException($"kill(-{pgid}, {signal}) failed: {Marshal.GetPInvokeErrorMessage(errno)}"),
        };
    }

    /// <summary>
    /// True while the group has a member that has not exited. Zombies do not count: an orphaned grandchild
    /// stays a zombie until init reaps it, and some container inits never do.
    /// </summary>
    public static bool IsAlive(int pgid) => Signal(pgid, 0) && LiveMembers(pgid).Count > 0;

    /// <summary>The pids of the group's members that have not exited, from a scan of /proc.</summary>
    public static IReadOnlyList<int> LiveMembers(int pgid) =>
        ProcStat.All().Where(s => s.ProcessGroup == pgid && !s.IsDead).Select(s => s.Pid).ToList();

    /// <summary>
    /// SIGKILLs the whole group and waits until every member has exited. Returns false if some member is still
    /// running when <paramref name="timeout"/> ends (in uninterruptible sleep, say). Blocks the caller.
    /// </summary>
    public static bool KillGroupAndWait(int pgid, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        if (!Signal(pgid, Signals.SIGKILL)) return true;
        // After a group SIGKILL no member can fork a new one (the kernel aborts a fork with a fatal signal
        // pending), so the members listed now are all there is to wait for.
        return WaitForExit(LiveMembers(pgid), deadline);
    }

    /// <summary><see cref="KillGroupAndWait"/> on a dedicated thread, so an event loop can await it.</summary>
    public static Task<bool> KillGroupAndWaitAsync(int pgid, TimeSpan timeout) =>
        Task.Factory.StartNew(() => KillGroupAndWait(pgid, timeout), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Waits until each of <paramref name="pids"/> has exited (or is gone); false on timeout.</summary>
    internal static bool WaitForExit(IReadOnlyList<int> pids, TimeSpan timeout) =>
        WaitForExit(pids, Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency));

    private static bool WaitForExit(IReadOnlyList<int> pids, long deadline)
    {
        var pidfds = new List<SafeFileHandle>(pids.Count);
        try
        {
            foreach (var pid in pids)
            {
                var fd = (int)LibC.syscall(LibC.SYS_pidfd_open, pid, 0);
                if (fd >= 0)
                {
                    pidfds.Add(new SafeFileHandle(fd, ownsHandle: true));
                    continue;
                }
                var errno = Marshal.GetLastPInvokeError();
                if (errno == Errno.ESRCH) continue; // already gone
                return PollProcUntilDead(pids, deadline); // no pidfd support: fall back to /proc
            }
            return WaitForPidfds(pidfds, deadline);
        }
        finally
        {
            foreach (var fd in pidfds) fd.Dispose();
        }
    }

    /// <summary>A pidfd becomes readable when its process exits, whoever its parent is.</summary>
    private static unsafe bool WaitForPidfds(List<SafeFileHandle> pidfds, long deadline)
    {
        var pending = new List<SafeFileHandle>(pidfds);
        while (pending.Count > 0)
        {
            var remainingMs = RemainingMs(deadline);
            if (remainingMs <= 0) return false;
            var fds = new LibC.PollFd[pending.Count];
            for (var i = 0; i < fds.Length; i++)
            {
                fds[i] = new LibC.PollFd { Fd = (int)pending[i].DangerousGetHandle(), Events = LibC.POLLIN };
            }
            int ready;
            fixed (LibC.PollFd* p = fds) ready = LibC.poll(p, (nuint)fds.Length, remainingMs);
            if (ready < 0 && Marshal.GetLastPInvokeError() != Errno.EINTR)
            {
                throw new InvalidOperationException($"poll on pidfds failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
            }
            for (var i = fds.Length - 1; i >= 0; i--)
            {
                if (fds[i].Revents != 0) pending.RemoveAt(i);
            }
        }
        return true;
    }

    private static bool PollProcUntilDead(IReadOnlyList<int> pids, long deadline)
    {
        while (pids.Any(pid => ProcStat.Read(pid) is { IsDead: false }))
        {
            if (RemainingMs(deadline) <= 0) return false;
            Thread.Sleep(FallbackPollInterval);
        }
        return true;
    }

    private static int RemainingMs(long deadline)
    {
        var ticks = deadline - Stopwatch.GetTimestamp();
        return ticks <= 0 ? 0 : (int)Math.Min(int.MaxValue, Math.Ceiling(ticks * 1000.0 / Stopwatch.Frequency));
    }
}
