using Tui.Core.Config;
using Tui.Core.Tests.Config;

namespace Tui.Core.Tests.Health;

/// <summary>The readiness and liveness keys: each probe kind, the defaults, and bad values at line:col.</summary>
public sealed class HealthConfigTests : ApiKeyTests
{
    [Fact]
    public void A_process_has_no_checks_by_default()
    {
        var api = LoadApi("");
        Assert.Null(api.Readiness);
        Assert.Null(api.Liveness);
        Assert.Null(api.Limits);
        Assert.Null(api.HeartbeatTimeout);
        Assert.False(api.Notify);
        Assert.Empty(api.Events);
    }

    [Fact]
    public void Readiness_defaults_to_one_second_interval_and_three_retries()
    {
        var check = LoadApi("readiness = { tcp = 8080 }").Readiness!;
        Assert.Equal(new ProbeSpec.Tcp("127.0.0.1", 8080), check.Probe);
        Assert.Equal(TimeSpan.FromSeconds(1), check.Interval);
        Assert.Equal(TimeSpan.FromSeconds(2), check.Timeout);
        Assert.Equal(3, check.Retries);
        Assert.Equal(TimeSpan.Zero, check.StartPeriod);
    }

    [Fact]
    public void Liveness_is_asked_less_often_by_default()
    {
        var check = LoadApi("liveness = { tcp = \"db.local:5432\" }").Liveness!;
        Assert.Equal(new ProbeSpec.Tcp("db.local", 5432), check.Probe);
        Assert.Equal(TimeSpan.FromSeconds(10), check.Interval);
    }

    [Fact]
    public void Every_timing_key_is_read()
    {
        var check = LoadApi("liveness = { unix = \"run/api.sock\", interval = \"500ms\", timeout = \"250ms\", retries = 5, start_period = \"30s\" }").Liveness!;
        Assert.Equal(new ProbeSpec.Unix(Path.Combine(Scratch.Folder, "run", "api.sock")), check.Probe);
        Assert.Equal(TimeSpan.FromMilliseconds(500), check.Interval);
        Assert.Equal(TimeSpan.FromMilliseconds(250), check.Timeout);
        Assert.Equal(5, check.Retries);
        Assert.Equal(TimeSpan.FromSeconds(30), check.StartPeriod);
    }

    [Fact]
    public void Each_probe_kind_is_read()
    {
        Assert.Equal(new ProbeSpec.Exec(new CommandSpec.Shell("pg_isready -q")), LoadApi("readiness = { exec = \"pg_isready -q\" }").Readiness!.Probe);
        var exec = Assert.IsType<ProbeSpec.Exec>(LoadApi("readiness = { exec = [\"test\", \"-e\", \"ready\"] }").Readiness!.Probe);
        Assert.Equal(["test", "-e", "ready"], exec.Command.Argv.AsEnumerable());
        Assert.Equal(new ProbeSpec.Http(new Uri("http://127.0.0.1:8080/health"), 200, 399, null),
            LoadApi("readiness = { http = \"http://127.0.0.1:8080/health\" }").Readiness!.Probe);
        Assert.Equal(new ProbeSpec.Http(new Uri("https://localhost/"), 204, 204, "ok|fine"),
            LoadApi("readiness = { http = \"https://localhost/\", status = 204, body = \"ok|fine\" }").Readiness!.Probe);
        Assert.Equal(new ProbeSpec.Http(new Uri("http://localhost/"), 200, 299, null),
            LoadApi("readiness = { http = \"http://localhost/\", status = \"200-299\" }").Readiness!.Probe);
        Assert.Equal(new ProbeSpec.Tcp("::1", 80), LoadApi("readiness = { tcp = \"[::1]:80\" }").Readiness!.Probe);
        Assert.Equal(new ProbeSpec.Output("listening on \\d+"), LoadApi("readiness = { output = 'listening on \\d+' }").Readiness!.Probe);
    }

    [Fact]
    public void A_check_may_be_its_own_table()
    {
        var api = Scratch.Load("[processes.api]\ncommand = \"run\"\n[processes.api.readiness]\nhttp = \"http://localhost:1/\"\nretries = 2").Processes.Single();
        Assert.Equal(2, api.Readiness!.Retries);
    }

