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

        var result = await supervisor.RunAdHocAsync("j", ["sh", "-c", "echo \"$GREETING\"; pwd"], restart: false);
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

        await supervisor.RunAdHocAsync("j", ["sh", "-c", $"[ -e '{marker}' ] && exit 0; touch '{marker}'; exit 1"], restart: true, cwd: real.Dir.FullName);
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
        await supervisor.RunAdHocAsync("j", ["sleep", "60"], restart: false, cwd: real.Dir.FullName);
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
        await supervisor.RunAdHocAsync("j", ["true"], restart: false, cwd: real.Dir.FullName);
        await real.Events.WaitForState("j", ProcessState.Completed);
        File.WriteAllText(path, "[processes.j]\ncommand = \"exec sleep 61\"\ngroup = \"web\"\n");

        var reload = await supervisor.ReloadAsync();

        Assert.True(reload.Ok, reload.Error);
        Assert.Equal("web", real.Snapshot("j").Group);
        Assert.Equal("exec sleep 61", real.Snapshot("j").Config.Command.Display);
    }
}
