using Tui.Core.Processes;
using Tui.Core.Supervision;

namespace Tui.Core.Tests.Health;

/// <summary>
/// The heartbeat watchdog with a real child that prints <c>::tui heartbeat</c> when the test pokes it (SIGUSR1), so
/// that heartbeats come exactly when the test says on the virtual clock.
/// </summary>
public sealed class WatchdogTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// On each SIGUSR1 prints a heartbeat marker, then a status "beat N": the status reaches the snapshot after the
    /// heartbeat was applied (one child's messages are handled in order), which is how the test knows.
    /// Waits in short sleeps so that the trap runs promptly.
    /// </summary>
    private const string Heartbeating =
        "n=0; trap 'n=$((n+1)); echo \"::tui heartbeat\"; echo \"::tui status beat $n\"' USR1; echo up; while :; do sleep 1 & wait $!; done";

    [Fact]
    public async Task A_silent_child_goes_stale_then_unhealthy_then_is_restarted()
    {
        await using var engine = new MonitoredEngine();
        engine.Write("beat.sh", Heartbeating);
        engine.Run("""
            [processes.worker]
            command = ["sh", "beat.sh"]
            heartbeat_timeout = "10s"
            backoff = { initial = "1s" }
            """);
        await engine.Start();
        await engine.WaitForLog("worker", "up");
        await engine.Events.WaitForState("worker", ProcessState.Ready);

        engine.Clock.AdvanceBy(Timeout);
        var stale = await engine.WaitForHealth("worker", "stale: no heartbeat for 10s");
        Assert.Equal(HealthStatus.Stale, stale.Status);
        Assert.Equal(ProcessState.Ready, engine.Snapshot("worker").State);

        engine.Signal("worker", Signals.SIGUSR1);
        await engine.Events.WaitFor<HealthChanged>(h => h.Process == "worker" && h.Text == "healthy" && h.At == MonitoredEngine.T0 + Timeout);

        engine.Clock.AdvanceBy(Timeout);
        await engine.Events.WaitFor<HealthChanged>(h => h.Process == "worker" && h.Text == "stale: no heartbeat for 10s" && h.At == MonitoredEngine.T0 + 2 * Timeout);
        engine.Clock.AdvanceBy(Timeout);
        var unhealthy = await engine.Events.WaitForState("worker", ProcessState.Running, occurrence: 2);
        Assert.Equal("unhealthy: no heartbeat for 20s", unhealthy.Reason);

        engine.Clock.AdvanceBy(Timeout);
        var backoff = await engine.Events.WaitForState("worker", ProcessState.Backoff);
        Assert.Equal("restarted: no heartbeat for 30s; restart 1 in 1s", backoff.Reason);
        Assert.DoesNotContain(engine.LogText("worker"), l => l.Contains("::tui", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Heartbeats_in_time_keep_a_child_healthy()
    {
        await using var engine = new MonitoredEngine();
        engine.Write("beat.sh", Heartbeating);
        engine.Run("""
            [processes.worker]
            command = ["sh", "beat.sh"]
            heartbeat_timeout = "10s"
            """);
        await engine.Start();
        await engine.WaitForLog("worker", "up");
        await engine.Events.WaitForState("worker", ProcessState.Ready);
        var baseline = engine.Monitor.Drops("worker")!.Total;

        for (var beat = 0; beat < 5; beat++)
        {
            engine.Clock.AdvanceBy(TimeSpan.FromSeconds(8));
            engine.Signal("worker", Signals.SIGUSR1);
            await engine.WaitForSnapshot("worker", s => s.StatusText == $"beat {beat + 1}");
        }
        Assert.DoesNotContain(engine.Events.All.OfType<HealthChanged>(), h => h.Status != HealthStatus.Healthy && h.Status != HealthStatus.Starting);
        Assert.Equal(baseline, engine.Monitor.Drops("worker")!.Total);
    }
}
