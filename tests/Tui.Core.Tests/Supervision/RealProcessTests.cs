using System.Reactive.Linq;
using Tui.Core.Config;
using Tui.Core.Logs;
using Tui.Core.Processes;
using Tui.Core.Supervision;

namespace Tui.Core.Tests.Supervision;

/// <summary>The engine with real sh children: restarts, group kills, launch failures, pause, logs, shutdown.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RealProcessTests
{
    /// <summary>A script whose first run crashes and whose later runs stay up (a marker file remembers the first).</summary>
    private const string CrashOnceThenRun = "if [ -e crashed ]; then echo second run; exec sleep 1000; fi\ntouch crashed; echo first run; exit 3";

    /// <summary>Two grandchildren and the leader, all ignoring SIGTERM (SIG_IGN survives exec, so sleep ignores it too).</summary>
    private const string StubbornTree =
        "trap '' TERM\n(trap '' TERM; sleep 1000) &\n(trap '' TERM; sleep 1000) &\necho tree up\nwait";

    [Fact]
    public async Task Crashed_real_child_comes_back_with_a_new_pid()
    {
        await using var engine = new RealEngine();
        engine.Run(engine.Process("api", CrashOnceThenRun) with { Restart = RestartPolicy.OnFailure });

        await engine.Supervisor.StartAsync();
        var firstRun = await engine.Events.WaitFor<ProcessStarted>(s => s.Process == "api");
        var crash = await engine.Events.WaitForState("api", ProcessState.Backoff);
        Assert.StartsWith("exit 3", crash.Reason);
        Assert.Equal(firstRun.Pid, crash.Pid);

        engine.Clock.AdvanceBy(TestConfigs.Backoff.Initial);
        var secondRun = await engine.Events.WaitFor<ProcessStarted>(s => s.Process == "api" && s.Run == 2);
        await engine.Events.WaitForState("api", ProcessState.Ready, occurrence: 2);
        // Ready comes as soon as the child is started; its group exists once setsid has run, which its output proves.
        await WaitForLog(engine, "api", "second run");

        Assert.NotEqual(firstRun.Pid, secondRun.Pid);
        Assert.Equal(secondRun.Pid, engine.Snapshot("api").Pid);
        Assert.True(ProcessGroup.IsAlive(secondRun.Pid));
        Assert.Equal(1, engine.Snapshot("api").Restarts);
    }

    [Fact]
    public async Task Stop_SIGKILLs_a_tree_that_ignores_SIGTERM_after_stop_timeout_and_no_pid_survives()
    {
        await using var engine = new RealEngine();
        engine.Run(engine.Process("tree", StubbornTree) with { StopTimeout = TimeSpan.FromSeconds(3) });
        await engine.Supervisor.StartAsync();
        var pid = (await engine.Events.WaitFor<ProcessStarted>(s => s.Process == "tree")).Pid;
        await WaitForLog(engine, "tree", "tree up");
        var members = ProcessGroup.LiveMembers(pid);
        Assert.True(members.Count >= 3, $"expected the leader and two grandchildren, found {members.Count}");

        await engine.Supervisor.StopAsync(ProcessTarget.Parse("tree"));
        engine.Clock.AdvanceBy(TimeSpan.FromSeconds(3) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(ProcessState.Stopping, engine.Snapshot("tree").State);
        Assert.All(members, m => Assert.True(ProcStat.Read(m) is { IsDead: false }, $"pid {m} died before stop_timeout"));

        engine.Clock.AdvanceBy(TimeSpan.FromMilliseconds(1));
        var stopped = await engine.Events.WaitForState("tree", ProcessState.Stopped);

        Assert.Equal("user stop: signal SIGKILL after stop_timeout", stopped.Reason);
        foreach (var member in members) Assert.True(await RealEngine.Gone(member), $"pid {member} survived");
        Assert.False(ProcessGroup.IsAlive(pid));
    }

    [Fact]
    public async Task Stop_right_after_start_reaches_a_child_that_is_not_yet_a_group_leader()
    {
        // setsid makes the child a group leader only once it runs; a stop signal sent before that must not be lost.
        const int Attempts = 100;
        await using var engine = new RealEngine();
        engine.Run(engine.Process("quick", "exec sleep 1000") with { Autostart = false });
        for (var i = 1; i <= Attempts; i++)
        {
            await engine.Supervisor.StartAsync(ProcessTarget.Parse("quick"));
            await engine.Supervisor.StopAsync(ProcessTarget.Parse("quick"));
            var stopped = await engine.Events.WaitForState("quick", ProcessState.Stopped, occurrence: i);
            Assert.Equal("user stop: signal SIGTERM", stopped.Reason);
        }
    }

    [Fact]
    public async Task Leader_exit_kills_what_it_left_in_its_group()
    {
        await using var engine = new RealEngine();
        engine.Run(engine.Process("job", "sleep 1000 &\necho started $!\nexit 0") with { Kind = ProcessKind.Job });
        await engine.Supervisor.StartAsync();

        await engine.Events.WaitForState("job", ProcessState.Completed);
        var line = await WaitForLog(engine, "job", "started ");
        var grandchild = int.Parse(line.Text["started ".Length..]);

        Assert.True(await RealEngine.Gone(grandchild), $"grandchild {grandchild} outlived its leader");
    }

    [Fact]
    public async Task An_exit_is_reported_after_every_line_the_run_wrote()
    {
        await using var engine = new RealEngine(real => new OutputAfterExitLauncher(real));
        engine.Run(engine.Process("burst", "seq 1 3000\nexit 0") with { Kind = ProcessKind.Job });
        await engine.Supervisor.StartAsync();

        await engine.Events.WaitForState("burst", ProcessState.Completed);

        var lines = engine.Supervisor.RecentLogs("burst", int.MaxValue).Select(l => l.Text).ToList();
        var exitLine = lines.FindIndex(l => l.StartsWith("exited: exit 0"));
        Assert.True(exitLine >= 0, "no exit line");
        Assert.Equal(exitLine - 1, lines.IndexOf("3000"));
    }

    /// <summary>A daemon in a session of its own (announced once it is there, or the leader's exit would kill it) and the leader's exit.</summary>
    private const string EscapesTheGroup =
        "setsid sleep 1000 &\nwhile [ \"$(cut -d' ' -f6 /proc/$!/stat)\" != \"$!\" ]; do :; done\necho escaped $!\nexit 0";

    [Fact]
    public async Task A_descendant_that_left_the_group_and_holds_the_output_keeps_the_run_only_for_the_output_grace()
    {
        await using var engine = new RealEngine();
        engine.Run(engine.Process("escape", EscapesTheGroup) with { Kind = ProcessKind.Job });
        await engine.Supervisor.StartAsync();
        var leader = engine.Snapshot("escape").Pid!.Value;
        var line = await WaitForLog(engine, "escape", "escaped ");
        var escaped = int.Parse(line.Text["escaped ".Length..]);
        try
        {
            // Reaped, but the daemon still holds the pipes: the exit waits for the grace, which is on the engine's clock.
            Assert.True(await Eventually.True(() => ProcStat.Read(leader) is null, EventLog.WaitLimit), "the leader was not reaped");
            Assert.True(engine.Snapshot("escape").State.IsAlive());
            var grace = SupervisorOptions.DefaultOutputGrace;
            Assert.True(await Eventually.True(() =>
            {
                engine.Clock.AdvanceBy(grace); // until the engine has armed the grace and it has run out
                return engine.Snapshot("escape").State == ProcessState.Completed;
            }, EventLog.WaitLimit), "the run was still alive after its output grace");

            var completed = await engine.Events.WaitForState("escape", ProcessState.Completed);
            Assert.True(completed.At >= FakeEngine.T0 + grace, $"completed at {completed.At}, before the grace ran out");
            Assert.True(ProcessGroup.IsAlive(escaped), "the escaped daemon should still run: it left the group");
        }
        finally
        {
            ProcessGroup.Signal(escaped, Signals.SIGKILL); // it leads a session of its own
        }
    }

    [Fact]
    public async Task Command_that_does_not_exist_fails_with_the_reason()
    {
        await using var engine = new RealEngine();
        engine.Run(TestConfigs.Process("ghost", new CommandSpec.Exec(["nosuch-tui-test-command"])));

        await engine.Supervisor.StartAsync();

        var snapshot = engine.Snapshot("ghost");
        Assert.Equal(ProcessState.Failed, snapshot.State);
        Assert.StartsWith("command not found: nosuch-tui-test-command", snapshot.Reason);
        Assert.Empty(engine.Launcher.Groups);
    }

    [Fact]
    public async Task Pause_stops_the_whole_real_group_and_resume_continues_it()
    {
        await using var engine = new RealEngine();
        engine.Run(engine.Process("worker", "sleep 1000 &\necho worker up\nwait"));
        await engine.Supervisor.StartAsync();
        var pid = (await engine.Events.WaitFor<ProcessStarted>(s => s.Process == "worker")).Pid;
        await WaitForLog(engine, "worker", "worker up");
        var members = ProcessGroup.LiveMembers(pid);

        Assert.True((await engine.Supervisor.PauseAsync(ProcessTarget.Parse("worker"))).Ok);
        Assert.True(await AllInState(members, 'T'), "not every member was stopped");
        Assert.Equal(ProcessState.Paused, engine.Snapshot("worker").State);

        Assert.True((await engine.Supervisor.ResumeAsync(ProcessTarget.Parse("worker"))).Ok);
        Assert.True(await AllInState(members, 'S'), "not every member was continued");
        await engine.Events.WaitForState("worker", ProcessState.Ready, occurrence: 2);
    }

    [Fact]
    public async Task Output_and_system_lines_go_to_the_process_log()
    {
        await using var engine = new RealEngine();
        engine.Run(engine.Process("hello", "echo hello out\necho hello err >&2\nexit 0") with { Kind = ProcessKind.Job });
        var merged = new List<LogLine>();
        using var subscription = engine.Supervisor.Logs.Subscribe(line => { lock (merged) merged.Add(line); });

        await engine.Supervisor.StartAsync();
        await engine.Events.WaitForState("hello", ProcessState.Completed);
        await WaitForLog(engine, "hello", "hello err");
        await WaitForLog(engine, "hello", "hello out");

        var lines = engine.Supervisor.RecentLogs("hello", 100);
        Assert.Contains(lines, l => l.Stream == LogStream.Stdout && l.Text == "hello out");
        Assert.Contains(lines, l => l.Stream == LogStream.Stderr && l.Text == "hello err");
        Assert.Contains(lines, l => l.Stream == LogStream.System && l.Text.StartsWith("started: pid "));
        Assert.Contains(lines, l => l.Stream == LogStream.System && l.Text.StartsWith("exited: exit 0"));
        lock (merged) Assert.Contains(merged, l => l.Process == "hello" && l.Text == "hello out");
    }

    [Fact]
    public async Task Replicas_run_as_separate_processes_with_their_own_environment()
    {
        await using var engine = new RealEngine();
        var web = engine.Process("web", "echo replica $REPLICA\nexec sleep 1000");
        engine.Run(
            web with { Name = "web-1", BaseName = "web", ReplicaIndex = 1, Env = web.Env.Add("REPLICA", "1") },
            web with { Name = "web-2", BaseName = "web", ReplicaIndex = 2, Env = web.Env.Add("REPLICA", "2") });

        await engine.Supervisor.StartAsync();
        await WaitForLog(engine, "web-1", "replica 1");
        await WaitForLog(engine, "web-2", "replica 2");

        Assert.NotEqual(engine.Snapshot("web-1").Pid, engine.Snapshot("web-2").Pid);
        var stop = await engine.Supervisor.StopAsync(ProcessTarget.Parse("web"));
        Assert.Equal(["web-1", "web-2"], stop.Affected);
    }

    [Fact]
    public async Task Shutdown_leaves_no_process_of_any_childs_group_alive()
    {
        await using var engine = new RealEngine();
        engine.Run(
            engine.Process("db", "sleep 1000 &\necho db up\nwait"),
            engine.Process("api", StubbornTree, TestConfigs.On("db")),
            engine.Process("worker", "(sleep 1000; echo never) &\necho worker up\nexec sleep 1000"));
        await engine.Supervisor.StartAsync();
        await WaitForLog(engine, "db", "db up");
        await WaitForLog(engine, "api", "tree up");
        await WaitForLog(engine, "worker", "worker up");
        var members = engine.Launcher.Groups.SelectMany(ProcessGroup.LiveMembers).ToList();
        Assert.True(members.Count >= 7, $"expected at least 7 processes, found {members.Count}");

        var shutdown = engine.Supervisor.ShutdownAsync();
        await engine.Events.WaitForState("worker", ProcessState.Stopped);
        Assert.False(shutdown.IsCompleted); // api ignores SIGTERM, and db waits for api
        engine.Clock.AdvanceBy(Settings.Default.ShutdownTimeout);
        await shutdown.WaitAsync(EventLog.WaitLimit);

        foreach (var member in members) Assert.True(await RealEngine.Gone(member), $"pid {member} survived shutdown");
        Assert.All(engine.Launcher.Groups, g => Assert.False(ProcessGroup.IsAlive(g)));
        Assert.All(engine.Supervisor.Current, s => Assert.Equal(ProcessState.Stopped, s.State));
    }

    [Fact]
    public async Task Stats_are_sampled_for_a_live_process()
    {
        await using var engine = new RealEngine();
        engine.Run(TestConfigs.ConfigOf(engine.Process("busy", "echo up\nexec sleep 1000")), stats: new Tui.Core.Stats.ProcStatsSource());
        var samples = new List<Tui.Core.Stats.ProcessStats>();
        using var subscription = engine.Supervisor.Stats.Subscribe(s => { lock (samples) samples.Add(s); });
        await engine.Supervisor.StartAsync();
        await WaitForLog(engine, "busy", "up");
        // Sampled once the exec into sleep is over: in the middle of an exec the new image has no pages yet (RSS 0).
        var pid = engine.Snapshot("busy").Pid!.Value;
        Assert.True(await Eventually.True(() => File.ReadAllText($"/proc/{pid}/comm").Trim() == "sleep", EventLog.WaitLimit));

        engine.Clock.AdvanceBy(SupervisorOptions.DefaultStatsInterval);

        var sample = Assert.Single(engine.Supervisor.StatsHistory("busy"));
        Assert.Equal("busy", sample.Process);
        Assert.True(sample.RssBytes > 0);
        lock (samples) Assert.Contains(sample, samples);
    }

    /// <summary>Waits (bounded) for a log line of <paramref name="process"/> that starts with <paramref name="prefix"/>.</summary>
    internal static async Task<LogLine> WaitForLog(RealEngine engine, string process, string prefix)
    {
        bool Match(LogLine l) => l.Process == process && l.Text.StartsWith(prefix, StringComparison.Ordinal);
        var found = new TaskCompletionSource<LogLine>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = engine.Supervisor.Logs.Subscribe(line =>
        {
            if (Match(line)) found.TrySetResult(line);
        });
        if (engine.Supervisor.RecentLogs(process, int.MaxValue).FirstOrDefault(Match) is { } earlier) return earlier;
        return await found.Task.WaitAsync(EventLog.WaitLimit);
    }

    /// <summary>Signals take effect asynchronously; wait, bounded, until every pid shows the /proc state.</summary>
    private static Task<bool> AllInState(IEnumerable<int> pids, char state) =>
        Eventually.True(() => pids.All(p => ProcStat.Read(p)?.State == state), EventLog.WaitLimit);
}
