namespace Tui.Core.Config.Loading;

/// <summary>Reads [settings], filling in <see cref="Config.Settings.Default"/> for what is not written.</summary>
internal static class SettingsReader
{
    /// <summary>The ring is per process and in memory; a million lines is already hundreds of MB across a few busy processes.</summary>
    public const int MaxLogLines = 1_000_000;

    /// <summary>A log file smaller than this would rotate on nearly every burst of output.</summary>
    public const long MinLogFileSize = 1024;

    /// <summary>More rotated files than this per process is a typo, not a retention policy.</summary>
    public const int MaxLogFiles = 1000;

    public static Settings Read(TableReader? table, string baseDirectory)
    {
        var defaults = Settings.Default;
        if (table is null) return defaults;
        return new Settings(
            LogDirectory: Paths.Resolve(baseDirectory, table.String("log_dir")) ?? defaults.LogDirectory,
            HistoryPath: Paths.Resolve(baseDirectory, table.String("history")) ?? defaults.HistoryPath,
            Theme: table.String("theme") ?? defaults.Theme,
            ShutdownTimeout: table.Duration("shutdown_timeout") ?? defaults.ShutdownTimeout,
            LogRingLines: (int?)table.Integer("log_lines", 1, MaxLogLines) ?? defaults.LogRingLines,
            LogMaxSize: table.Size("log_max_size", MinLogFileSize) ?? defaults.LogMaxSize,
            LogMaxFiles: (int?)table.Integer("log_max_files", 0, MaxLogFiles) ?? defaults.LogMaxFiles)
        {
            Pool = ReadPool(table),
            Api = ReadApi(table, baseDirectory),
        };
    }

    /// <summary>More jobs at once than this is a typo: each is a real process with its own pipes.</summary>
    public const int MaxConcurrentJobs = 10_000;

    /// <summary>A load average above this is not a threshold any machine reaches; it is a typo.</summary>
    public const double MaxLoad = 100_000;

    private static PoolSettings ReadPool(TableReader table)
    {
        var hard = (int?)table.Integer("max_concurrent_jobs", 1, MaxConcurrentJobs);
        var soft = (int?)table.Integer("soft_max_concurrent_jobs", 1, MaxConcurrentJobs);
        if (hard is { } h && soft is { } s && s >= h)
        {
            table.Error(table.Node("soft_max_concurrent_jobs")!.Position,
                $"soft_max_concurrent_jobs ({s}) must be less than max_concurrent_jobs ({h}): jobs beyond the hard limit wait, so the soft one would never warn");
            soft = null;
        }
        var load = table.Number("max_load", 0, MaxLoad);
        if (load == 0)
        {
            table.Error(table.Node("max_load")!.Position, "max_load must be above 0 (a load of 0 is never reached, so no job would start)");
            load = null;
        }
        return new PoolSettings(hard, soft, table.Size("min_free_memory", 1), load);
    }

    /// <summary>
    /// [settings.api]: writing the table turns the API on (enabled = false keeps it written but off). A TCP listen
    /// address must be a loopback one: serving beyond this machine is only for an explicit tui serve --listen.
    /// </summary>
    private static ApiSettings ReadApi(TableReader settings, string baseDirectory)
    {
        if (settings.Table("api") is not { } table) return ApiSettings.Off;
        var api = new TableReader(table, "in [settings.api]", ConfigKeys.Api, settings.Errors, prefix: "api.");
        var enabled = api.Bool("enabled") ?? true;
        if (api.String("listen") is not { } listen) return new ApiSettings(enabled, null);
        var position = api.Node("listen")!.Position;
        if (!ApiEndpoint.TryParse(listen, out var endpoint, out var error, baseDirectory))
        {
            api.Error(position, $"api.listen: {error}");
            return new ApiSettings(enabled, null);
        }
        if (endpoint is ApiEndpoint.Tcp { IsLoopback: false } tcp)
        {
            api.Error(position, $"api.listen: {tcp.Address} is not a loopback address; a config may only serve this machine "
                + "(127.0.0.1:PORT), use tui serve --listen to serve beyond it");
            return new ApiSettings(enabled, null);
        }
        return new ApiSettings(enabled, endpoint is ApiEndpoint.Unix unix ? "unix:" + unix.Path : listen);
    }
}
