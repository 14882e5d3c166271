using Tui.Core.Config;
using Tui.Core.Processes;

namespace Tui.Core.Tests.Config;

/// <summary>Every key of [processes.NAME]: its default, a good value, and bad values reported at line:col.</summary>
public sealed class ProcessKeyTests : ApiKeyTests
{
    [Fact]
    public void Defaults_fill_every_key_not_written()
    {
        var api = LoadApi("");
        Assert.Equal("api", api.Name);
        Assert.Equal("api", api.BaseName);
        Assert.Null(api.ReplicaIndex);
        Assert.Equal(Scratch.Folder, api.Cwd);
        Assert.Null(api.Group);
        Assert.True(api.Autostart);
        Assert.False(api.Disabled);
        Assert.Equal(ProcessKind.Service, api.Kind);
        Assert.Equal(RestartPolicy.OnFailure, api.Restart);
        Assert.Null(api.MaxRestarts);
        Assert.Equal(TimeSpan.FromSeconds(60), api.RestartWindow);
        Assert.Equal(BackoffConfig.Default, api.Backoff);
        Assert.Equal(Signals.SIGTERM, api.StopSignal);
        Assert.Equal(TimeSpan.FromSeconds(10), api.StopTimeout);
        Assert.Empty(api.DependsOn.AsEnumerable());
        Assert.False(api.Tty);
        Assert.Null(api.Watch);
        Assert.Equal(new Tui.Toml.TomlPosition(1, 1), api.Position);
    }

    [Fact]
    public void A_command_string_runs_under_the_shell()
    {
        var api = Scratch.Load("[processes.api]\ncommand = \"echo hi && sleep 1\"").Processes.Single();
        Assert.Equal(new CommandSpec.Shell("echo hi && sleep 1"), api.Command);
        Assert.Equal(["/bin/sh", "-c", "echo hi && sleep 1"], api.Command.Argv.AsEnumerable());
    }

    [Fact]
    public void A_command_array_is_executed_directly()
    {
        var api = Scratch.Load("[processes.api]\ncommand = [\"python3\", \"-m\", \"http.server\", \"8080\"]").Processes.Single();
        Assert.IsType<CommandSpec.Exec>(api.Command);
        Assert.Equal(["python3", "-m", "http.server", "8080"], api.Command.Argv.AsEnumerable());
    }

    [Theory]
    [InlineData("[processes.api]\ngroup = \"web\"", "1:1: [processes.api] has no command; add command = \"...\" (a shell line) or [\"program\", \"arg\"]")]
    [InlineData("[processes.api]\ncommand = \"  \"", "2:11: command cannot be empty")]
    [InlineData("[processes.api]\ncommand = []", "2:11: command cannot be an empty array; name the program to run first")]
    [InlineData("[processes.api]\ncommand = [\"\", \"x\"]", "2:12: the program (the first item of command) cannot be empty")]
    [InlineData("[processes.api]\ncommand = [\"ls\", 1]", "2:18: command must contain only strings, not the integer 1")]
    [InlineData("[processes.api]\ncommand = 5", "2:11: command must be a string (run by /bin/sh -c) or an array of strings (run directly), not the integer 5")]
    public void Bad_commands_are_reported(string toml, string expected) => Assert.Equal(expected, Scratch.Error(toml));

    [Fact]
    public void Cwd_resolves_against_the_config_folder()
    {
        Assert.Equal(Path.Combine(Scratch.Folder, "app", "web"), LoadApi("cwd = \"app/web\"").Cwd);
        Assert.Equal("/srv", LoadApi("cwd = \"/srv\"").Cwd);
        Assert.Equal("3:7: cwd must be a string, not an array", ApiError("cwd = [\"a\"]"));
        Assert.Equal("3:7: cwd cannot be empty", ApiError("cwd = \"\""));
    }

    [Fact]
    public void Group_is_a_string()
    {
        Assert.Equal("web", LoadApi("group = \"web\"").Group);
        Assert.Equal("3:9: group must be a string, not the integer 1", ApiError("group = 1"));
    }

