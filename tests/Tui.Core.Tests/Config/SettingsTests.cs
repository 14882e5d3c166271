using Tui.Core.Config;

namespace Tui.Core.Tests.Config;

/// <summary>[settings], [keys] and the top level of the file.</summary>
public sealed class SettingsTests : IDisposable
{
    private readonly ConfigScratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private const string OneProcess = "\n[processes.api]\ncommand = \"run\"\n";

    [Fact]
    public void Without_a_settings_table_the_defaults_apply() =>
        Assert.Equal(Settings.Default, _scratch.Load(OneProcess).Settings);

    [Fact]
    public void Every_setting_is_read()
    {
        var settings = _scratch.Load("""
            [settings]
            log_dir = "logs"
            history = "/var/lib/tui/history.db"
            theme = "solarized"
            shutdown_timeout = "30s"
            log_lines = 5000
            log_max_size = "20MiB"
            log_max_files = 7
            """ + OneProcess).Settings;
        Assert.Equal(new Settings(
            LogDirectory: Path.Combine(_scratch.Folder, "logs"),
            HistoryPath: "/var/lib/tui/history.db",
            Theme: "solarized",
            ShutdownTimeout: TimeSpan.FromSeconds(30),
            LogRingLines: 5000,
            LogMaxSize: 20L * 1024 * 1024,
            LogMaxFiles: 7), settings);
    }

    [Fact]
    public void Log_max_size_also_takes_plain_bytes() =>
        Assert.Equal(65536, _scratch.Load("[settings]\nlog_max_size = 65536" + OneProcess).Settings.LogMaxSize);

    [Theory]
    [InlineData("log_dir = 1", "2:11: log_dir must be a string, not the integer 1")]
    [InlineData("history = \"\"", "2:11: history cannot be empty")]
    [InlineData("theme = true", "2:9: theme must be a string, not true")]
    [InlineData("shutdown_timeout = 10", "2:20: shutdown_timeout must be a duration string with a unit; write \"10s\" or \"10ms\"")]
    [InlineData("shutdown_timeout = \"10 seconds\"", "2:20: shutdown_timeout: \"10 seconds\" is not a duration; write \"500ms\", \"5s\", \"2m\", \"1h\" or \"1m30s\"")]
    [InlineData("log_lines = 0", "2:13: log_lines must be at least 1, not 0")]
    [InlineData("log_lines = 1000001", "2:13: log_lines must be at most 1000000, not 1000001")]
    [InlineData("log_max_size = \"10XB\"", "2:16: log_max_size: unknown size unit \"XB\" in \"10XB\" (use B, KB, MB, GB, TB, KiB, MiB, GiB or TiB)")]
    [InlineData("log_max_size = 100", "2:16: log_max_size must be at least 1KiB")]
    [InlineData("log_max_size = 1.5", "2:16: log_max_size must be a size such as \"512MB\", \"1.5GB\", \"10MiB\" or a number of bytes, not the float 1.5")]
    [InlineData("log_max_files = -1", "2:17: log_max_files must be at least 0, not -1")]
    [InlineData("log_max_file = 3", "2:1: unknown key `log_max_file` in [settings]; did you mean `log_max_files`?")]
    public void Bad_settings_are_reported(string line, string expected) =>
        Assert.Equal(expected, _scratch.Error("[settings]\n" + line + OneProcess));

    [Fact]
    public void Keys_map_actions_to_key_text()
    {
        var config = _scratch.Load("[keys]\nrestart = \"R\"\nquit = \"ctrl+q\"" + OneProcess);
        Assert.Equal("R", config.Keys["restart"]);
        Assert.Equal("ctrl+q", config.Keys["quit"]);
        Assert.Equal("2:8: keys.quit must be a key such as \"ctrl+r\", not the integer 1", _scratch.Error("[keys]\nquit = 1" + OneProcess));
    }

    [Theory]
    [InlineData("setings = {}", "1:1: unknown key `setings` at the top level; did you mean `settings`?")]
    [InlineData("theme = \"dark\"", "1:1: unknown key `theme` at the top level; `theme` belongs in [settings]")]
    [InlineData("restart = \"always\"", "1:1: unknown key `restart` at the top level; `restart` is a process setting and belongs in a [processes.NAME] table")]
    [InlineData("settings = 3", "1:12: settings must be a table, not the integer 3")]
    public void Bad_top_level_keys_are_reported(string line, string expected) =>
        Assert.Equal(expected, _scratch.Error(line + OneProcess));

    [Fact]
    public void Process_tables_under_a_misspelt_root_get_a_suggestion()
    {
        var errors = _scratch.Errors("[process.api]\ncommand = \"run\"");
        Assert.Equal(["1:1: no processes defined; add a [processes.NAME] table with a command", "1:2: unknown key `process` at the top level; did you mean `processes`?"],
            errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[processes]")]
    public void A_config_without_processes_is_an_error(string toml) =>
        Assert.EndsWith("no processes defined; add a [processes.NAME] table with a command", _scratch.Error(toml));

    [Fact]
    public void Processes_as_an_array_of_tables_is_refused() =>
        Assert.StartsWith("1:1: processes must be a table, not an array", _scratch.Error("[[processes]]\ncommand = \"run\""));
}
