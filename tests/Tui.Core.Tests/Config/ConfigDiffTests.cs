using Tui.Core.Config;

namespace Tui.Core.Tests.Config;

/// <summary>ProcessConfig.Definition and ConfigDiff: what a reload must restart.</summary>
public sealed class ConfigDiffTests : IDisposable
{
    private readonly ConfigScratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private const string Base = """
        [env]
        LEVEL = "info"

        [processes.api]
        command = "serve"
        group = "web"
        env = { PORT = "8080", HOST = "0.0.0.0" }
        depends_on = ["db"]

        [processes.db]
        command = ["postgres", "-D", "data"]

        [processes.old]
        command = "legacy"
        """;

    [Fact]
    public void Equivalent_text_gives_equal_definitions()
    {
        var a = _scratch.Load(Base);
        var b = _scratch.Load("""
            [processes.db]
            command = [ "postgres", "-D", "data" ]   # same argv, other spacing

            [processes.api]
            env.HOST = "0.0.0.0"
            env.PORT = "8080"
            depends_on = { db = "started" }
            command = 'serve'
            restart = "on-failure"
            stop_signal = "TERM"

            [processes.old]
            command = "legacy"

            [env]
            LEVEL = "info"
            """);
        Assert.Equal(a.Find("api")!.Definition, b.Find("api")!.Definition);
        Assert.Equal(a.Find("db")!.Definition, b.Find("db")!.Definition);
    }

    [Theory]
    [InlineData("command = \"serve --verbose\"")]
    [InlineData("env = { PORT = \"8081\" }")]
    [InlineData("restart = \"always\"")]
    [InlineData("stop_timeout = \"3s\"")]
    [InlineData("tty = true")]
    [InlineData("disabled = true")]
    [InlineData("cwd = \"sub\"")]
    [InlineData("watch = { paths = [\"*.py\"] }")]
    [InlineData("backoff = { factor = 3 }")]
    [InlineData("depends_on = []")]
    [InlineData("readiness = { tcp = 8080 }")]
    [InlineData("liveness = { http = \"http://127.0.0.1:8080/health\" }")]
    [InlineData("limits = { max_memory = \"512MB\" }")]
    [InlineData("heartbeat_timeout = \"5s\"")]
    [InlineData("notify = true")]
    [InlineData("stdin = true")]
    [InlineData("events = { epoch = { n = \"integer\" } }")]
    public void Changing_how_a_process_runs_changes_its_definition(string extra)
    {
        var before = _scratch.Load("[processes.db]\ncommand = \"d\"\n[processes.api]\ncommand = \"serve\"\nenv = { PORT = \"8080\" }\ndepends_on = [\"db\"]");
        var lines = new List<string> { "[processes.db]", "command = \"d\"", "[processes.api]" };
        var key = extra.Split(' ')[0];
        lines.AddRange(new[] { "command = \"serve\"", "env = { PORT = \"8080\" }", "depends_on = [\"db\"]" }.Where(l => !l.StartsWith(key + " ")));
        lines.Add(extra);
        var after = _scratch.Load(string.Join("\n", lines));
        Assert.NotEqual(before.Find("api")!.Definition, after.Find("api")!.Definition);
        Assert.Equal(["api"], ConfigDiff.Compute(before, after).Changed.AsEnumerable());
    }

    [Fact]
    public void Labels_alone_do_not_change_the_definition()
    {
        var before = _scratch.Load("[processes.api]\ncommand = \"serve\"\ngroup = \"web\"");
        var after = _scratch.Load("\n\n# moved down\n[processes.api]\ncommand = \"serve\"\ngroup = \"backend\"\nautostart = false");
        Assert.Equal(before.Processes[0].Definition, after.Processes[0].Definition);
        Assert.Equal(["api"], ConfigDiff.Compute(before, after).Unchanged.AsEnumerable());
    }

    [Fact]
    public void Diff_sorts_names_into_added_removed_changed_and_unchanged()
    {
        var old = _scratch.Load(Base);
        var @new = _scratch.Load("""
            [env]
            LEVEL = "debug"

            [processes.db]
            command = ["postgres", "-D", "data"]

            [processes.api]
            command = "serve"
            group = "web"
            env = { PORT = "8080", HOST = "0.0.0.0" }
            depends_on = ["db"]

            [processes.worker]
            command = "work"
            """);
        var diff = ConfigDiff.Compute(old, @new);
        Assert.Equal(["worker"], diff.Added.AsEnumerable());
        Assert.Equal(["old"], diff.Removed.AsEnumerable());
        Assert.Equal(["db", "api"], diff.Changed.AsEnumerable()); // the global env reaches every process
        Assert.Empty(diff.Unchanged.AsEnumerable());
        Assert.False(diff.SettingsChanged);
        Assert.False(diff.IsEmpty);
    }

    [Fact]
    public void Diff_of_a_config_with_itself_is_empty()
    {
        var diff = ConfigDiff.Compute(_scratch.Load(Base), _scratch.Load(Base));
        Assert.True(diff.IsEmpty);
        Assert.Equal(["api", "db", "old"], diff.Unchanged.AsEnumerable());
    }

    [Fact]
    public void Diff_tells_when_settings_changed()
    {
        var diff = ConfigDiff.Compute(_scratch.Load(Base), _scratch.Load("[settings]\ntheme = \"light\"\n" + Base));
        Assert.True(diff.SettingsChanged);
        Assert.True(diff.IsEmpty);
    }

    [Fact]
    public void Changing_replicas_adds_and_removes_replica_names()
    {
        var diff = ConfigDiff.Compute(
            _scratch.Load("[processes.w]\ncommand = \"w\"\nreplicas = 3"),
            _scratch.Load("[processes.w]\ncommand = \"w\"\nreplicas = 2\n[processes.x]\ncommand = \"x\""));
        Assert.Equal(["x"], diff.Added.AsEnumerable());
        Assert.Equal(["w-3"], diff.Removed.AsEnumerable());
        Assert.Equal(["w-1", "w-2"], diff.Unchanged.AsEnumerable());
    }
}