    [Fact]
    public void Autostart_and_disabled_and_tty_are_booleans()
    {
        var api = LoadApi("autostart = false\ndisabled = true\ntty = true");
        Assert.False(api.Autostart);
        Assert.True(api.Disabled);
        Assert.True(api.Tty);
        Assert.Equal("3:13: autostart must be true or false, not the string \"yes\"", ApiError("autostart = \"yes\""));
        Assert.Equal("3:12: disabled must be true or false, not the integer 0", ApiError("disabled = 0"));
        Assert.Equal("3:7: tty must be true or false, not a table", ApiError("tty = {}"));
    }

    [Fact]
    public void Stdin_is_a_boolean_that_defaults_to_false()
    {
        Assert.False(LoadApi("").Stdin);
        Assert.True(LoadApi("stdin = true").Stdin);
        Assert.Equal("3:9: stdin must be true or false, not the string \"yes\"", ApiError("stdin = \"yes\""));
    }

    [Theory]
    [InlineData("kind = \"job\"", ProcessKind.Job, RestartPolicy.No)]
    [InlineData("kind = \"service\"", ProcessKind.Service, RestartPolicy.OnFailure)]
    [InlineData("kind = \"job\"\nrestart = \"on-failure\"", ProcessKind.Job, RestartPolicy.OnFailure)]
    [InlineData("restart = \"always\"", ProcessKind.Service, RestartPolicy.Always)]
    [InlineData("restart = \"no\"", ProcessKind.Service, RestartPolicy.No)]
    public void Restart_defaults_by_kind_and_can_be_set(string keys, ProcessKind kind, RestartPolicy restart)
    {
        var api = LoadApi(keys);
        Assert.Equal(kind, api.Kind);
        Assert.Equal(restart, api.Restart);
    }

    [Theory]
    [InlineData("restart = \"sometimes\"", "3:11: restart must be one of \"no\", \"on-failure\", \"always\", not the string \"sometimes\"")]
    [InlineData("restart = false", "3:11: restart must be one of \"no\", \"on-failure\", \"always\", not false")]
    [InlineData("restart = \"a\\nb\"", "3:11: restart must be one of \"no\", \"on-failure\", \"always\", not the string \"a\\nb\"")]
    [InlineData("restart = \"0123456789012345678901234567890123456789xyz\"", "3:11: restart must be one of \"no\", \"on-failure\", \"always\", not the string \"012345678901234567890123456789012345678…\"")]
    [InlineData("kind = \"daemon\"", "3:8: kind must be one of \"service\", \"job\", not the string \"daemon\"")]
    public void Restart_and_kind_name_their_choices(string keys, string expected) => Assert.Equal(expected, ApiError(keys));

    [Fact]
    public void Max_restarts_and_restart_window()
    {
        var api = LoadApi("max_restarts = 5\nrestart_window = \"2m\"");
        Assert.Equal(5, api.MaxRestarts);
        Assert.Equal(TimeSpan.FromMinutes(2), api.RestartWindow);
        Assert.Equal("3:16: max_restarts must be at least 0, not -1", ApiError("max_restarts = -1"));
        Assert.Equal("3:16: max_restarts must be an integer, not the string \"5\"", ApiError("max_restarts = \"5\""));
        Assert.Equal("3:18: restart_window must be longer than 0s", ApiError("restart_window = \"0s\""));
        Assert.Equal("3:18: restart_window must be a duration string with a unit; write \"60s\" or \"60ms\"", ApiError("restart_window = 60"));
    }

