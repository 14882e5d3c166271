using System.Diagnostics;
using Tui.Core.Processes;

namespace Tui.Storage.Orphans;

/// <summary>
/// Finds and stops the children an earlier Tui left running (it was killed or crashed), from its live-children file.
/// A recorded child counts only while its pid exists, is not a zombie, AND has the recorded start time: a pid the
/// system has since given to another process is never signalled. Run this before starting a new registry.
/// </summary>
public sealed class OrphanFinder(string registryPath, Func<int, ProcStatFields?>? readStat = null)
{
    /// <summary>How long a survivor gets to exit after SIGTERM before its group is SIGKILLed.</summary>
    public static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(5);

    /// <summary>After SIGKILL a group normally ends in milliseconds; this bounds the wait for one that does not.</summary>
    public static readonly TimeSpan KillWait = TimeSpan.FromSeconds(2);

    private readonly Func<int, ProcStatFields?> _readStat = readStat ?? ProcStatFile.TryRead;

    /// <summary>
    /// Set by <see cref="FindSurvivors"/>: the Tui that wrote the file still runs, so its children are not orphans
    /// (another Tui is running this config) and nothing is reported as a survivor.
    /// </summary>
    public bool OwnerStillRunning { get; private set; }

    /// <summary>The children of the last run that are still running (same pid, same start time).</summary>
    public IReadOnlyList<LiveChild> FindSurvivors()
    {
        OwnerStillRunning = false;
        if (LiveChildFile.Read(registryPath) is not { } contents) return [];
        if (contents.Owner is { } owner && IsSameLiveProcess(owner.Pid, owner.StartTicks))
        {
            OwnerStillRunning = true;
            return [];
        }
        return contents.Children.Where(IsSameLiveChild).ToList();
    }

    /// <summary>
    /// SIGTERM to each survivor's group, a wait of <paramref name="timeout"/> (default <see cref="DefaultStopTimeout"/>)
    /// for them all, then SIGKILL to the groups still alive. Blocks; meant for startup, before any child is launched.
    /// </summary>
    public IReadOnlyList<SurvivorStop> StopSurvivors(TimeSpan? timeout = null)
    {
        var targets = new List<Target>();
        var results = new List<SurvivorStop>();
        try
        {
            foreach (var child in FindSurvivors())
            {
                if (Claim(child) is { } target)
                {
                    targets.Add(target);
                    ProcessGroup.Signal(child.ProcessGroup, Signals.SIGTERM);
                }
                else
                {
                    results.Add(new SurvivorStop(child, StopOutcome.Vanished));
                }
            }
            var deadline = Stopwatch.GetTimestamp() + (long)((timeout ?? DefaultStopTimeout).TotalSeconds * Stopwatch.Frequency);
            WaitForLeaders(targets, deadline);
            // Members of a group got the same SIGTERM; they share what is left of the timeout.
            WaitForMembers(targets.Where(t => t.LeaderExited).Select(t => t.Child.ProcessGroup), deadline);
            foreach (var target in targets) results.Add(new SurvivorStop(target.Child, Finish(target)));
            return results;
        }
        finally
        {
            foreach (var target in targets)
            {
                if (target.Pidfd >= 0) PidfdCalls.Close(target.Pidfd);
            }
        }
    }

    private bool IsSameLiveProcess(int pid, long startTicks) => _readStat(pid) is { IsLive: true } stat && stat.StartTicks == startTicks;

    /// <summary>Still the recorded child, and still leading the recorded group (a group id of 1 or less would be init's or all processes).</summary>
    private bool IsSameLiveChild(LiveChild c) =>
        c.ProcessGroup > 1 && _readStat(c.Pid) is { IsLive: true } stat && stat.StartTicks == c.StartTicks && stat.ProcessGroup == c.ProcessGroup;

    /// <summary>
    /// Opens a pidfd first and checks the start time second: if the check passes, the pidfd names the recorded process
    /// (had the pid been reused in between, the check would have read the newcomer). Null when it is no longer ours.
    /// </summary>
    private Target? Claim(LiveChild child)
    {
        var fd = PidfdCalls.Open(child.Pid, out var errno);
        if (fd < 0 && errno != PidfdCalls.ENOSYS) return null; // ESRCH: gone
        if (!IsSameLiveChild(child))
        {
            if (fd >= 0) PidfdCalls.Close(fd);
            return null;
        }
        return new Target(child, fd);
    }

    private void WaitForLeaders(List<Target> targets, long deadline)
    {
        while (true)
        {
            var pending = targets.Where(t => !t.LeaderExited).ToList();
            var remaining = RemainingMs(deadline);
            if (pending.Count == 0 || remaining <= 0) return;
            var withFd = pending.Where(t => t.Pidfd >= 0).ToList();
            var withoutFd = pending.Where(t => t.Pidfd < 0).ToList();
            // Without pidfds (Linux < 5.3) there is no exit event for a process that is not our child: re-read /proc now and then.
            var wait = withoutFd.Count > 0 ? Math.Min(remaining, FallbackPollMs) : remaining;
            if (withFd.Count > 0)
            {
                var exited = PidfdCalls.WaitAny(withFd.Select(t => t.Pidfd).ToList(), wait);
                for (var i = 0; i < withFd.Count; i++) withFd[i].LeaderExited |= exited[i];
            }
            else
            {
                Thread.Sleep(wait);
            }
            foreach (var t in withoutFd) t.LeaderExited = !IsSameLiveChild(t.Child);
        }
    }

    /// <summary>Waits until no live member is left in any of the groups, or the deadline.</summary>
    private static void WaitForMembers(IEnumerable<int> groups, long deadline)
    {
        var members = groups.SelectMany(ProcessGroup.LiveMembers).ToList();
        var fds = new List<int>();
        try
        {
            foreach (var pid in members)
            {
                var fd = PidfdCalls.Open(pid, out _);
                if (fd >= 0) fds.Add(fd);
            }
            var pending = new List<int>(fds);
            while (pending.Count > 0 && RemainingMs(deadline) is var remaining and > 0)
            {
                var exited = PidfdCalls.WaitAny(pending, remaining);
                pending = pending.Where((_, i) => !exited[i]).ToList();
            }
        }
        finally
        {
            foreach (var fd in fds) PidfdCalls.Close(fd);
        }
    }

    /// <summary>Re-reading /proc every 20 ms costs nothing and adds at most that much to a stop.</summary>
    private const int FallbackPollMs = 20;

    private static StopOutcome Finish(Target target)
    {
        var pgid = target.Child.ProcessGroup;
        if (!target.LeaderExited)
        {
            // The leader is alive (its pidfd is not readable), so the group id is still its group: safe to SIGKILL.
            return ProcessGroup.KillGroupAndWait(pgid, KillWait) ? StopOutcome.Killed : StopOutcome.StillAlive;
        }
        // The leader is gone, but members that ignored SIGTERM keep the group (and so its id) alive.
        if (!ProcessGroup.IsAlive(pgid)) return StopOutcome.Terminated;
        return ProcessGroup.KillGroupAndWait(pgid, KillWait) ? StopOutcome.Killed : StopOutcome.StillAlive;
    }

    private static int RemainingMs(long deadline)
    {
        var ticks = deadline - Stopwatch.GetTimestamp();
        return ticks <= 0 ? 0 : (int)Math.Min(int.MaxValue, Math.Ceiling(ticks * 1000.0 / Stopwatch.Frequency));
    }

    private sealed class Target(LiveChild child, int pidfd)
    {
        public LiveChild Child { get; } = child;
        public int Pidfd { get; } = pidfd;
        public bool LeaderExited { get; set; }
    }
}
