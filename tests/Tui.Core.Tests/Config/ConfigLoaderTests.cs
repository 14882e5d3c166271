using Tui.Core.Config;

namespace Tui.Core.Tests.Config;

/// <summary>The entry points: files, TOML syntax errors, and collecting every error at once.</summary>
public sealed class ConfigLoaderTests : IDisposable
{
    private readonly ConfigScratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Load_reads_a_file_and_interpolates_the_real_environment()
    {
        var path = _scratch.Write("processes.toml", "[processes.api]\ncommand = \"run\"\nenv = { MY_PATH = \"${PATH}\" }\n");
        var config = ConfigLoader.Load(path);
        Assert.Equal(path, config.SourcePath);
        Assert.Equal(Environment.GetEnvironmentVariable("PATH"), config.Processes.Single().Env["MY_PATH"]);
        Assert.Equal([path], config.WatchedFiles.AsEnumerable());
    }

    [Fact]
    public void A_missing_file_is_one_clear_line()
    {
        var path = Path.Combine(_scratch.Folder, "absent.toml");
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path));
        Assert.Equal($"{path}: no such file", error.Message);
        Assert.Empty(error.Errors);
    }

    [Fact]
    public void A_directory_is_not_a_config_file()
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(_scratch.Folder));
        Assert.Equal($"{_scratch.Folder} is a directory, not a config file", error.Message);
    }

    [Fact]
    public void A_toml_syntax_error_is_reported_with_its_place()
    {
        var path = _scratch.Write("processes.toml", "[processes.api]\ncommand \"run\"\n");
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path));
        var only = Assert.Single(error.Errors);
        Assert.Equal(path, only.SourceName);
        Assert.Equal((2, 9), (only.Line, only.Column));
        Assert.Equal(only.Message, error.Message);
    }

    [Fact]
    public void Every_error_of_a_file_is_reported_in_file_order()
    {
        var exception = Assert.Throws<ConfigException>(() => _scratch.Load("""
            [settings]
            shutdown_timeout = 10

            [processes.api]
            command = "serve"
            restrat = "always"
            depends_on = ["dbb"]

            [processes.db]
            command = ""
            kind = "daemon"
            """));
        Assert.Equal(
        [
            "2:20: shutdown_timeout must be a duration string with a unit; write \"10s\" or \"10ms\"",
            "6:1: unknown key `restrat` in [processes.api]; did you mean `restart`?",
            "7:15: depends_on names \"dbb\", which is not a process; did you mean `db`?",
            "10:11: command cannot be empty",
            "11:8: kind must be one of \"service\", \"job\", not the string \"daemon\"",
        ], exception.Errors.Select(e => $"{e.Line}:{e.Column}: {e.Reason}"));
        Assert.All(exception.Errors, e => Assert.Equal(_scratch.ConfigPath, e.SourceName));
    }

    [Fact]
    public void An_error_quotes_its_line_with_a_caret()
    {
        var exception = Assert.Throws<ConfigException>(() => _scratch.Load("[processes.api]\ncommand = \"run\"\nrestart = \"maybe\""));
        Assert.Equal(
            $"{_scratch.ConfigPath}:3:11: restart must be one of \"no\", \"on-failure\", \"always\", not the string \"maybe\"\n" +
            " 3 | restart = \"maybe\"\n" +
            "   |           ^",
            exception.Message);
    }

    [Fact]
    public void Relative_paths_in_messages_follow_the_config_path_as_given()
    {
        _scratch.Write("conf/bad.env", "oops\n");
        var relativeConfig = Path.Combine(Path.GetRelativePath(Environment.CurrentDirectory, _scratch.Folder), "conf", "processes.toml");
        var exception = Assert.Throws<ConfigException>(() =>
            ConfigLoader.Parse("env_file = \"bad.env\"\n[processes.api]\ncommand = \"x\"", relativeConfig, new Dictionary<string, string>()));
        Assert.Equal(Path.Combine(Path.GetDirectoryName(relativeConfig)!, "bad.env"), Assert.Single(exception.Errors).SourceName);
    }
}
