using System.Collections.Immutable;
using System.Globalization;
using Tui.Core.Config;
using Tui.Core.Config.Values;
using Tui.Core.Processes;

namespace Tui.App.Export.Systemd;

/// <summary>
/// The [Service] section: what runs (ExecStart, WorkingDirectory, Environment), how it restarts (Restart, RestartSec),
/// how it stops (KillMode=control-group, KillSignal, TimeoutStopSec: Tui too signals the whole process group) and its
/// limits (MemoryMax, RuntimeMaxSec).
/// </summary>
internal static class ServiceSectionWriter
{
    public static UnitSection Write(ProcessConfig process, SystemdExportOptions options, List<string> notes)
    {
        var lines = ImmutableArray.CreateBuilder<UnitLine>();
        lines.Add(UnitLine.Set("Type", ServiceType.Of(process)));
        // The program that calls sd_notify is often a child of /bin/sh -c, not the main process.
        if (process.Notify) lines.Add(UnitLine.Set("NotifyAccess", "all"));

        lines.Add(UnitLine.Set("ExecStart", UnitSyntax.ExecLine(Argv(process, options.Programs, notes))));
        lines.Add(UnitLine.Set("WorkingDirectory", UnitSyntax.Specifiers(UnitSyntax.OneLine(process.Cwd))));
        foreach (var (name, value) in process.Env.OrderBy(e => e.Key, StringComparer.Ordinal))
            lines.Add(UnitLine.Set("Environment", UnitSyntax.EnvironmentAssignment(name, value)));

        lines.Add(UnitLine.Set("Restart", process.Restart switch
        {
            RestartPolicy.Always => "always",
            RestartPolicy.OnFailure => "on-failure",
            _ => "no",
        }));
        if (process.Restart != RestartPolicy.No) AddBackoff(lines, process.Backoff);

        lines.Add(UnitLine.Set("KillMode", "control-group"));
        lines.Add(UnitLine.Set("KillSignal", Signals.Name(process.StopSignal)));
        lines.Add(UnitLine.Set("TimeoutStopSec", Duration.Format(process.StopTimeout)));

        if (process.Limits is { } limits) AddLimits(lines, limits, ServiceType.IsOneShot(process));
        if (process is { Notify: true, HeartbeatTimeout: { } heartbeat })
            lines.Add(UnitLine.Set("WatchdogSec", Duration.Format(heartbeat)));
        return new UnitSection("Service", lines.ToImmutable());
    }

    /// <summary>
    /// A shell line runs as /bin/sh -c LINE, as in Tui. An argv's program is made absolute (systemd wants a path and
    /// verify checks it); one found nowhere stays bare, with a note.
    /// </summary>
    private static ImmutableArray<string> Argv(ProcessConfig process, ProgramPaths programs, List<string> notes)
    {
        var argv = process.Command.Argv;
        if (process.Command is CommandSpec.Shell) return argv;
        if (programs.Resolve(argv[0], process.Cwd, process.Env) is { } path) argv = argv.SetItem(0, path);
        else notes.Add($"program \"{argv[0]}\" is not on the PATH here; ExecStart= names it bare, and systemd looks for it in its own search path");
        if (argv[0].Any(c => c is '"' or '\'' or '\\' || char.IsControl(c)))
            notes.Add($"program \"{UnitSyntax.OneLine(argv[0])}\": systemd refuses quotes, backslashes and control characters in the program's path");
        return argv;
    }

    /// <summary>
    /// RestartSec= is the first delay. The growth (factor, max) needs RestartSteps=/RestartMaxDelaySec=, which systemd
    /// knows from version 254 on; older ones warn about unknown keys, so they are offered as a comment.
    /// </summary>
    private static void AddBackoff(ImmutableArray<UnitLine>.Builder lines, BackoffConfig backoff)
    {
        lines.Add(UnitLine.Set("RestartSec", Duration.Format(backoff.Initial)));
        if (backoff.Factor <= 1 || backoff.Max <= backoff.Initial) return;
        var steps = (int)Math.Ceiling(Math.Log(backoff.Max / backoff.Initial) / Math.Log(backoff.Factor));
        lines.Add(UnitLine.Comment($"Tui multiplies the delay by {backoff.Factor.ToString(CultureInfo.InvariantCulture)} up to {Duration.Format(backoff.Max)}; " +
                                   $"with systemd 254 or later add: RestartSteps={steps} RestartMaxDelaySec={Duration.Format(backoff.Max)}"));
    }

    /// <summary>A limit whose action is only a warning has no systemd form (see <see cref="Inexpressible"/>).</summary>
    private static void AddLimits(ImmutableArray<UnitLine>.Builder lines, LimitsConfig limits, bool oneShot)
    {
        if (limits is { MaxMemoryBytes: { } memory, OnMemory: not LimitAction.Warn })
            lines.Add(UnitLine.Set("MemoryMax", memory.ToString(CultureInfo.InvariantCulture)));
        if (limits is { MaxRuntime: { } runtime, OnRuntime: not LimitAction.Warn })
        {
            // RuntimeMaxSec= has no effect on a oneshot service, whose whole run is its start.
            lines.Add(UnitLine.Set(oneShot ? "TimeoutStartSec" : "RuntimeMaxSec", Duration.Format(runtime)));
        }
    }
}