    [Theory]
    [InlineData("readiness = { interval = \"1s\" }", "3:13: readiness needs a probe: one of exec, http, tcp, unix or output")]
    [InlineData("readiness = { tcp = 80, http = \"http://x/\" }", "3:25: readiness has both tcp and http; a check runs one probe")]
    [InlineData("readiness = { tcp = 80, status = 200 }", "3:25: readiness.status applies only to an http probe, not tcp")]
    [InlineData("readiness = { tcp = 70000 }", "3:21: readiness.tcp must be \"host:port\" or a port number from 1 to 65535, not the integer 70000")]
    [InlineData("readiness = { tcp = \"localhost\" }", "3:21: readiness.tcp must be \"host:port\" or a port number from 1 to 65535, not the string \"localhost\"")]
    [InlineData("readiness = { http = \"ftp://x/\" }", "3:22: readiness.http must be an http:// or https:// URL, not \"ftp://x/\"")]
    [InlineData("readiness = { http = \"http://x/\", status = \"299-200\" }", "3:44: readiness.status must be a status code such as 200 or a range such as \"200-299\" (100 to 599), not the string \"299-200\"")]
    [InlineData("readiness = { output = \"(\" }", "3:24: readiness.output is not a valid regular expression: Invalid pattern '(' at offset 1. Not enough )'s.")]
    [InlineData("liveness = { output = \"up\" }", "3:23: liveness cannot use output (a line once printed cannot fail later); use exec, http, tcp or unix")]
    [InlineData("readiness = { exec = [] }", "3:22: readiness.exec must be a non-empty shell line or an array of non-empty strings, not an array")]
    [InlineData("readiness = { tcp = 80, interval = \"10ms\" }", "3:36: readiness.interval must be at least 100ms")]
    [InlineData("readiness = { tcp = 80, timeout = \"0s\" }", "3:35: readiness.timeout must be longer than 0s")]
    [InlineData("readiness = { tcp = 80, retries = 0 }", "3:35: readiness.retries must be at least 1, not 0")]
    [InlineData("readiness = { tcp = 80, intervall = \"1s\" }", "3:25: unknown key `intervall` in readiness; did you mean `interval`?")]
    [InlineData("readiness = \"http://x/\"", "3:13: readiness must be a table, not the string \"http://x/\"")]
    [InlineData("readyness = { tcp = 80 }", "3:1: unknown key `readyness` in [processes.api]; did you mean `readiness`?")]
    public void Bad_checks_are_reported(string keys, string expected) => Assert.Equal(expected, ApiError(keys));

    [Fact]
    public void Changing_a_check_changes_the_definition_so_a_reload_restarts_the_process()
    {
        var before = LoadApi("readiness = { exec = [\"test\", \"-e\", \"a\"] }").Definition;
        var after = LoadApi("readiness = { exec = [\"test\", \"-e\", \"b\"] }").Definition;
        Assert.NotEqual(before, after);
        Assert.Equal(before, LoadApi("readiness = { exec = [\"test\", \"-e\", \"a\"] }").Definition);
    }

    [Fact]
    public void Replicas_share_their_checks()
    {
        var config = Scratch.Load("[processes.web]\ncommand = \"run\"\nreplicas = 2\nreadiness = { output = \"up\" }\nnotify = true\nheartbeat_timeout = \"5s\"");
        Assert.All(config.Processes, p =>
        {
            Assert.Equal(new ProbeSpec.Output("up"), p.Readiness!.Probe);
            Assert.True(p.Notify);
            Assert.Equal(TimeSpan.FromSeconds(5), p.HeartbeatTimeout);
        });
    }

    [Theory]
    [InlineData("heartbeat_timeout = \"50ms\"", "3:21: heartbeat_timeout must be at least 100ms")]
    [InlineData("heartbeat_timeout = 10", "3:21: heartbeat_timeout must be a duration string with a unit; write \"10s\" or \"10ms\"")]
    [InlineData("notify = \"yes\"", "3:10: notify must be true or false, not the string \"yes\"")]
    public void Bad_watchdog_and_notify_keys_are_reported(string keys, string expected) => Assert.Equal(expected, ApiError(keys));
}
