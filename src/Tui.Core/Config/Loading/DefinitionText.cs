using System.Globalization;
using System.Text;
using System.Text.Json;
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
        var text = new StringBuilder();
        Line("command", Quote(p.Command is CommandSpec.Shell ? "shell" : "exec") + " " + List(p.Command.Argv));
        Line("cwd", Quote(p.Cwd));
        foreach (var (key, value) in p.Env.OrderBy(e => e.Key, StringComparer.Ordinal))
            Line("env " + Quote(key), Quote(value));
        Line("kind", p.Kind.ToString());
        Line("disabled", Bool(p.Disabled));
        Line("tty", Bool(p.Tty));
        Line("restart", $"{p.Restart} max={p.MaxRestarts?.ToString(CultureInfo.InvariantCulture) ?? "unlimited"} window={Duration.Format(p.RestartWindow)}");
        Line("backoff", $"initial={Duration.Format(p.Backoff.Initial)} factor={p.Backoff.Factor.ToString("R", CultureInfo.InvariantCulture)} " +
                        $"max={Duration.Format(p.Backoff.Max)} reset_after={Duration.Format(p.Backoff.ResetAfter)}");
        Line("stop", $"{Signals.Name(p.StopSignal)} timeout={Duration.Format(p.StopTimeout)}");
        foreach (var dependency in p.DependsOn.OrderBy(d => d.Name, StringComparer.Ordinal))
            Line("depends_on " + Quote(dependency.Name), dependency.Condition.ToString());
        if (p.Watch is { } watch)
        {
            Line("watch", $"paths={List(watch.Paths)} ignore={List(watch.Ignore)} debounce={Duration.Format(watch.Debounce)} " +
                          $"signal={(watch.Signal is { } s ? Signals.Name(s) : "restart")}");
        }
        if (p.Readiness is { } readiness) Line("readiness", Check(readiness));
        if (p.Liveness is { } liveness) Line("liveness", Check(liveness));
        if (p.Limits is { } limits)
        {
            Line("limits", $"memory={limits.MaxMemoryBytes?.ToString(CultureInfo.InvariantCulture) ?? "none"}:{limits.OnMemory} " +
                           $"cpu={limits.MaxCpuPercent?.ToString("R", CultureInfo.InvariantCulture) ?? "none"}:{limits.OnCpu} " +
                           $"runtime={(limits.MaxRuntime is { } runtime ? Duration.Format(runtime) : "none")}:{limits.OnRuntime} window={Duration.Format(limits.Window)}");
        }
        if (p.HeartbeatTimeout is { } heartbeat) Line("heartbeat_timeout", Duration.Format(heartbeat));
        if (p.Notify) Line("notify", "true");
        foreach (var (name, schema) in p.Events.OrderBy(e => e.Key, StringComparer.Ordinal))
            Line("event " + Quote(name), List(schema.Fields.Select(f => $"{f.Name}:{f.Type}{(f.Optional ? "?" : "")}")));
        return text.ToString();

        void Line(string key, string value) => text.Append(key).Append(' ').Append(value).Append('\n');
    }

    private static string Check(HealthCheckConfig check) =>
        $"{Probe(check.Probe)} interval={Duration.Format(check.Interval)} timeout={Duration.Format(check.Timeout)} " +
        $"retries={check.Retries.ToString(CultureInfo.InvariantCulture)} start_period={Duration.Format(check.StartPeriod)}";

    private static string Probe(ProbeSpec probe) => probe switch
    {
        ProbeSpec.Exec exec => "exec " + Quote(exec.Command is CommandSpec.Shell ? "shell" : "exec") + " " + List(exec.Command.Argv),
        ProbeSpec.Http http => $"http {Quote(http.Url.ToString())} status={http.MinStatus}-{http.MaxStatus} body={Quote(http.BodyPattern ?? "")}",
        _ => Quote(probe.Display),
    };

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Quote(string value) => JsonSerializer.Serialize(value);

    private static string List(IEnumerable<string> values) => "[" + string.Join(",", values.Select(Quote)) + "]";
}
