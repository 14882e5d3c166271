using Tui.Core.Processes;
using Tui.Core.Health;
using Tui.Core.Supervision;

namespace Tui.Core.Tests.Health;

/// <summary>
/// The readiness gate with each probe kind against real servers the test runs as supervised processes, on a virtual
/// clock: a process is Ready (and dependants waiting for "healthy" start) only once its probe passes.
/// </summary>
public sealed class ReadinessTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Http_readiness_gates_the_ready_state_and_dependants_waiting_for_healthy()
    {
        await using var engine = new MonitoredEngine();
        engine.Write("server.pl", TestServers.Http);
        var port = MonitoredEngine.FreePort();
        engine.Run($$"""
            [processes.api]
            command = ["perl", "server.pl"]
            env = { PORT = "{{port}}", FAIL_FIRST = "1" }
            readiness = { http = "http://127.0.0.1:{{port}}/health", interval = "1s", body = "^ok" }
            [processes.web]
            command = "exec sleep 1000"
            depends_on = { api = "healthy" }
            """);
        await engine.Start();
        await engine.WaitForLog("api", $"listening on {port}");
        await engine.WaitForHealth("api", "starting");
        Assert.Equal(ProcessState.Running, engine.Snapshot("api").State);
        Assert.Equal(ProcessState.Waiting, engine.Snapshot("web").State);

        await engine.Probe("api", Second);
        await engine.WaitForHealth("api", "starting: status 503 Service Unavailable (expected 200-399)");
        Assert.Equal(ProcessState.Running, engine.Snapshot("api").State);
        Assert.Equal(ProcessState.Waiting, engine.Snapshot("web").State);

        await engine.Probe("api", Second);
        var ready = await engine.Events.WaitForState("api", ProcessState.Ready);
        Assert.Equal("healthy", ready.Reason);
        await engine.Events.WaitForState("web", ProcessState.Ready);
        var health = await engine.WaitForHealth("api", "healthy");
        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.Equal("status 503 Service Unavailable (expected 200-399)", health.LastFailure);
    }

    [Fact]
    public async Task Tcp_readiness_passes_when_the_port_accepts_and_says_why_while_it_does_not()
    {
        await using var engine = new MonitoredEngine();
        engine.Write("server.pl", TestServers.Http);
        var port = MonitoredEngine.FreePort();
        var (holder, closed) = MonitoredEngine.RefusingPort();
        using var _ = holder;
        engine.Run($$"""
            [processes.db]
            command = ["perl", "server.pl"]
            env = { PORT = "{{port}}" }
            readiness = { tcp = {{port}} }
            [processes.ghost]
            command = "exec sleep 1000"
            readiness = { tcp = "127.0.0.1:{{closed}}" }
            """);
        await engine.Start();
        await engine.WaitForLog("db", $"listening on {port}");

        engine.Clock.AdvanceBy(Second);
        await engine.Events.WaitForState("db", ProcessState.Ready);
        await engine.WaitForHealth("ghost", "starting: connection refused");
        Assert.Equal(ProcessState.Running, engine.Snapshot("ghost").State);
    }

    [Fact]
    public async Task Unix_readiness_connects_to_the_socket_the_process_made()
    {
        await using var engine = new MonitoredEngine();
        engine.Write("server.pl", TestServers.Unix);
        engine.Run("""
            [processes.api]
            command = ["perl", "server.pl"]
            env = { SOCKET = "api.sock" }
            readiness = { unix = "api.sock", interval = "500ms" }
            """);
        await engine.Start();
        await engine.WaitForLog("api", "listening on api.sock");

        engine.Clock.AdvanceBy(TimeSpan.FromMilliseconds(500));
        await engine.Events.WaitForState("api", ProcessState.Ready);
    }

    [Fact]
    public async Task Exec_readiness_runs_in_the_process_cwd_and_environment_and_shows_the_last_line_of_a_failure()
    {
        await using var engine = new MonitoredEngine();
        engine.Run("""
            [processes.api]
            command = "touch ready.flag; echo flagged; exec sleep 1000"
            readiness = { exec = "test -e ready.flag && test \"$TUI_PROCESS\" = api" }
            [processes.slow]
            command = "exec sleep 1000"
            readiness = { exec = ["sh", "-c", "echo checking; echo not yet >&2; exit 1"] }
            """);
        await engine.Start();
        await engine.WaitForLog("api", "flagged");

        engine.Clock.AdvanceBy(Second);
        await engine.Events.WaitForState("api", ProcessState.Ready);
        await engine.WaitForHealth("slow", "starting: exit 1: not yet");
    }

    [Fact]
    public async Task Output_readiness_is_the_first_matching_line_and_needs_no_clock()
    {
        await using var engine = new MonitoredEngine();
        engine.Run("""
            [processes.api]
            command = "echo booting; echo 'listening on :8080'; exec sleep 1000"
            readiness = { output = 'listening on :\d+' }
            """);
        await engine.Start();

        var ready = await engine.Events.WaitForState("api", ProcessState.Ready);
        Assert.Equal("healthy", ready.Reason);
        Assert.Contains("booting", engine.LogText("api"));
    }

    [Fact]
    public async Task A_resumed_process_is_ready_again_from_what_its_run_already_said()
    {
        await using var engine = new MonitoredEngine();
        engine.Run("""
            [processes.api]
            command = "echo 'listening on :8080'; exec sleep 1000"
            readiness = { output = 'listening on' }
            liveness = { exec = "false", retries = 1 }
            """);
        await engine.Start();
        await engine.Events.WaitForState("api", ProcessState.Ready);

        Assert.True((await engine.Supervisor.PauseAsync(ProcessTarget.Parse("api"))).Ok);
        // Probes stop while paused: a liveness check that would fail at once restarts nothing.
        engine.Clock.AdvanceBy(TimeSpan.FromSeconds(30));
        Assert.Equal(ProcessState.Paused, engine.Snapshot("api").State);
        // One run of the process: the pause did not end it (the probes run through the one-shot runner, not the launcher).
        Assert.Single(engine.Launcher.Started);

        Assert.True((await engine.Supervisor.ResumeAsync(ProcessTarget.Parse("api"))).Ok);
        await engine.Events.WaitForState("api", ProcessState.Ready, occurrence: 2);
    }

    [Fact]
    public async Task A_hanging_probe_is_cut_by_its_timeout_and_leaves_no_process_behind()
    {
        await using var engine = new MonitoredEngine();
        engine.Run("""
            [processes.api]
            command = "exec sleep 1000"
            readiness = { exec = "echo probing; exec sleep 1000", interval = "1s", timeout = "2s", retries = 1 }
            """);
        await engine.Start();
        await engine.WaitForHealth("api", "starting");

        engine.Clock.AdvanceBy(Second);
        Assert.True(await Eventually.True(() => engine.Launcher.StartedCommands.Count == 1), "the probe was started");
        var probe = engine.Launcher.StartedCommands[0].Pid;
        Assert.True(await Eventually.True(() => ProcessGroup.IsAlive(probe)), "the probe runs in a group of its own");

        engine.Clock.AdvanceBy(TimeSpan.FromSeconds(2));
        var health = await engine.WaitForHealth("api", "unhealthy: timed out after 2s");
        Assert.Equal(HealthStatus.Unhealthy, health.Status);
        Assert.Null(ProcStat.Read(probe)); // killed and reaped before the result was reported
        Assert.False(ProcessGroup.IsAlive(probe));
        Assert.Equal(ProcessState.Running, engine.Snapshot("api").State);
    }

    [Fact]
    public async Task A_ready_process_whose_probe_fails_its_retries_is_no_longer_ready()
    {
        await using var engine = new MonitoredEngine();
        engine.Run("""
            [processes.api]
            command = "touch ready.flag; echo flagged; exec sleep 1000"
            readiness = { exec = "test -e ready.flag", retries = 2 }
            """);
        await engine.Start();
        await engine.WaitForLog("api", "flagged");
        await engine.Probe("api", Second);
        await engine.Events.WaitForState("api", ProcessState.Ready);

        File.Delete(Path.Combine(engine.Dir.FullName, "ready.flag"));
        await engine.Probe("api", Second);
        await engine.WaitForHealth("api", "failing 1/2: exit 1");
        Assert.Equal(ProcessState.Ready, engine.Snapshot("api").State);
        await engine.Probe("api", Second);
        var lost = await engine.Events.WaitForState("api", ProcessState.Running, occurrence: 2);
        Assert.Equal("unhealthy: exit 1", lost.Reason);
    }
}
