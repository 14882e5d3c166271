using Tui.Core.Config;
using Tui.Core.Processes;
using Tui.Core.Supervision;
using Tui.Core.Tests.Health;
using Tui.Core.Tests.Stats;

namespace Tui.Core.Tests.Limits;

/// <summary>
/// Each limit through the whole engine, with real children, on the virtual clock: memory and CPU from scripted
/// samples of the child's tree (one round per virtual second), the runtime from the clock itself.
/// </summary>
public sealed class LimitTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private const long MB = 1000_000;

    [Fact]
    public async Task Memory_over_the_limit_for_the_window_restarts_the_process_and_records_why()
    {
        await using var engine = new MonitoredEngine();
        var stats = new ScriptedStatsSource();
        engine.Run("""
            [processes.api]
            command = "exec sleep 1000"
            backoff = { initial = "5s" }
            limits = { max_memory = "512MB" }
            """, stats);
        await engine.Start();
        var pid = (await engine.Events.WaitFor<ProcessStarted>(s => s.Process == "api")).Pid;
        // Ready follows the start on the engine loop; wait for it rather than assume it came first.
        await engine.Events.WaitForState("api", ProcessState.Ready);

        // A one-second spike does not count: the 3 s window averages it with 100 MB around it.
        stats.Set(pid, cpuTicks: 0, rss: 900 * MB);
        engine.Clock.AdvanceBy(Second);
        stats.Set(pid, cpuTicks: 0, rss: 100 * MB);
        engine.Clock.AdvanceBy(Second * 3);
        Assert.Equal(ProcessState.Ready, engine.Snapshot("api").State);

        stats.Set(pid, cpuTicks: 0, rss: 530 * MB);
        engine.Clock.AdvanceBy(Second * 3);
        var hit = await engine.Events.WaitFor<LimitExceeded>(e => e.Process == "api");
        Assert.Equal(("memory", "memory 530 MB > 512 MB", LimitAction.Restart), (hit.Limit, hit.Reason, hit.Action));
        var backoff = await engine.Events.WaitForState("api", ProcessState.Backoff);
        Assert.Equal("restarted: memory 530 MB > 512 MB; restart 1 in 5s", backoff.Reason);
        Assert.Equal("memory 530 MB > 512 MB", (await engine.Events.WaitFor<RestartScheduled>(r => r.Process == "api")).Cause);
        Assert.Contains("restarting: memory 530 MB > 512 MB: SIGTERM", engine.LogText("api"));
    }

    [Fact]
    public async Task Cpu_over_the_limit_only_warns_when_told_to_and_warns_again_only_after_coming_back_under()
    {
        await using var engine = new MonitoredEngine();
        var stats = new ScriptedStatsSource(clockTicksPerSecond: 100);
        engine.Run("""
            [processes.spin]
            command = "exec sleep 1000"
            limits = { max_cpu = 90, on_cpu = "warn", window = "2s" }
            """, stats);
        await engine.Start();
        var pid = (await engine.Events.WaitFor<ProcessStarted>(s => s.Process == "spin")).Pid;

        // 97 ticks a second of 100 is 97% of a core.
        long ticks = 0;
        for (var second = 0; second < 6; second++)
        {
            ticks += 97;
            stats.Set(pid, cpuTicks: ticks);
            engine.Clock.AdvanceBy(Second);
        }
        var warning = await engine.Events.WaitFor<Notice>(n => n.Process == "spin" && n.Level == NoticeLevel.Warning);
        Assert.Equal("over its limit: cpu 97% > 90% over 2s", warning.Message);
        for (var second = 0; second < 3; second++)
        {
            ticks += 10;
            stats.Set(pid, cpuTicks: ticks);
            engine.Clock.AdvanceBy(Second);
        }
        for (var second = 0; second < 3; second++)
        {
            ticks += 99;
            stats.Set(pid, cpuTicks: ticks);
            engine.Clock.AdvanceBy(Second);
        }
        await engine.Events.WaitFor<LimitExceeded>(e => e.Process == "spin" && e.Reason == "cpu 99% > 90% over 2s");
        Assert.Equal(2, engine.Events.All.OfType<LimitExceeded>().Count());
        Assert.Equal(ProcessState.Ready, engine.Snapshot("spin").State);
        Assert.Equal(pid, engine.Snapshot("spin").Pid);
    }

    [Fact]
    public async Task A_run_longer_than_max_runtime_is_stopped_with_the_reason()
    {
        await using var engine = new MonitoredEngine();
        engine.Run("""
            [processes.report]
            command = "echo working; exec sleep 1000"
            kind = "job"
            limits = { max_runtime = "1h" }
            """);
        await engine.Start();
        var pid = (await engine.Events.WaitFor<ProcessStarted>(s => s.Process == "report")).Pid;
        await engine.Events.WaitForState("report", ProcessState.Ready);

        engine.Clock.AdvanceBy(TimeSpan.FromMinutes(59));
        Assert.Equal(ProcessState.Ready, engine.Snapshot("report").State);
        engine.Clock.AdvanceBy(TimeSpan.FromMinutes(1));
        var stopped = await engine.Events.WaitForState("report", ProcessState.Stopped);
        Assert.Equal("runtime over 1h: signal SIGTERM", stopped.Reason);
        Assert.Equal(LimitAction.Stop, (await engine.Events.WaitFor<LimitExceeded>(e => e.Process == "report")).Action);
        Assert.Null(ProcStat.Read(pid));
    }

    [Fact]
    public async Task A_memory_limit_set_to_stop_stops_for_good()
    {
        await using var engine = new MonitoredEngine();
        var stats = new ScriptedStatsSource();
        engine.Run("""
            [processes.leaky]
            command = "exec sleep 1000"
            restart = "always"
            limits = { max_memory = "1GB", on_memory = "stop", window = "1s" }
            """, stats);
        await engine.Start();
        var pid = (await engine.Events.WaitFor<ProcessStarted>(s => s.Process == "leaky")).Pid;

        stats.Set(pid, cpuTicks: 0, rss: 1_500 * MB);
        engine.Clock.AdvanceBy(Second);
        var stopped = await engine.Events.WaitForState("leaky", ProcessState.Stopped);
        Assert.Equal("memory 1.5 GB > 1 GB: signal SIGTERM", stopped.Reason);
        engine.Clock.AdvanceBy(TimeSpan.FromMinutes(1));
        Assert.Equal(ProcessState.Stopped, engine.Snapshot("leaky").State);
        Assert.Single(engine.Events.All.OfType<ProcessStarted>());
    }
}
