using System.Text.Json;
using Tui.Core.Processes;
using Tui.Core.Protocol;
using Tui.Core.Supervision;
using Tui.Core.Tests.Health;

namespace Tui.Core.Tests.Protocol;

/// <summary>
/// Children talking back through the whole engine: stdout markers (hidden from the log), the socket (a perl child),
/// typed events valid and invalid, progress and status on the snapshot, sd_notify READY=1, STATUS and WATCHDOG=1 from
/// systemd's own systemd-notify, and the environment that tells a child where to talk.
/// </summary>
public sealed class ChildProtocolTests
{
    [Fact]
    public async Task Markers_drive_progress_status_and_typed_events_and_never_reach_the_log()
    {
        await using var engine = new MonitoredEngine();
        engine.Write("train.sh", """
            echo "epoch 1 starting"
            echo "::tui progress percent=42"
            echo "::tui epoch n=1 loss=0.5"
            echo "::tui status training epoch 1"
            echo "::tui epoch n=oops loss=0.5"
            echo "plain line after the markers"
            exec sleep 1000
            """);
        engine.Run("""
            [processes.train]
            command = ["sh", "train.sh"]
            kind = "job"
            [processes.train.events.epoch]
            n = "integer"
            loss = "number"
            """);
        await engine.Start();

        var epoch = await engine.Events.WaitFor<ChildEvent>(e => e.Process == "train" && e.Name == "epoch");
        Assert.Equal(1, epoch.Data.GetProperty("n").GetInt32());
        var progress = await engine.Events.WaitFor<ChildEvent>(e => e.Process == "train" && e.Name == "progress");
        Assert.Equal(42, progress.Data.GetProperty("percent").GetDouble());
        var invalid = await engine.Events.WaitFor<Notice>(n => n.Process == "train" && n.Message.Contains("invalid event", StringComparison.Ordinal));
        Assert.Equal(NoticeLevel.Warning, invalid.Level);
        Assert.Equal("sent an invalid event: event \"epoch\": n must be an integer, not a string", invalid.Message);
        Assert.Single(engine.Events.All.OfType<ChildEvent>(), e => e.Name == "epoch"); // the invalid one was not applied

        var snapshot = engine.Snapshot("train");
        Assert.Equal(0.42, snapshot.Progress);
        Assert.Equal("training epoch 1", snapshot.StatusText);
        await engine.WaitForLog("train", "plain line after the markers");
        var childLines = engine.Supervisor.RecentLogs("train", 100).Where(l => l.Stream != Tui.Core.Logs.LogStream.System).Select(l => l.Text);
        Assert.Equal(["epoch 1 starting", "plain line after the markers"], childLines);
        Assert.Equal(1, engine.Monitor.Drops("train")![DropReason.Invalid]);
    }

    [Fact]
    public async Task A_child_on_the_socket_sends_heartbeats_events_and_status()
    {
        await using var engine = new MonitoredEngine();
        engine.Write("client.pl", TestServers.SocketClient);
        engine.Run("""
            [processes.worker]
            command = ["perl", "client.pl", '{"type":"heartbeat"}', '{"type":"event","name":"job","data":{"id":"a1","ok":true}}', '{"type":"event","name":"progress","data":{"percent":75}}', '{"type":"status","text":"3 jobs queued"}']
            heartbeat_timeout = "10s"
            events = { job = { id = "string", ok = "boolean" } }
            """);
        await engine.Start();

        var job = await engine.Events.WaitFor<ChildEvent>(e => e.Name == "job");
        Assert.Equal("a1", job.Data.GetProperty("id").GetString());
        var snapshot = await engine.WaitForSnapshot("worker", s => s.StatusText == "3 jobs queued");
        Assert.Equal(0.75, snapshot.Progress);
        Assert.Equal("healthy", snapshot.Health);
        Assert.Equal(0, engine.Monitor.Drops("worker")!.Total);
    }

    [Fact]
    public async Task Every_child_learns_where_to_talk_from_its_environment()
    {
        await using var engine = new MonitoredEngine();
        engine.Run("""
            [processes.api]
            command = "echo \"socket=$TUI_SOCKET process=$TUI_PROCESS beat=$TUI_HEARTBEAT_MS notify=$NOTIFY_SOCKET watchdog=$WATCHDOG_USEC\"; exec sleep 1000"
            heartbeat_timeout = "9s"
            notify = true
            """);
        await engine.Start();

        var socket = Path.Combine(engine.Dir.FullName, "s", "api.sock");
        var notify = Path.Combine(engine.Dir.FullName, "s", "api.notify");
        await engine.WaitForLog("api", $"socket={socket} process=api beat=3000 notify={notify} watchdog=9000000");
        Assert.True(File.Exists(socket));
    }

