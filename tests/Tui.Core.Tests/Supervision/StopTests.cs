using Tui.Core.Processes;
using Tui.Core.Supervision;
using static Tui.Core.Tests.Supervision.TestConfigs;

namespace Tui.Core.Tests.Supervision;

/// <summary>Stop signals, stop_timeout and shutdown, on a virtual clock with the fake launcher.</summary>
public sealed class StopTests
{
    [Fact]
    public async Task Stop_sends_the_configured_signal_then_SIGKILL_after_stop_timeout()
    {
        await using var engine = new FakeEngine(Process("api") with { StopSignal = Signals.SIGINT, StopTimeout = TimeSpan.FromSeconds(3) });
        engine.Launcher.FatalSignals.Clear();
        engine.Launcher.FatalSignals.Add(Signals.SIGKILL);
        await engine.Supervisor.StartAsync();
        var child = engine.Launcher.Latest("api");

        await engine.Supervisor.StopAsync(new ProcessTarget.One("api"));
        Assert.Equal(ProcessState.Stopping, engine.State("api"));
        Assert.Equal([Signals.SIGINT], child.Signals);

        engine.Advance(TimeSpan.FromSeconds(3) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(ProcessState.Stopping, engine.State("api"));
        engine.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal([Signals.SIGINT, Signals.SIGKILL], child.Signals);
        Assert.Equal(ProcessState.Stopped, engine.State("api"));
        Assert.Equal("user stop: signal SIGKILL after stop_timeout", engine.Snapshot("api").Reason);
        Assert.Contains(engine.Events.All.OfType<Notice>(), n => n.Process == "api" && n.Message.Contains("SIGKILL"));
    }

    [Fact]
    public async Task Stopping_a_paused_process_continues_it_so_it_can_handle_the_signal()
    {
        await using var engine = new FakeEngine(Process("api"));
        engine.Launcher.FatalSignals.Remove(Signals.SIGTERM);
        await engine.Supervisor.StartAsync();
        await engine.Supervisor.PauseAsync(new ProcessTarget.One("api"));
        var child = engine.Launcher.Latest("api");

        await engine.Supervisor.StopAsync(new ProcessTarget.One("api"));

        Assert.Equal([Signals.SIGSTOP, Signals.SIGTERM, Signals.SIGCONT], child.Signals);
        engine.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(ProcessState.Stopped, engine.State("api"));
    }

    [Fact]
    public async Task Pause_and_resume_signal_the_group_and_go_through_paused()
    {
        await using var engine = new FakeEngine(Process("api"));
        await engine.Supervisor.StartAsync();

        var paused = await engine.Supervisor.PauseAsync(new ProcessTarget.One("api"));
        Assert.Equal(ProcessState.Paused, engine.State("api"));
        var resumed = await engine.Supervisor.ResumeAsync(new ProcessTarget.One("api"));

        Assert.True(paused.Ok && resumed.Ok);
        Assert.Equal([Signals.SIGSTOP, Signals.SIGCONT], engine.Launcher.Latest("api").Signals);
        Assert.Equal(["Ready->Paused", "Paused->Running", "Running->Ready"], engine.Events.Path("api").Skip(3));
    }

    [Fact]
    public async Task Resuming_a_process_that_is_not_paused_is_refused_with_the_reason()
    {
        await using var engine = new FakeEngine(Process("api"));
        await engine.Supervisor.StartAsync();

        var result = await engine.Supervisor.ResumeAsync(new ProcessTarget.One("api"));

        Assert.False(result.Ok);
        Assert.Equal("api is ready, not paused", result.Error);
        Assert.Empty(engine.Launcher.Latest("api").Signals);
    }

    [Fact]
    public async Task Shutdown_kills_what_ignores_its_stop_signal_after_shutdown_timeout()
    {
        var settings = Tui.Core.Config.Settings.Default with { ShutdownTimeout = TimeSpan.FromSeconds(4) };
        var engine = new FakeEngine(ConfigOf(settings, Process("api") with { StopTimeout = TimeSpan.FromMinutes(1) }));
        engine.Launcher.FatalSignals.Remove(Signals.SIGTERM);
        await engine.Supervisor.StartAsync();

        var shutdown = engine.Supervisor.ShutdownAsync();
        Assert.False(shutdown.IsCompleted);
        engine.Advance(TimeSpan.FromSeconds(4));

        await shutdown.WaitAsync(EventLog.WaitLimit);
        Assert.Equal([Signals.SIGTERM, Signals.SIGKILL], engine.Launcher.Latest("api").Signals);
        Assert.Equal(ProcessState.Stopped, engine.State("api"));
        await engine.DisposeAsync();
    }

    [Fact]
    public async Task Nothing_restarts_after_shutdown()
    {
        await using var engine = new FakeEngine(Process("api") with { Restart = Tui.Core.Config.RestartPolicy.Always });
        await engine.Supervisor.StartAsync();
        await engine.Supervisor.ShutdownAsync();

        var result = await engine.Supervisor.StartAsync(new ProcessTarget.One("api"));
        engine.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(ProcessState.Stopped, engine.State("api"));
        Assert.Single(engine.Launcher.All("api"));
        Assert.False(result.Ok);
        Assert.Equal("the supervisor is shutting down", result.Error);
    }
}
