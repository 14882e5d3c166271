namespace Tui.Storage.Reading;

/// <summary>How much happened in a window: the numbers a summary line or the monitor's history view shows.</summary>
/// <param name="HealthFailures">Warnings and errors about a process (probe failures arrive as notices).</param>
/// <param name="ConfigErrors">Reloads rejected because the config was invalid.</param>
public sealed record HistoryCounts(long Runs, long Restarts, long Transitions, long HealthFailures, long Reloads, long ConfigErrors);
