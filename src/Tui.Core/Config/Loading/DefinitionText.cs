using System.Globalization;
using System.Text;
using Tui.Core.Config.Values;
using Tui.Core.Processes;

namespace Tui.Core.Config.Loading;

/// <summary>
/// Writes <see cref="ProcessConfig.Definition"/>: one line per setting that affects how the process runs, in a fixed
/// order with env sorted, so that two loads of an equivalent table give equal strings. Left out on purpose:
/// the group (a label), autostart (only read at start-up) and the position (moves with unrelated edits);
/// changing those alone should not restart anything on reload.
/// </summary>
internal static class DefinitionText
{
    public static string Of(ProcessConfig p)
    {
        var text = new StringBuilder(256);
        text.Append("command ").Append(p.Command is CommandSpec.Shell ? "shell " : "exec ");
        AppendList(text, p.Command.Argv);
        text.Append("\ncwd ");
        AppendQuoted(text, p.Cwd);
        foreach (var (key, value) in p.Env.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append("\nenv ");
            AppendQuoted(text, key);
            text.Append(' ');
            AppendQuoted(text, value);
        }
        text.Append("\nkind ").Append(p.Kind.ToString())
            .Append("\ndisabled ").Append(Bool(p.Disabled))
            .Append("\ntty ").Append(Bool(p.Tty))
            .Append("\nrestart ").Append(p.Restart.ToString())
            .Append(" max=").Append(p.MaxRestarts?.ToString(CultureInfo.InvariantCulture) ?? "unlimited")
            .Append(" window=").Append(Duration.Format(p.RestartWindow))
            .Append("\nbackoff initial=").Append(Duration.Format(p.Backoff.Initial))
            .Append(" factor=").Append(p.Backoff.Factor.ToString("R", CultureInfo.InvariantCulture))
            .Append(" max=").Append(Duration.Format(p.Backoff.Max))
            .Append(" reset_after=").Append(Duration.Format(p.Backoff.ResetAfter))
            .Append("\nstop ").Append(Signals.Name(p.StopSignal))
            .Append(" timeout=").Append(Duration.Format(p.StopTimeout));
        foreach (var dependency in p.DependsOn.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            text.Append("\ndepends_on ");
            AppendQuoted(text, dependency.Name);
            text.Append(' ').Append(dependency.Condition.ToString());
        }
        if (p.Watch is { } watch)
        {
            text.Append("\nwatch paths=");
            AppendList(text, watch.Paths);
            text.Append(" ignore=");
            AppendList(text, watch.Ignore);
            text.Append(" debounce=").Append(Duration.Format(watch.Debounce))
                .Append(" signal=").Append(watch.Signal is { } s ? Signals.Name(s) : "restart");
        }
        if (p.Readiness is { } readiness) AppendCheck(text.Append("\nreadiness "), readiness);
        if (p.Liveness is { } liveness) AppendCheck(text.Append("\nliveness "), liveness);
        if (p.Limits is { } limits)
        {
            text.Append("\nlimits memory=").Append(limits.MaxMemoryBytes?.ToString(CultureInfo.InvariantCulture) ?? "none").Append(':').Append(limits.OnMemory.ToString())
                .Append(" cpu=").Append(limits.MaxCpuPercent?.ToString("R", CultureInfo.InvariantCulture) ?? "none").Append(':').Append(limits.OnCpu.ToString())
                .Append(" runtime=").Append(limits.MaxRuntime is { } runtime ? Duration.Format(runtime) : "none").Append(':').Append(limits.OnRuntime.ToString())
                .Append(" window=").Append(Duration.Format(limits.Window));
        }
        if (p.HeartbeatTimeout is { } heartbeat) text.Append("\nheartbeat_timeout ").Append(Duration.Format(heartbeat));
        if (p.Notify) text.Append("\nnotify true");
        if (p.Stdin) text.Append("\nstdin true");
        if (p.Schedule is { } schedule) AppendSchedule(text, schedule);
        foreach (var (name, schema) in p.Events.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append("\nevent ");
            AppendQuoted(text, name);
            text.Append(' ');
            AppendList(text, schema.Fields.Select(f => $"{f.Name}:{f.Type}{(f.Optional ? "?" : "")}"));
        }
        return text.Append('\n').ToString();
    }

    /// <summary>The priority is left out: it only orders the pool's queue, which a reload re-reads without a restart.</summary>
    private static void AppendSchedule(StringBuilder text, ScheduleConfig schedule)
    {
        switch (schedule.Spec)
        {
            case ScheduleSpec.Cron cron:
                text.Append("\nschedule cron ");
                AppendQuoted(text, cron.Expression);
                text.Append(" timezone=");
                AppendQuoted(text, cron.TimeZone.Id);
                break;
            case ScheduleSpec.Every every:
                text.Append("\nschedule every ").Append(Duration.Format(every.Interval));
                break;
        }
        text.Append(" overlap=").Append(schedule.Overlap.ToString());
    }

    private static void AppendCheck(StringBuilder text, HealthCheckConfig check)
    {
        switch (check.Probe)
        {
            case ProbeSpec.Exec exec:
                text.Append("exec ").Append(exec.Command is CommandSpec.Shell ? "shell " : "exec ");
                AppendList(text, exec.Command.Argv);
                break;
            case ProbeSpec.Http http:
                text.Append("http ");
                AppendQuoted(text, http.Url.ToString());
                text.Append(" status=").Append(http.MinStatus).Append('-').Append(http.MaxStatus).Append(" body=");
                AppendQuoted(text, http.BodyPattern ?? "");
                break;
            default:
                AppendQuoted(text, check.Probe.Display);
                break;
        }
        text.Append(" interval=").Append(Duration.Format(check.Interval))
            .Append(" timeout=").Append(Duration.Format(check.Timeout))
            .Append(" retries=").Append(check.Retries.ToString(CultureInfo.InvariantCulture))
            .Append(" start_period=").Append(Duration.Format(check.StartPeriod));
    }

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>A double-quoted string with \ " and control characters escaped, so that no value can fake a line.</summary>
    private static void AppendQuoted(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\') text.Append('\\').Append(c);
            else if (c < ' ') text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else text.Append(c);
        }
        text.Append('"');
    }

    private static void AppendList(StringBuilder text, IEnumerable<string> values)
    {
        text.Append('[');
        var first = true;
        foreach (var value in values)
        {
            if (!first) text.Append(',');
            AppendQuoted(text, value);
            first = false;
        }
        text.Append(']');
    }
}
