using Tui.Core.Config;

namespace Tui.App.Export.Systemd;

/// <summary>
/// Turns a config into systemd units: a .service per process (each replica its own, as Tui runs them: own name,
/// own TUI_REPLICA), a .timer per scheduled job, a .target per group and one for the stack. Pure: the same config
/// and options give the same units, in config order; writing them is the command's business.
/// </summary>
internal static class SystemdExporter
{
    public static SystemdExport Export(TuiConfig config, SystemdExportOptions options)
    {
        var names = new UnitNames(options.Stack);
        var services = new List<UnitFile>();
        var notes = new List<ExportNote>();
        // Groups in the order they first appear, each with the units it wants.
        var groups = new List<(string Group, List<string> Wants)>();
        var stackWants = new List<string>();

        foreach (var process in config.Processes)
        {
            var wants = stackWants;
            if (process.Group is { } group)
            {
                var index = groups.FindIndex(g => g.Group == group);
                if (index < 0)
                {
                    groups.Add((group, []));
                    stackWants.Add(names.GroupTarget(group));
                    index = groups.Count - 1;
                }
                wants = groups[index].Wants;
            }

            var scheduleNotes = new List<string>();
            var timer = process.Schedule is { } schedule
                ? TimerUnitWriter.Write(process, schedule, config, options, names, scheduleNotes)
                : null;
            var (service, processNotes) = ServiceUnitWriter.Write(process, config, options, names, timer, scheduleNotes);
            services.Add(service);
            if (timer is not null) services.Add(timer);
            notes.AddRange(processNotes.Select(n => new ExportNote(process.Name, n)));

            if (WantedUnit(process, timer, names) is { } wanted) wants.Add(wanted);
        }

        // The pool is the stack's, not a process's: its note goes on the stack target.
        var stackNotes = config.Settings.Pool == PoolSettings.Unlimited ? [] : new[] { PoolNote };
        notes.AddRange(stackNotes.Select(n => new ExportNote(StackNoteOwner, n)));
        var targets = groups.Select(g => TargetUnitWriter.Group(g.Group, g.Wants, config, options, names))
            .Append(TargetUnitWriter.Stack(stackWants, stackNotes, config, options, names));
        return new SystemdExport([.. services, .. targets], [.. notes]);
    }

    /// <summary>The name notes about the whole stack are given under (no process can be called so: it has brackets).</summary>
    public const string StackNoteOwner = "[settings]";

    /// <summary>Jobs queue for the pool in Tui; under systemd each starts on its own.</summary>
    public const string PoolNote = "the jobs pool (max_concurrent_jobs and its admission limits): systemd has no pool; each job starts when its timer or target says";

    /// <summary>What the process's target starts: its timer when scheduled, the service when it autostarts, else nothing.</summary>
    private static string? WantedUnit(ProcessConfig process, UnitFile? timer, UnitNames names) =>
        process.Disabled ? null
        : process.Schedule is not null ? timer?.FileName
        : process.Autostart ? names.Service(process.Name)
        : null;
}
