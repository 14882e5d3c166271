using System.Collections.Immutable;
using Tui.Core.Config;
using Tui.Core.Config.Values;

namespace Tui.App.Export.Systemd;

/// <summary>
/// The .timer of a scheduled job: OnCalendar= from a cron schedule, or OnActiveSec= (the first run one interval after
/// the start, as in Tui) and OnUnitActiveSec= (then one per interval) from every. AccuracySec=1s, since systemd's
/// default of a minute would move the runs.
/// </summary>
internal static class TimerUnitWriter
{
    /// <summary>The timer, or null (with the reason in <paramref name="notes"/>) when the schedule has no systemd form.</summary>
    public static UnitFile? Write(ProcessConfig process, ScheduleConfig schedule, TuiConfig config, SystemdExportOptions options,
        UnitNames names, List<string> notes)
    {
        var timer = ImmutableArray.CreateBuilder<UnitLine>();
        switch (schedule.Spec)
        {
            case ScheduleSpec.Cron cron:
                if (!CronCalendar.TryConvert(cron.Expression, cron.TimeZone, out var calendar, out var problem))
                {
                    notes.Add($"schedule: {problem}; no timer was written");
                    return null;
                }
                timer.Add(UnitLine.Set("OnCalendar", calendar));
                break;
            case ScheduleSpec.Every every:
                timer.Add(UnitLine.Set("OnActiveSec", Duration.Format(every.Interval)));
                timer.Add(UnitLine.Set("OnUnitActiveSec", Duration.Format(every.Interval)));
                break;
        }
        timer.Add(UnitLine.Set("AccuracySec", "1s"));

        UnitLine[] unit =
        [
            UnitLine.Set("Description", UnitSyntax.Specifiers($"{options.Stack}: {process.Name} (schedule)")),
            UnitLine.Set("PartOf", process.Group is { } group ? names.GroupTarget(group) : names.StackTarget),
        ];
        return new UnitFile(names.Timer(process.Name),
            [ExportHeader.Generated(config), $"The schedule of {process.Name}: starts {names.Service(process.Name)}."],
            [new UnitSection("Unit", [.. unit]), new UnitSection("Timer", timer.ToImmutable())]);
    }
}
