using Tui.Core.Processes;
using Tui.Core.Supervision;

namespace Tui.Benchmarks;

/// <summary>
/// The events of a crash loop with no log output: per restart, the exit, the move to backoff, the scheduled restart,
/// the move back to starting, the new start and the move to running (six events), spread over a few processes.
/// </summary>
public static class HistoryChurnScript
{
    public const int EventsPerRestart = 6;
    private const int Processes = 10;

    public static SupervisorEvent[] Build(int restarts)
    {
        var at = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var events = new List<SupervisorEvent>(restarts * EventsPerRestart);
        var pids = Enumerable.Range(0, Processes).Select(i => 10_000 + i).ToArray();
        for (var i = 0; i < restarts; i++)
        {
            var p = i % Processes;
            var name = $"svc-{p}";
            var (oldPid, newPid) = (pids[p], pids[p] + Processes * (i / Processes + 1));
            at += TimeSpan.FromMilliseconds(250);
            events.Add(new ProcessExited(at, name, oldPid, new ExitStatus(1, null), TimeSpan.FromSeconds(2)));
            events.Add(new StateChanged(at, name, ProcessState.Running, ProcessState.Backoff, "exit 1", oldPid));
            events.Add(new RestartScheduled(at, name, i / Processes + 1, TimeSpan.FromMilliseconds(500), "crash: exit 1"));
            events.Add(new StateChanged(at, name, ProcessState.Backoff, ProcessState.Starting, "restart", null));
            events.Add(new ProcessStarted(at, name, newPid, i / Processes + 2));
            events.Add(new StateChanged(at, name, ProcessState.Starting, ProcessState.Running, "spawned", newPid));
            pids[p] = newPid;
        }
        return [.. events];
    }
}
