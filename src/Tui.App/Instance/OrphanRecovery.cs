using Tui.Storage.Orphans;

namespace Tui.App.Instance;

/// <summary>
/// Before a configuration starts: the children an earlier Tui of it left running (it was SIGKILLed, or crashed) are
/// found from its live-children file (same pid AND same /proc start time, so a reused pid is never touched), reported,
/// and stopped (SIGTERM to the group, SIGKILL after a timeout). They cannot be adopted: their output pipes died with
/// the old Tui, so they are stopped and the new run starts them afresh.
/// </summary>
internal static class OrphanRecovery
{
    /// <summary>Stops the survivors recorded at <paramref name="registryPath"/>; one line per survivor on <paramref name="report"/>.</summary>
    public static IReadOnlyList<SurvivorStop> Run(string registryPath, TextWriter report, TimeSpan? timeout = null)
    {
        var finder = new OrphanFinder(registryPath);
        var survivors = finder.FindSurvivors();
        if (finder.OwnerStillRunning || survivors.Count == 0) return [];
        report.WriteLine($"tui: {survivors.Count} process{(survivors.Count == 1 ? "" : "es")} of an earlier run still running: " +
            string.Join(", ", survivors.Select(s => $"{s.Process} (pid {s.Pid})")) + "; stopping them");
        var stops = finder.StopSurvivors(timeout);
        foreach (var stop in stops.Where(s => s.Outcome == StopOutcome.StillAlive))
        {
            report.WriteLine($"tui: {stop.Child.Process} (pid {stop.Child.Pid}) survived SIGKILL; it is still running");
        }
        return stops;
    }
}