    [Fact]
    public void Backoff_reads_every_field_and_defaults_the_rest()
    {
        Assert.Equal(new BackoffConfig(TimeSpan.FromSeconds(1), 3, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)),
            LoadApi("backoff = { initial = \"1s\", factor = 3, max = \"1m\", reset_after = \"5m\" }").Backoff);
        Assert.Equal(BackoffConfig.Default with { Factor = 1.5 }, LoadApi("backoff = { factor = 1.5 }").Backoff);
        Assert.Equal(BackoffConfig.Default with { Initial = TimeSpan.FromSeconds(2) }, LoadApi("[processes.api.backoff]\ninitial = \"2s\"").Backoff);
    }

    [Theory]
    [InlineData("backoff = { inital = \"1s\" }", "3:13: unknown key `inital` in backoff; did you mean `initial`?")]
    [InlineData("backoff = { factor = 0.5 }", "3:22: backoff.factor must be between 1 and 100, not 0.5")]
    [InlineData("backoff = { factor = \"2\" }", "3:22: backoff.factor must be a number, not the string \"2\"")]
    [InlineData("backoff = { initial = \"5s\", max = \"1s\" }", "3:35: backoff.max (1s) cannot be less than backoff.initial (5s)")]
    [InlineData("backoff = { initial = \"1m\" }", "3:23: backoff.max (30s) cannot be less than backoff.initial (1m)")]
    [InlineData("backoff = { reset_after = 30 }", "3:27: backoff.reset_after must be a duration string with a unit; write \"30s\" or \"30ms\"")]
    [InlineData("backoff = \"fast\"", "3:11: backoff must be a table, not the string \"fast\"")]
    public void Bad_backoff_values_are_reported(string keys, string expected) => Assert.Equal(expected, ApiError(keys));

    [Theory]
    [InlineData("stop_signal = \"SIGINT\"", Signals.SIGINT)]
    [InlineData("stop_signal = \"TERM\"", Signals.SIGTERM)]
    [InlineData("stop_signal = \"hup\"", Signals.SIGHUP)]
    [InlineData("stop_signal = 9", Signals.SIGKILL)]
    [InlineData("stop_signal = 34", 34)]
    public void Stop_signal_takes_a_name_or_a_number(string keys, int expected) => Assert.Equal(expected, LoadApi(keys).StopSignal);

    [Theory]
    [InlineData("stop_signal = \"SIGFOO\"", "3:15: stop_signal: unknown signal \"SIGFOO\" (use a name such as \"SIGTERM\", \"SIGINT\", \"SIGHUP\", or a number)")]
    [InlineData("stop_signal = 0", "3:15: stop_signal must be a signal number from 1 to 64, not 0")]
    [InlineData("stop_signal = 65", "3:15: stop_signal must be a signal number from 1 to 64, not 65")]
    [InlineData("stop_signal = true", "3:15: stop_signal must be a signal name such as \"SIGTERM\" or a number, not true")]
    public void Bad_stop_signals_are_reported(string keys, string expected) => Assert.Equal(expected, ApiError(keys));

    [Fact]
    public void Stop_timeout_is_a_duration()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(2500), LoadApi("stop_timeout = \"2s500ms\"").StopTimeout);
        Assert.Equal(TimeSpan.Zero, LoadApi("stop_timeout = \"0s\"").StopTimeout);
        Assert.Equal("3:16: stop_timeout must be a duration string with a unit; write \"5s\" or \"5ms\"", ApiError("stop_timeout = 5"));
        Assert.Equal("3:16: stop_timeout: unknown duration unit \"x\" in \"5x\" (use ms, s, m or h)",
            ApiError("stop_timeout = \"5x\""));
        Assert.Equal("3:16: stop_timeout must be a duration such as \"500ms\", \"5s\", \"2m\", \"1h\" or \"1m30s\", not the float 1.5", ApiError("stop_timeout = 1.5"));
    }

    [Fact]
    public void Replicas_is_an_integer_within_limits()
    {
        Assert.Equal(3, Scratch.Load(Api("replicas = 3")).Processes.Length);
        Assert.Equal("3:12: replicas must be at least 1, not 0", ApiError("replicas = 0"));
        Assert.Equal("3:12: replicas must be at most 64, not 65", ApiError("replicas = 65"));
        Assert.Equal("3:12: replicas must be an integer, not the float 2.5", ApiError("replicas = 2.5"));
    }

    [Fact]
    public void Watch_reads_paths_ignore_debounce_and_signal()
    {
        var watch = LoadApi("watch = { paths = [\"src/**/*.py\", \"*.toml\"], ignore = [\"**/__pycache__/**\"], debounce = \"1s\", signal = \"SIGHUP\" }").Watch;
        Assert.NotNull(watch);
        Assert.Equal(["src/**/*.py", "*.toml"], watch.Paths.AsEnumerable());
        Assert.Equal(["**/__pycache__/**"], watch.Ignore.AsEnumerable());
        Assert.Equal(TimeSpan.FromSeconds(1), watch.Debounce);
        Assert.Equal(Signals.SIGHUP, watch.Signal);

        var minimal = LoadApi("watch = { paths = [\"app\"] }").Watch!;
        Assert.Empty(minimal.Ignore.AsEnumerable());
        Assert.Equal(TimeSpan.FromMilliseconds(300), minimal.Debounce);
        Assert.Null(minimal.Signal);
    }

    [Theory]
    [InlineData("watch = { ignore = [\"x\"] }", "3:9: watch of api needs paths = [\"glob\", ...]")]
    [InlineData("watch = { paths = [] }", "3:19: watch.paths cannot be empty")]
    [InlineData("watch = { paths = \"src\" }", "3:19: watch.paths must be an array of strings, not the string \"src\"")]
    [InlineData("watch = { paths = [\"src\", 3] }", "3:27: watch.paths must contain only strings, not the integer 3")]
    [InlineData("watch = { paths = [\"src\"], debounse = \"1s\" }", "3:28: unknown key `debounse` in watch; did you mean `debounce`?")]
    [InlineData("watch = { paths = [\"src\"], signal = \"NOPE\" }", "3:37: watch.signal: unknown signal \"NOPE\" (use a name such as \"SIGTERM\", \"SIGINT\", \"SIGHUP\", or a number)")]
    [InlineData("watch = [\"src\"]", "3:9: watch must be a table, not an array")]
    public void Bad_watch_values_are_reported(string keys, string expected) => Assert.Equal(expected, ApiError(keys));

    [Theory]
    [InlineData("restrat = \"always\"", "3:1: unknown key `restrat` in [processes.api]; did you mean `restart`?")]
    [InlineData("depend_on = [\"db\"]", "3:1: unknown key `depend_on` in [processes.api]; did you mean `depends_on`?")]
    [InlineData("healthcheck = { http = \"x\" }", "3:1: unknown key `healthcheck` in [processes.api]")]
    public void Unknown_keys_are_errors_with_a_suggestion(string keys, string expected) => Assert.Equal(expected, ApiError(keys));

    [Theory]
    [InlineData("web.api")]
    [InlineData("worker_2")]
    [InlineData("API-v2")]
    public void Names_may_use_letters_digits_dash_underscore_and_dot(string name) =>
        Assert.Equal(name, Scratch.Load($"[processes.\"{name}\"]\ncommand = \"x\"").Processes.Single().Name);

    [Theory]
    [InlineData("my api")]
    [InlineData("api/1")]
    [InlineData("")]
    public void Other_names_are_refused(string name) =>
        Assert.Equal($"1:12: process name \"{name}\" may contain only letters, digits, \"-\", \"_\" and \".\"",
            Scratch.Error($"[processes.\"{name}\"]\ncommand = \"x\""));

    [Fact]
    public void A_process_that_is_not_a_table_is_reported() =>
        Assert.Equal("2:7: processes.api must be a table ([processes.api] with a command), not the string \"run\"",
            Scratch.Error("[processes]\napi = \"run\""));

    [Fact]
    public void Processes_keep_file_order()
    {
        var config = Scratch.Load("[processes.zeta]\ncommand = \"z\"\n[processes.alpha]\ncommand = \"a\"\n[processes.mid]\ncommand = \"m\"");
        Assert.Equal(["zeta", "alpha", "mid"], config.Processes.Select(p => p.Name));
        Assert.Equal([1, 3, 5], config.Processes.Select(p => p.Position.Line));
    }
}
