using Tui.Core.Config;
using Tui.Core.Processes;
using Tui.Core.Supervision;
using static Tui.Core.Tests.Supervision.TestConfigs;

namespace Tui.Core.Tests.Supervision;

/// <summary>Restart policies and backoff, on a virtual clock with the fake launcher.</summary>
public sealed class RestartPolicyTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task Crashed_service_restarts_after_backoff()
    {
        await using var engine = new FakeEngine(Process("api") with { Restart = RestartPolicy.OnFailure });
        await engine.Supervisor.StartAsync();
        Assert.Equal(ProcessState.Ready, engine.State("api"));
        var first = engine.Launcher.Latest("api");

        first.Exit(3);

        var backoff = engine.Snapshot("api");
        Assert.Equal(ProcessState.Backoff, backoff.State);
        Assert.Equal(FakeEngine.T0 + Backoff.Initial, backoff.NextRestartAt);
        Assert.Equal(new ExitStatus(3, null), backoff.LastExit);
        Assert.Null(backoff.Pid);
        Assert.Contains("exit 3", backoff.Reason);
        var scheduled = Assert.Single(engine.Events.All.OfType<RestartScheduled>());
        Assert.Equal((1, Backoff.Initial, "crash: exit 3"), (scheduled.Attempt, scheduled.Delay, scheduled.Cause));

        engine.Advance(Backoff.Initial - Tick);
        Assert.Equal(ProcessState.Backoff, engine.State("api"));
        engine.Advance(Tick);

        var again = engine.Snapshot("api");
        Assert.Equal(ProcessState.Ready, again.State);
        Assert.Equal(1, again.Restarts);
        Assert.Null(again.NextRestartAt);
        Assert.NotEqual(first.Pid, again.Pid);
        Assert.Equal(engine.Launcher.Latest("api").Pid, again.Pid);
        Assert.Equal(
            ["Pending->Starting", "Starting->Running", "Running->Ready", "Ready->Backoff", "Backoff->Starting", "Starting->Running", "Running->Ready"],
            engine.Events.Path("api"));
    }

    [Fact]
    public async Task Backoff_grows_by_its_factor_up_to_its_maximum()
    {
        await using var engine = new FakeEngine(Process("api") with { Restart = RestartPolicy.Always });
        await engine.Supervisor.StartAsync();

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 6; i++)
        {
            engine.Launcher.Latest("api").Exit(1);
            var snapshot = engine.Snapshot("api");
            var delay = snapshot.NextRestartAt!.Value - engine.Clock.Now;
            delays.Add(delay);
            engine.Advance(delay);
            Assert.Equal(ProcessState.Ready, engine.State("api"));
        }

        Assert.Equal([1, 2, 4, 8, 8, 8], delays.Select(d => d.TotalSeconds));
        Assert.Equal([1, 2, 3, 4, 5, 6], engine.Events.All.OfType<RestartScheduled>().Select(r => r.Attempt));
        Assert.Equal(6, engine.Snapshot("api").Restarts);
    }

    [Fact]
    public async Task Backoff_starts_over_once_a_run_stayed_up_for_reset_after()
    {
        await using var engine = new FakeEngine(Process("api") with { Restart = RestartPolicy.Always });
        await engine.Supervisor.StartAsync();
        engine.Launcher.Latest("api").Exit(1);
        engine.Advance(TimeSpan.FromSeconds(1));
        engine.Launcher.Latest("api").Exit(1);
        Assert.Equal(TimeSpan.FromSeconds(2), engine.Snapshot("api").NextRestartAt - engine.Clock.Now);
        engine.Advance(TimeSpan.FromSeconds(2));

        engine.Advance(Backoff.ResetAfter - Tick);
        engine.Launcher.Latest("api").Exit(1);
        Assert.Equal(TimeSpan.FromSeconds(4), engine.Snapshot("api").NextRestartAt - engine.Clock.Now);
        engine.Advance(TimeSpan.FromSeconds(4));

        engine.Advance(Backoff.ResetAfter);
        engine.Launcher.Latest("api").Exit(1);
        Assert.Equal(Backoff.Initial, engine.Snapshot("api").NextRestartAt - engine.Clock.Now);
        Assert.Equal(1, engine.Events.All.OfType<RestartScheduled>().Last().Attempt);
    }

    [Fact]
    public async Task Max_restarts_within_the_window_fails_the_process_with_the_reason()
    {
        await using var engine = new FakeEngine(Process("api") with
        {
            Restart = RestartPolicy.Always,
            MaxRestarts = 2,
            RestartWindow = TimeSpan.FromMinutes(1),
        });
        await engine.Supervisor.StartAsync();

        for (var i = 0; i < 2; i++)
        {
            engine.Launcher.Latest("api").Exit(7);
            engine.Advance(engine.Snapshot("api").NextRestartAt!.Value - engine.Clock.Now);
        }
        engine.Launcher.Latest("api").Exit(7);

        var failed = engine.Snapshot("api");
        Assert.Equal(ProcessState.Failed, failed.State);
        Assert.Equal("exit 7; gave up after 2 restarts within 1m", failed.Reason);
        Assert.Equal(3, engine.Launcher.All("api").Count);
        engine.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(3, engine.Launcher.All("api").Count);
    }

    [Fact]
    public async Task Restarts_older_than_the_window_no_longer_count_toward_the_limit()
    {
        await using var engine = new FakeEngine(Process("api") with
        {
            Restart = RestartPolicy.Always,
            MaxRestarts = 2,
            RestartWindow = TimeSpan.FromSeconds(30),
        });
        await engine.Supervisor.StartAsync();

        for (var i = 0; i < 5; i++)
        {
            engine.Launcher.Latest("api").Exit(1);
            Assert.Equal(ProcessState.Backoff, engine.State("api"));
            engine.Advance(engine.Snapshot("api").NextRestartAt!.Value - engine.Clock.Now);
            engine.Advance(TimeSpan.FromSeconds(20)); // two restarts are never within 30s of each other
        }
        Assert.Equal(ProcessState.Ready, engine.State("api"));
        Assert.Equal(5, engine.Snapshot("api").Restarts);
    }

    [Fact]
    public async Task On_failure_service_that_exits_0_is_completed()
    {
        await using var engine = new FakeEngine(Process("api") with { Restart = RestartPolicy.OnFailure });
        await engine.Supervisor.StartAsync();
        engine.Launcher.Latest("api").Exit(0);

        Assert.Equal(ProcessState.Completed, engine.State("api"));
        Assert.Equal("exit 0", engine.Snapshot("api").Reason);
        engine.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(engine.Launcher.All("api"));
    }

    [Fact]
    public async Task Always_restarts_a_service_that_exits_0()
    {
        await using var engine = new FakeEngine(Process("api") with { Restart = RestartPolicy.Always });
        await engine.Supervisor.StartAsync();
        engine.Launcher.Latest("api").Exit(0);
        Assert.Equal(ProcessState.Backoff, engine.State("api"));
        engine.Advance(Backoff.Initial);
        Assert.Equal(2, engine.Launcher.All("api").Count);
    }

    [Fact]
    public async Task Restart_no_leaves_a_crashed_service_failed()
    {
        await using var engine = new FakeEngine(Process("api") with { Restart = RestartPolicy.No });
        await engine.Supervisor.StartAsync();
        engine.Launcher.Latest("api").SignalGroup(Signals.SIGKILL);

        Assert.Equal(ProcessState.Failed, engine.State("api"));
        Assert.Equal("signal SIGKILL (restart = no)", engine.Snapshot("api").Reason);
        engine.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(engine.Launcher.All("api"));
    }

    [Fact]
    public async Task User_stop_never_triggers_a_restart()
    {
        await using var engine = new FakeEngine(Process("api") with { Restart = RestartPolicy.Always });
        await engine.Supervisor.StartAsync();

        var result = await engine.Supervisor.StopAsync(new ProcessTarget.One("api"));

        Assert.Equal(new[] { "api" }, result.Affected);
        Assert.Equal(ProcessState.Stopped, engine.State("api"));
        Assert.Equal("user stop: signal SIGTERM", engine.Snapshot("api").Reason);
        Assert.Equal([Signals.SIGTERM], engine.Launcher.Latest("api").Signals);
        engine.Advance(TimeSpan.FromMinutes(10));
        Assert.Single(engine.Launcher.All("api"));
        Assert.Empty(engine.Events.All.OfType<RestartScheduled>());
    }

    [Fact]
    public async Task Stopping_during_backoff_cancels_the_restart()
    {
        await using var engine = new FakeEngine(Process("api") with { Restart = RestartPolicy.Always });
        await engine.Supervisor.StartAsync();
        engine.Launcher.Latest("api").Exit(1);

        await engine.Supervisor.StopAsync(new ProcessTarget.One("api"));

        Assert.Equal(ProcessState.Stopped, engine.State("api"));
        Assert.Null(engine.Snapshot("api").NextRestartAt);
        engine.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(engine.Launcher.All("api"));
    }

    [Fact]
    public async Task Starting_during_backoff_restarts_at_once()
    {
        await using var engine = new FakeEngine(Process("api") with { Restart = RestartPolicy.Always });
        await engine.Supervisor.StartAsync();
        engine.Launcher.Latest("api").Exit(1);

        var result = await engine.Supervisor.StartAsync(new ProcessTarget.One("api"));

        Assert.True(result.Ok);
        Assert.Equal(ProcessState.Ready, engine.State("api"));
        engine.Advance(TimeSpan.FromMinutes(1)); // the cancelled backoff timer must not start a second child
        Assert.Equal(2, engine.Launcher.All("api").Count);
    }
}
