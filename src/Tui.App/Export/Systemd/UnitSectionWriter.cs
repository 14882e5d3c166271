using System.Collections.Immutable;
using Tui.Core.Config;
using Tui.Core.Config.Values;

namespace Tui.App.Export.Systemd;

/// <summary>
/// The [Unit] section of a process's service: its description, the target it belongs to (PartOf=, so stopping the
/// group stops it), After=/Requires= from depends_on, and the restart limit from max_restarts/restart_window.
/// </summary>
internal static class UnitSectionWriter
{
    public static UnitSection Write(ProcessConfig process, TuiConfig config, SystemdExportOptions options, UnitNames names, List<string> notes)
    {
        var lines = ImmutableArray.CreateBuilder<UnitLine>();
        lines.Add(UnitLine.Set("Description", UnitSyntax.Specifiers(UnitSyntax.OneLine($"{options.Stack}: {process.Name}"))));
        lines.Add(UnitLine.Set("PartOf", process.Group is { } group ? names.GroupTarget(group) : names.StackTarget));

        if (!process.DependsOn.IsEmpty)
        {
            var units = string.Join(' ', process.DependsOn.Select(d => names.Service(d.Name)));
            lines.Add(UnitLine.Set("After", units));
            lines.Add(UnitLine.Set("Requires", units));
            foreach (var dependency in process.DependsOn)
            {
                if (DependencyNote(dependency, config.Find(dependency.Name)) is { } note) notes.Add(note);
            }
        }

        // systemd counts starts where Tui counts restarts: N restarts in the window are N + 1 starts.
        if (process.Restart != RestartPolicy.No)
        {
            if (process.MaxRestarts is { } max)
            {
                lines.Add(UnitLine.Set("StartLimitIntervalSec", Duration.Format(process.RestartWindow)));
                lines.Add(UnitLine.Set("StartLimitBurst", (max + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            else
            {
                // No max_restarts: Tui retries for ever, so systemd's default limit (5 starts in 10s) is switched off.
                lines.Add(UnitLine.Set("StartLimitIntervalSec", "0"));
            }
        }
        return new UnitSection("Unit", lines.ToImmutable());
    }

    /// <summary>
    /// After= waits for the dependency's start to finish: for exec that is "running", for notify READY=1, for a
    /// oneshot job its successful end. Where that is not what the condition asks, say so.
    /// </summary>
    private static string? DependencyNote(Dependency dependency, ProcessConfig? target)
    {
        if (target is null) return null;
        var oneShot = ServiceType.IsOneShot(target);
        return dependency.Condition switch
        {
            DependencyCondition.Healthy when target.Readiness is not null =>
                $"depends_on {dependency.Name} (healthy): systemd cannot wait for its readiness check; it waits until {dependency.Name} {Started(target)}",
            DependencyCondition.CompletedSuccessfully when !oneShot =>
                $"depends_on {dependency.Name} (completed_successfully): {dependency.Name} is not a oneshot job, so systemd waits only until it {Started(target)}",
            DependencyCondition.Started when oneShot =>
                $"depends_on {dependency.Name} (started): {dependency.Name} is a oneshot job, so systemd waits until it has finished",
            _ => null,
        };
    }

    private static string Started(ProcessConfig target) => target.Notify ? "has sent READY=1" : "has started";
}
