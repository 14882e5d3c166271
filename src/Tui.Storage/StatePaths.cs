using Tui.Core.Config;

namespace Tui.Storage;

/// <summary>
/// Where Tui keeps the state of one config file between runs: its history database and its live-children file.
/// Each config gets its own files, named after the config's file name (for a person listing the folder)
/// plus a hash of its absolute path (so two "processes.toml" in different projects never share a history).
/// </summary>
public static class StatePaths
{
    public const string AppFolder = "tui";
    public const string HistorySuffix = ".history.db";
    public const string LiveChildrenSuffix = ".children";
    public const string LogsFolder = "logs";

    /// <summary>$XDG_STATE_HOME/tui, or ~/.local/state/tui (the XDG default). A relative XDG_STATE_HOME is invalid per the spec and ignored.</summary>
    public static string StateDirectory(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var xdg = environment("XDG_STATE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, AppFolder);
        var home = environment("HOME");
        if (string.IsNullOrEmpty(home)) home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".local", "state", AppFolder);
    }

    /// <summary>"processes-3fa2b19c0d1e" for /home/me/app/processes.toml.</summary>
    public static string StemFor(string configPath)
    {
        var full = Path.GetFullPath(configPath);
        var hash = PathHash.Of(full);
        return $"{Path.GetFileNameWithoutExtension(full)}-{hash}";
    }

    /// <summary>The history database of a config: settings.history when set (relative to the config's folder), else the default.</summary>
    public static string HistoryDatabase(string configPath, string? configuredPath = null, Func<string, string?>? environment = null)
    {
        if (!string.IsNullOrEmpty(configuredPath))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(configPath)) ?? ".";
            return Path.GetFullPath(configuredPath, folder);
        }
        return Path.Combine(StateDirectory(environment), StemFor(configPath) + HistorySuffix);
    }

    public static string HistoryDatabase(TuiConfig config, Func<string, string?>? environment = null) =>
        HistoryDatabase(config.SourcePath, config.Settings.HistoryPath, environment);

    /// <summary>
    /// The folder of a config's per-process log files: settings.log_dir when set (already resolved by the loader), else
    /// <c>&lt;state&gt;/logs/&lt;name&gt;-&lt;hash&gt;</c>, so that every process has a file without any setting, as users of pm2
    /// or supervisord expect.
    /// </summary>
    public static string LogDirectory(TuiConfig config, Func<string, string?>? environment = null) =>
        config.Settings.LogDirectory ?? Path.Combine(StateDirectory(environment), LogsFolder, StemFor(config.SourcePath));

    /// <summary>
    /// The live-children file always lives in the state directory, even when settings.history moves the database:
    /// orphan recovery must work when history is disabled or its file is broken.
    /// </summary>
    public static string LiveChildren(string configPath, Func<string, string?>? environment = null) =>
        Path.Combine(StateDirectory(environment), StemFor(configPath) + LiveChildrenSuffix);
}
