using Tui.Core.Health;
using Tui.Core.Processes;
using Tui.Core.Supervision;

namespace Tui.Core.Tests.Health;

/// <summary>Liveness in virtual time: a check failing its retries in a row restarts the process through its restart policy.</summary>
public sealed class LivenessTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private const string Toml = """
        [processes.api]
        command = "touch alive.flag; echo up; exec sleep 1000"
        restart = "{0}"
        backoff = {{ initial = "2s" }}
        liveness = {{ exec = "test -e alive.flag", interval = "1s", retries = 2 }}
        """;

    [Fact]
    public async Task A_process_failing_liveness_is_restarted_by_its_policy_with_the_reason()
    {
        await using var engine = new MonitoredEngine();
        engine.Run(string.Format(Toml, "on-failure"));
        await engine.Start();
        var first = await engine.Events.WaitFor<ProcessStarted>(s => s.Process == "api");
        await engine.WaitForLog("api", "up");
        Assert.True((await engine.Probe("api", Second)).Result.Healthy);

        File.Delete(Path.Combine(engine.Dir.FullName, "alive.flag"));
        Assert.False((await engine.Probe("api", Second)).Result.Healthy);
        var failing = await engine.WaitForHealth("api", "failing 1/2: exit 1");
        Assert.Equal(HealthStatus.Failing, failing.Status);
        Assert.Equal(ProcessState.Ready, engine.Snapshot("api").State);

        await engine.Probe("api", Second);
        var backoff = await engine.Events.WaitForState("api", ProcessState.Backoff);
        Assert.Equal("restarted: liveness failed 2 times in a row: exit 1; restart 1 in 2s", backoff.Reason);
        var scheduled = await engine.Events.WaitFor<RestartScheduled>(r => r.Process == "api");
        Assert.Equal("liveness failed 2 times in a row: exit 1", scheduled.Cause);
        Assert.Equal(new ExitStatus(null, Signals.SIGTERM), engine.Snapshot("api").LastExit);
        Assert.Contains(engine.LogText("api"), l => l.StartsWith("restarting: liveness failed 2 times in a row: exit 1: SIGTERM", StringComparison.Ordinal));

        engine.Clock.AdvanceBy(TimeSpan.FromSeconds(2));
        var second = await engine.Events.WaitFor<ProcessStarted>(s => s.Process == "api" && s.Run == 2);
        Assert.NotEqual(first.Pid, second.Pid);
        Assert.Equal(1, engine.Snapshot("api").Restarts);
        Assert.Null(ProcStat.Read(first.Pid)); // the first run was stopped and reaped
    }

    [Fact]
    public async Task With_restart_no_a_process_failing_liveness_stays_failed()
    {
        await using var engine = new MonitoredEngine();
        engine.Run(string.Format(Toml, "no"));
        await engine.Start();
        await engine.WaitForLog("api", "up");
        File.Delete(Path.Combine(engine.Dir.FullName, "alive.flag"));

        await engine.Probe("api", Second);
        Assert.Equal(ProcessState.Ready, engine.Snapshot("api").State); // liveness alone does not gate readiness
        await engine.WaitForHealth("api", "failing 1/2: exit 1");
        await engine.Probe("api", Second);
        var failed = await engine.Events.WaitForState("api", ProcessState.Failed);
        Assert.Equal("liveness failed 2 times in a row: exit 1: signal SIGTERM (restart = no)", failed.Reason);
    }
}
