using Tui.Core.Config;
using Tui.Core.Config.Values;

namespace Tui.App.Export.Systemd;

/// <summary>
/// What of a process Tui does and its units will not: checks systemd does not run, features it has no key for, and
/// limits whose action differs. Each text names the config key, so a reader finds what to redo by other means.
/// </summary>
internal static class Inexpressible
{
    public static IEnumerable<string> Of(ProcessConfig process)
    {
        if (process.Readiness is { } readiness)
            yield return $"readiness check ({readiness.Probe.Display}): systemd does not run it; it counts the process ready " +
                         (process.Notify ? "on READY=1 alone" : "once it has started");
        if (process.Liveness is { } liveness)
            yield return $"liveness check ({liveness.Probe.Display}): systemd does not run it, so a failing check restarts nothing";
        if (process.Watch is { } watch)
            yield return $"watch ({string.Join(", ", watch.Paths)}): systemd does not restart it when these files change";
        if (process.Tty)
            yield return "tty = true: systemd gives it no terminal; its output goes to the journal through a pipe";
        if (process.Stdin)
            yield return "stdin = true: systemd gives it no input to type into (StandardInput= could name a socket or fifo)";
        if (process.HeartbeatTimeout is { } heartbeat)
            yield return process.Notify
                ? $"heartbeat_timeout = \"{Duration.Format(heartbeat)}\" is WatchdogSec=: only WATCHDOG=1 through NOTIFY_SOCKET counts, not Tui heartbeat events"
                : $"heartbeat_timeout = \"{Duration.Format(heartbeat)}\": systemd's watchdog needs notify = true (WATCHDOG=1)";
        var events = process.Events.Keys.Where(e => e != EventSchema.ProgressEvent).Order(StringComparer.Ordinal).ToList();
        if (events.Count > 0)
            yield return $"events ({string.Join(", ", events)}): systemd does not read typed child events";
        if (process.Priority != 0)
            yield return $"priority = {process.Priority}: systemd has no job queue to order";
        if (process.Schedule is { Overlap: OverlapPolicy.Queue })
            yield return "overlap = \"queue\": systemd skips a run that comes due while the previous one still runs";
        if (process.Limits is { } limits)
        {
            foreach (var note in OfLimits(limits, process.Restart)) yield return note;
        }
    }

    private static IEnumerable<string> OfLimits(LimitsConfig limits, RestartPolicy restart)
    {
        if (limits.MaxCpuPercent is { } cpu)
            yield return $"max_cpu = {cpu}%: systemd can only throttle the CPU (CPUQuota=), not {Verb(limits.OnCpu)} the process";
        if (limits.MaxMemoryBytes is not null)
        {
            if (limits.OnMemory == LimitAction.Warn)
                yield return "max_memory with on_memory = \"warn\": systemd has no warning-only limit, so MemoryMax= is left out";
            else
                yield return "max_memory: systemd's MemoryMax= acts at once on the current usage, not on an average over the limits window" +
                             (limits.OnMemory == LimitAction.Stop && restart != RestartPolicy.No ? "; after the kill Restart= still applies (on_memory = \"stop\")" : "");
        }
        if (limits.MaxRuntime is not null)
        {
            if (limits.OnRuntime == LimitAction.Warn)
                yield return "max_runtime with on_runtime = \"warn\": systemd has no warning-only limit, so the runtime limit is left out";
            else if (limits.OnRuntime == LimitAction.Stop && restart != RestartPolicy.No)
                yield return "max_runtime with on_runtime = \"stop\": systemd counts the timeout as a failure, and Restart= restarts it";
        }
    }

    private static string Verb(LimitAction action) => action switch
    {
        LimitAction.Restart => "restart",
        LimitAction.Stop => "stop",
        _ => "warn about",
    };
}
