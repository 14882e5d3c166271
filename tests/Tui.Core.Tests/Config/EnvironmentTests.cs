using Tui.Core.Config;

namespace Tui.Core.Tests.Config;

/// <summary>[env], env_file, interpolation and the TUI_* variables.</summary>
public sealed class EnvironmentTests : IDisposable
{
    private readonly ConfigScratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private static readonly Dictionary<string, string> Parent = new() { ["HOME"] = "/home/ada", ["PORT"] = "7000", ["SHELL_ONLY"] = "inherited" };

    [Fact]
    public void Sources_merge_in_order_global_env_then_global_files_then_process_file_then_process_env()
    {
        _scratch.Write("global.env", "LEVEL=global-file\nFROM_GLOBAL_FILE=1\n");
        _scratch.Write("api.env", "LEVEL=process-file\nFROM_PROCESS_FILE=1\n");
        var config = _scratch.Load("""
            env_file = "global.env"
            [env]
            LEVEL = "global-env"
            FROM_GLOBAL_ENV = "1"

            [processes.api]
            command = "run"
            env_file = "api.env"
            env = { LEVEL = "process-env" }

            [processes.plain]
            command = "run"
            """, Parent);
        var api = config.Find("api")!;
        Assert.Equal("process-env", api.Env["LEVEL"]);
        Assert.Equal("1", api.Env["FROM_GLOBAL_ENV"]);
        Assert.Equal("1", api.Env["FROM_GLOBAL_FILE"]);
        Assert.Equal("1", api.Env["FROM_PROCESS_FILE"]);
        Assert.Equal("global-file", config.Find("plain")!.Env["LEVEL"]);
        Assert.Equal("global-file", config.Env["LEVEL"]);
        Assert.False(api.Env.ContainsKey("SHELL_ONLY"), "the parent environment is the launcher's business, not part of Env");
    }

    [Fact]
    public void Values_interpolate_the_parent_environment_and_earlier_values()
    {
        _scratch.Write("api.env", "URL=\"http://${HOST}:${PORT}\"\nRAW='${HOST}'\n");
        var api = _scratch.Load("""
            [env]
            HOST = "localhost"
            DATA = "${HOME}/data"

            [processes.api]
            command = "run"
            env_file = "api.env"
            env = { PORT = "${PORT:-9000}1", LOG = "${LOG_DIR:-/tmp/log}", WHO = "${TUI_PROCESS}", PRICE = "$$5" }
            """, Parent).Processes.Single();
        Assert.Equal("/home/ada/data", api.Env["DATA"]);
        Assert.Equal("http://localhost:7000", api.Env["URL"]);
        Assert.Equal("${HOST}", api.Env["RAW"]);
        Assert.Equal("70001", api.Env["PORT"]);
        Assert.Equal("/tmp/log", api.Env["LOG"]);
        Assert.Equal("api", api.Env["WHO"]);
        Assert.Equal("$5", api.Env["PRICE"]);
    }

    [Fact]
    public void A_later_value_sees_an_earlier_one_of_the_same_table()
    {
        var api = _scratch.Load("[processes.api]\ncommand = \"run\"\nenv = { A = \"a\", B = \"${A}b\", PATH = \"/opt/bin:${PATH}\" }",
            new Dictionary<string, string> { ["PATH"] = "/usr/bin" }).Processes.Single();
        Assert.Equal("ab", api.Env["B"]);
        Assert.Equal("/opt/bin:/usr/bin", api.Env["PATH"]);
    }

    [Fact]
    public void Integers_and_booleans_are_taken_as_text()
    {
        var api = _scratch.Load("[processes.api]\ncommand = \"run\"\nenv = { PORT = 8080, DEBUG = true }").Processes.Single();
        Assert.Equal("8080", api.Env["PORT"]);
        Assert.Equal("true", api.Env["DEBUG"]);
    }

