namespace Tui.Core.Config;

/// <summary>The [settings] table, with defaults filled in.</summary>
/// <param name="LogDirectory">Where per-process log files go; null means the default state directory.</param>
/// <param name="HistoryPath">SQLite history database; null means the default state directory.</param>
/// <param name="LogRingLines">Lines kept in memory per process for the screen.</param>
/// <param name="LogMaxSize">Bytes a log file may reach before it is rotated.</param>
/// <param name="LogMaxFiles">Rotated files kept per process.</param>
public sealed record Settings(
    string? LogDirectory,
    string? HistoryPath,
    string Theme,
    TimeSpan ShutdownTimeout,
    int LogRingLines,
    long LogMaxSize,
    int LogMaxFiles)
{
    /// <summary>The jobs' concurrency pool (settings.max_concurrent_jobs and friends); unlimited by default.</summary>
    public PoolSettings Pool { get; init; } = PoolSettings.Unlimited;

    /// <summary>[settings.api]: whether up and up -d serve the HTTP API too, and where; off by default.</summary>
    public ApiSettings Api { get; init; } = ApiSettings.Off;

    public static Settings Default { get; } = new(
        LogDirectory: null,
        HistoryPath: null,
        Theme: "default",
        ShutdownTimeout: TimeSpan.FromSeconds(10),
        LogRingLines: 10_000,
        LogMaxSize: 10 * 1024 * 1024,
        LogMaxFiles: 3);
}
