using System.Collections.Immutable;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Tui.Core.Config;
using Tui.Core.Supervision;

namespace Tui.Core.Tests.Supervision;

/// <summary>Supervisor.RunAdHocAsync: ad-hoc jobs against the real engine, on its virtual clock.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class AdHocJobTests
{
    [Fact]
    public async Task An_ad_hoc_job_gets_the_global_env_and_runs_in_the_config_folder_by_default()
    {
        await using var real = new RealEngine();
        var config = TestConfigs.ConfigOf(real.Process("api", "exec sleep 60")) with
        {
            SourcePath = Path.Combine(real.Dir.FullName, "processes.toml"),
            Env = ImmutableDictionary<string, string>.Empty.Add("GREETING", "hello"),
        };
        var supervisor = real.Run(config);
        await supervisor.StartAsync();

        var lastLine = supervisor.Logs.FirstAsync(l => l.Process == "j" && l.Text == real.Dir.FullName).Timeout(EventLog.WaitLimit).ToTask();

        var result = await supervisor.RunAdHocAsync(new AdHocJob("j", ["sh", "-c", "echo \"$GREETING\"; pwd"], null, false));
        await real.Events.WaitForState("j", ProcessState.Completed);
        await lastLine;

        Assert.True(result.Ok, result.Error);
        var lines = supervisor.RecentLogs("j", 100).Where(l => l.Stream != Tui.Core.Logs.LogStream.System).Select(l => l.Text);
        Assert.Equal(["hello", real.Dir.FullName], lines);
    }

    [Fact]
    public async Task With_restart_a_failing_ad_hoc_job_is_restarted_after_backoff()
    {
        await using var real = new RealEngine();
        var supervisor = real.Run(real.Process("api", "exec sleep 60"));
        await supervisor.StartAsync();
        var marker = Path.Combine(real.Dir.FullName, "ran-once");

        await supervisor.RunAdHocAsync(new AdHocJob("j", ["sh", "-c", $"[ -e '{marker}' ] && exit 0; touch '{marker}'; exit 1"], real.Dir.FullName, true));
        await real.Events.WaitForState("j", ProcessState.Backoff);
        real.Clock.AdvanceBy(BackoffConfig.Default.Initial);
        await real.Events.WaitForState("j", ProcessState.Completed);

        Assert.Equal(RestartPolicy.OnFailure, real.Snapshot("j").Config.Restart);
        Assert.Equal(1, real.Snapshot("j").Restarts);
    }

    [Fact]
    public async Task A_reload_keeps_a_running_ad_hoc_job_and_applies_the_file()
    {
        await using var real = new RealEngine();
        var path = Path.Combine(real.Dir.FullName, "processes.toml");
        var supervisor = real.Run(TestConfigs.ConfigOf(real.Process("api", "exec sleep 60")) with { SourcePath = path });
        await supervisor.StartAsync();
        await supervisor.RunAdHocAsync(new AdHocJob("j", ["sleep", "60"], real.Dir.FullName, false));
        await real.Events.WaitForState("j", ProcessState.Running);
        var pid = real.Snapshot("j").Pid;
        File.WriteAllText(path, "[processes.other]\ncommand = \"exec sleep 61\"\n");

        var reload = await supervisor.ReloadAsync();

        Assert.True(reload.Ok, reload.Error);
        Assert.DoesNotContain("j", reload.Affected);
        Assert.Contains("other", reload.Affected);
        Assert.True(real.Snapshot("j").State.IsAlive());
        Assert.Equal(pid, real.Snapshot("j").Pid);
        Assert.Equal("adhoc", real.Snapshot("j").Group);
    }

    [Fact]
    public async Task A_config_that_names_an_ad_hoc_job_takes_it_over_on_reload()
    {
        await using var real = new RealEngine();
        var path = Path.Combine(real.Dir.FullName, "processes.toml");
        var supervisor = real.Run(TestConfigs.ConfigOf(real.Process("api", "exec sleep 60")) with { SourcePath = path });
        await supervisor.StartAsync();
        await supervisor.RunAdHocAsync(new AdHocJob("j", ["true"], real.Dir.FullName, false));
        await real.Events.WaitForState("j", ProcessState.Completed);
        File.WriteAllText(path, "[processes.j]\ncommand = \"exec sleep 61\"\ngroup = \"web\"\n");

        var reload = await supervisor.ReloadAsync();

        Assert.True(reload.Ok, reload.Error);
        Assert.Equal("web", real.Snapshot("j").Group);
        Assert.Equal("exec sleep 61", real.Snapshot("j").Config.Command.Display);
    }

    [Fact]
    public async Task An_ad_hoc_job_gets_its_own_env_over_the_global_one_and_its_metadata_as_TUI_METADATA()
    {
        await using var real = new RealEngine();
        var config = TestConfigs.ConfigOf(real.Process("api", "exec sleep 60")) with
        {
            SourcePath = Path.Combine(real.Dir.FullName, "processes.toml"),
            Env = ImmutableDictionary<string, string>.Empty.Add("GREETING", "hello").Add("KEPT", "global"),
        };
        var supervisor = real.Run(config);
        await supervisor.StartAsync();
        var done = supervisor.Logs.FirstAsync(l => l.Process == "j" && l.Text.StartsWith("meta=")).Timeout(EventLog.WaitLimit).ToTask();

        var job = new AdHocJob("j", ["sh", "-c", "echo \"$GREETING $KEPT\"; echo \"meta=$TUI_METADATA\""], null, false)
        {
            Env = ImmutableDictionary<string, string>.Empty.Add("GREETING", "bonjour").Add("TUI_METADATA", "forged"),
            MetadataJson = """{"strategy":"momentum"}""",
        };
        var result = await supervisor.RunAdHocAsync(job);
        await done;
        await real.Events.WaitForState("j", ProcessState.Completed);

        Assert.True(result.Ok, result.Error);
        var lines = supervisor.RecentLogs("j", 100).Where(l => l.Stream != Tui.Core.Logs.LogStream.System).Select(l => l.Text);
        Assert.Equal(["bonjour global", """meta={"strategy":"momentum"}"""], lines);
        Assert.Equal("""{"strategy":"momentum"}""", real.Snapshot("j").Config.MetadataJson);
    }

    [Theory]
    [InlineData("[1,2]", "metadata must be a JSON object")]
    [InlineData("{nope", "metadata must be a JSON object")]
    public async Task Metadata_that_is_not_a_JSON_object_is_refused_and_nothing_is_added(string metadata, string error)
    {
        await using var real = new RealEngine();
        var supervisor = real.Run(real.Process("api", "exec sleep 60"));
        await supervisor.StartAsync();

        var result = await supervisor.RunAdHocAsync(new AdHocJob("j", ["true"], null, false) { MetadataJson = metadata });

        Assert.False(result.Ok);
        Assert.Contains(error, result.Error);
        Assert.DoesNotContain(supervisor.Current, p => p.Name == "j");
    }
}
