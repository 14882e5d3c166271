using System.Collections.Immutable;
using Tui.Core.Config;

namespace Tui.App.Export.Systemd;

/// <summary>
/// A process's .service unit: a header saying where it comes from and what it cannot do as Tui would, then [Unit]
/// and [Service]. It has no [Install]: the group or stack target wants it (or its timer), so enabling the stack
/// target is enough.
/// </summary>
internal static class ServiceUnitWriter
{
    /// <summary>The unit, and everything it cannot express: <paramref name="earlierNotes"/> (its timer's) and its own.</summary>
    /// <param name="timer">The process's timer, if it is scheduled and the schedule could be written.</param>
    public static (UnitFile Unit, ImmutableArray<string> Notes) Write(ProcessConfig process, TuiConfig config,
        SystemdExportOptions options, UnitNames names, UnitFile? timer, IReadOnlyList<string> earlierNotes)
    {
        var collected = new List<string>(earlierNotes);
        var unit = UnitSectionWriter.Write(process, config, options, names, collected);
        var service = ServiceSectionWriter.Write(process, options, collected);
        collected.AddRange(Inexpressible.Of(process));
        ImmutableArray<string> notes = [.. collected];

        var header = ImmutableArray.CreateBuilder<string>();
        header.Add(ExportHeader.Generated(config));
        header.Add($"Process {process.Name}" + (process.Group is { } group ? $" of group {group}" : "") + $" in stack {options.Stack}.");
        if (process.Disabled) header.Add("disabled = true: no target wants it; it runs only when started by hand.");
        else if (timer is not null) header.Add($"Scheduled: {timer.FileName} starts it.");
        else if (process.Schedule is not null) header.Add("Scheduled, but its schedule has no systemd form (below): no target wants it.");
        else if (!process.Autostart) header.Add("autostart = false: no target wants it; start it with systemctl start.");
        header.AddRange(ExportHeader.Inexpressible(notes));
        return (new UnitFile(names.Service(process.Name), header.ToImmutable(), [unit, service]), notes);
    }
}