    [Fact]
    public async Task A_job_down_for_good_closes_its_sockets_and_its_next_run_opens_them_again()
    {
        await using var engine = new MonitoredEngine();
        var go = Path.Combine(engine.Dir.FullName, "go"); // each run ends once the test has looked
        engine.Run($$"""
            [processes.report]
            kind = "job"
            autostart = false
            notify = true
            command = "while [ ! -e '{{go}}' ]; do sleep 0.02; done"
            """);
        await engine.Start();
        var socket = Path.Combine(engine.Dir.FullName, "s", "report.sock");
        var notify = Path.Combine(engine.Dir.FullName, "s", "report.notify");

        for (var run = 1; run <= 2; run++)
        {
            var completed = engine.Events.WaitForState("report", ProcessState.Completed, occurrence: run);
            Assert.True((await engine.Supervisor.StartAsync(ProcessTarget.Parse("report"))).Ok);
            Assert.True(File.Exists(socket), $"run {run}: no socket while it runs");
            File.WriteAllText(go, "");
            await completed;
            File.Delete(go);
            // A Tui that ran a thousand jobs held a thousand listening sockets.
            Assert.False(File.Exists(socket), $"run {run}: the socket outlived the job");
            Assert.False(File.Exists(notify), $"run {run}: the notify socket outlived the job");
        }
    }

    [Fact]
    public async Task Sd_notify_READY_gates_readiness_and_STATUS_is_shown()
    {
        await using var engine = new MonitoredEngine();
        engine.Write("daemon.sh", """
            trap 'systemd-notify --ready --status="serving"' USR1
            systemd-notify --status="warming up"
            echo up
            while :; do sleep 1 & wait $!; done
            """);
        engine.Run("""
            [processes.daemon]
            command = ["sh", "daemon.sh"]
            notify = true
            [processes.client]
            command = "exec sleep 1000"
            depends_on = { daemon = "healthy" }
            """);
        await engine.Start();

        await engine.WaitForSnapshot("daemon", s => s.StatusText == "warming up");
        await engine.WaitForHealth("daemon", "starting: waiting for READY=1");
        Assert.Equal(ProcessState.Running, engine.Snapshot("daemon").State);
        Assert.Equal(ProcessState.Waiting, engine.Snapshot("client").State);

        engine.Signal("daemon", Signals.SIGUSR1);
        await engine.Events.WaitForState("daemon", ProcessState.Ready);
        await engine.Events.WaitForState("client", ProcessState.Ready);
        await engine.WaitForSnapshot("daemon", s => s.StatusText == "serving");
        Assert.Equal(0, engine.Monitor.Drops("daemon")!.Total);
    }

    [Fact]
    public async Task Sd_notify_WATCHDOG_is_a_heartbeat()
    {
        await using var engine = new MonitoredEngine();
        engine.Write("daemon.sh", """
            n=0
            trap 'n=$((n+1)); systemd-notify WATCHDOG=1 "STATUS=pet $n"' USR1
            systemd-notify --ready
            while :; do sleep 1 & wait $!; done
            """);
        engine.Run("""
            [processes.daemon]
            command = ["sh", "daemon.sh"]
            notify = true
            heartbeat_timeout = "10s"
            """);
        await engine.Start();
        await engine.Events.WaitForState("daemon", ProcessState.Ready);

        engine.Clock.AdvanceBy(TimeSpan.FromSeconds(10));
        await engine.WaitForHealth("daemon", "stale: no heartbeat for 10s");
        engine.Signal("daemon", Signals.SIGUSR1);
        // The status comes in the same datagram, after WATCHDOG=1: once it shows, the heartbeat was applied.
        await engine.WaitForSnapshot("daemon", s => s.StatusText == "pet 1");
        await engine.Events.WaitFor<HealthChanged>(h => h.Process == "daemon" && h.Text == "healthy" && h.At == MonitoredEngine.T0 + TimeSpan.FromSeconds(10));
        engine.Clock.AdvanceBy(TimeSpan.FromSeconds(9));
        Assert.Equal("healthy", engine.Snapshot("daemon").Health);
    }

    [Fact]
    public async Task A_flooding_child_is_cut_to_the_rate_and_the_engine_stays_responsive()
    {
        await using var engine = new MonitoredEngine();
        engine.Run("""
            [processes.noisy]
            command = "i=0; while [ $i -lt 20000 ]; do echo '::tui heartbeat'; i=$((i+1)); done; echo flood over; exec sleep 1000"
            [processes.quiet]
            command = "exec sleep 1000"
            autostart = false
            """);
        await engine.Start();
        await engine.WaitForLog("noisy", "flood over");

        // The engine still answers commands while (and after) the flood is handled.
        Assert.True((await engine.Supervisor.StartAsync(ProcessTarget.Parse("quiet"))).Ok);
        await engine.Events.WaitForState("quiet", ProcessState.Ready);
        var drops = engine.Monitor.Drops("noisy")!;
        Assert.True(await Eventually.True(() => drops[DropReason.Flooding] == 20_000 - ProtocolLimits.MessageBurst), $"flooding: {drops[DropReason.Flooding]}");
        Assert.DoesNotContain(engine.LogText("noisy"), l => l.StartsWith("::tui", StringComparison.Ordinal));
        await engine.Events.WaitFor<Notice>(n => n.Process == "noisy" && n.Message.Contains("flooding", StringComparison.Ordinal));
    }
}
