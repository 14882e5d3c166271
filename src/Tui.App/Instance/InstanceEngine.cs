using System.Reactive.Concurrency;
using Tui.Core.Config;
using Tui.Core.Health;
using Tui.Core.Processes;
using Tui.Core.Stats;
using Tui.Core.Supervision;
using Tui.Core.Watching;

namespace Tui.App.Instance;

/// <summary>The engine of a real instance (monitor, headless, daemon): real processes, clock, file watching and health.</summary>
internal static class InstanceEngine
{
    /// <param name="alwaysSampleStats">
    /// Whether CPU and memory are sampled even when no limit needs them: a screen or a client that may attach shows
    /// them; a headless run prints none, so there a /proc scan a second is spent only for max_memory/max_cpu.
    /// </param>
    public static Supervisor Create(TuiConfig config, bool alwaysSampleStats) =>
        new(config, new SupervisorOptions(new PosixProcessLauncher(), DefaultScheduler.Instance)
        {
            StatsSource = alwaysSampleStats || ProcessMonitor.NeedsStats(config) ? new ProcStatsSource() : null,
            FileWatcher = SystemFileWatcher.Instance,
            Monitor = ProcessMonitor.For(config, DefaultScheduler.Instance),
        });
}
