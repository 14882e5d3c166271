using System.Reactive.Concurrency;
using Tui.Core.Config;
using Tui.Core.Health;
using Tui.Core.Logs;
using Tui.Core.Processes;
using Tui.Core.Stats;
using Tui.Core.Supervision;
using Tui.Core.Watching;
using Tui.Storage;

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
            Log = LogOptions.From(config.Settings, PrivateLogDirectory(config)),
        });

    /// <summary>
    /// The default log folder is made 0700 here (children's output may hold secrets); a folder named in settings.log_dir
    /// is the user's to shape. A folder that cannot be made is left to the log files, which say so on the screen.
    /// </summary>
    private static string PrivateLogDirectory(TuiConfig config)
    {
        var directory = StatePaths.LogDirectory(config);
        if (config.Settings.LogDirectory is null && !OperatingSystem.IsWindows())
        {
            try
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Reported per process when its log file cannot be opened; supervision goes on without files.
            }
        }
        return directory;
    }
}