    [Fact]
    public void Every_process_gets_its_name_and_users_cannot_override_it()
    {
        var api = _scratch.Load("[processes.api]\ncommand = \"run\"\nenv = { TUI_PROCESS = \"other\" }").Processes.Single();
        Assert.Equal("api", api.Env["TUI_PROCESS"]);
        Assert.False(api.Env.ContainsKey("TUI_REPLICA"));
    }

    [Fact]
    public void Env_files_may_be_a_list_and_are_watched()
    {
        var a = _scratch.Write("a.env", "A=1\nSHARED=a");
        var b = _scratch.Write("conf/b.env", "B=2\nSHARED=b");
        var config = _scratch.Load("env_file = [\"a.env\", \"conf/b.env\"]\n[processes.api]\ncommand = \"run\"");
        var api = config.Processes.Single();
        Assert.Equal(("1", "2", "b"), (api.Env["A"], api.Env["B"], api.Env["SHARED"]));
        Assert.Equal([_scratch.ConfigPath, a, b], config.WatchedFiles.AsEnumerable());
    }

    [Theory]
    [InlineData("[env]\nA = \"$HOME\"", "2:5: env.A: write ${HOME} to use the variable HOME, or $$HOME for a literal \"$HOME\"")]
    [InlineData("[env]\nA = \"${HOME\"", "2:5: env.A: unclosed \"${HOME\"; add \"}\"")]
    [InlineData("[env]\nA = [1]", "2:5: env.A must be a string, not an array")]
    [InlineData("[env]\n\"A=B\" = \"x\"", "2:1: env: \"A=B\" is not a valid variable name (it must be non-empty, without \"=\")")]
    [InlineData("env = \"A=1\"", "1:7: env must be a table, not the string \"A=1\"")]
    [InlineData("env_file = 3", "1:12: env_file must be a string or an array of strings, not the integer 3")]
    [InlineData("env_file = [\"ok.env\", 3]", "1:23: env_file must contain only strings, not the integer 3")]
    public void Bad_global_env_values_are_reported(string toml, string expected)
    {
        _scratch.Write("ok.env", "");
        Assert.Equal(expected, _scratch.Error(toml + "\n[processes.api]\ncommand = \"run\"", Parent));
    }

    [Fact]
    public void A_bad_process_env_value_is_reported_at_the_value()
    {
        Assert.Equal("3:13: env.B: write ${X} to use the variable X, or $$X for a literal \"$X\"",
            _scratch.Error("[processes.api]\ncommand = \"run\"\nenv = { B = \"$X\" }"));
    }

    [Fact]
    public void A_missing_env_file_is_reported_where_it_is_named()
    {
        var error = _scratch.Error("[processes.api]\ncommand = \"run\"\nenv_file = \"nope.env\"");
        Assert.Equal($"3:12: env file \"nope.env\" not found (looked for {Path.Combine(_scratch.Folder, "nope.env")})", error);
    }

    [Fact]
    public void Errors_inside_an_env_file_name_that_file_and_its_line()
    {
        _scratch.Write("bad.env", "GOOD=1\nthis is wrong\nURL=\"${HOST\"\n");
        var exception = Assert.Throws<ConfigException>(() =>
            _scratch.Load("[processes.api]\ncommand = \"run\"\nenv_file = \"bad.env\"\n[processes.b]\ncommand = \"x\"\nenv_file = \"bad.env\""));
        Assert.Equal(2, exception.Errors.Length); // read once though named twice
        var expectedFile = Path.Combine(_scratch.Folder, "bad.env");
        Assert.All(exception.Errors, e => Assert.Equal(expectedFile, e.SourceName));
        Assert.Equal(["2:6: expected \"=\" after this", "3:5: URL: unclosed \"${HOST\"; add \"}\""],
            exception.Errors.Select(e => $"{e.Line}:{e.Column}: {e.Reason}"));
        Assert.Equal("this is wrong", exception.Errors[0].SourceLine);
        Assert.Contains($"{expectedFile}:2:6: expected \"=\" after this\n 2 | this is wrong\n   |      ^", exception.Message);
    }
}
