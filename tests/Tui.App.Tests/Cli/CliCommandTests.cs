using System.Text.Json;
using CliWrap.Buffered;
using Tui.Core.Supervision;

namespace Tui.App.Tests.Cli;

/// <summary>Every scriptable command, run as the real program against an engine served on its control socket.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class CliCommandTests
{
    private const string TwoServicesAndAJob = """
        [processes.api]
        command = "echo api up; echo api warn >&2; exec sleep 60"
        group = "web"

        [processes.front]
        command = "exec sleep 60"
        group = "web"

        [processes.job]
        command = "echo working; exit 7"
        kind = "job"
        """;

    private static async Task<CliFixture> Running(string toml = TwoServicesAndAJob)
    {
        var f = new CliFixture();
        await f.Serve(toml);
        await f.Until(s => s.Single(p => p.Name == "api").State.IsAlive() && s.Single(p => p.Name == "front").State.IsAlive()
            && s.Single(p => p.Name == "job").State is ProcessState.Errored or ProcessState.Failed or ProcessState.Completed);
        return f;
    }

    [Fact]
    public async Task Ps_json_is_an_array_of_the_processes_with_state_pid_and_exit()
    {
        await using var f = await Running();

        var (exit, output, _) = await f.Tui("ps", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["api", "front", "job"], rows.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal("web", rows[0].GetProperty("group").GetString());
        Assert.Equal(f.Engine.Current[0].Pid, rows[0].GetProperty("pid").GetInt32());
        Assert.Equal("errored", rows[2].GetProperty("state").GetString());
        Assert.Equal(7, rows[2].GetProperty("exit_code").GetInt32());
    }

    [Fact]
    public async Task Ps_prints_an_aligned_table_and_q_only_names()
    {
        await using var f = await Running();

        var (exit, table, _) = await f.Tui("ps");
        var (_, names, _) = await f.Tui("ps", "-q");

        Assert.Equal(0, exit);
        var lines = table.TrimEnd().Split('\n');
        Assert.Equal(["NAME", "GROUP", "STATE", "PID", "UPTIME", "RESTARTS", "REASON"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("api ", lines[1]);
        Assert.Equal(lines[0].IndexOf("STATE"), lines[1].IndexOf("ready") is >= 0 and var i ? i : lines[1].IndexOf("running"));
        Assert.Equal("api\nfront\njob\n", names);
    }

    [Fact]
    public async Task Commands_without_a_running_instance_exit_69_and_say_so()
    {
        await using var f = new CliFixture();
        f.WriteConfig(TwoServicesAndAJob);

        foreach (var args in new[] { ["ps"], ["stop", "api"], ["status", "api"], ["logs", "api"], ["wait", "job"], new[] { "down" } })
        {
            var (exit, output, error) = await f.Tui(args);
            Assert.Equal(69, exit);
            Assert.Equal("", output);
            Assert.Contains("is not running (start it with tui up -d", error);
        }
    }

    [Fact]
    public async Task Stop_by_group_prints_what_it_stopped_and_status_then_exits_3()
    {
        await using var f = await Running();

        var (exit, output, _) = await f.Tui("stop", "@web");
        await f.Until(s => s.Where(p => p.Group == "web").All(p => p.State == ProcessState.Stopped));
        var (statusExit, status, _) = await f.Tui("status", "api");

        Assert.Equal(0, exit);
        Assert.Equal(["stop api", "stop front"], output.TrimEnd().Split('\n').Order());
        Assert.Equal(3, statusExit);
        Assert.Contains("state:    stopped", status);
    }

    [Fact]
    public async Task Restart_then_start_and_pause_resume_act_on_the_engine()
    {
        await using var f = await Running();
        var before = f.Engine.Current.Single(p => p.Name == "front").Pid;

        var (restart, _, _) = await f.Tui("restart", "front");
        await f.Until(s => s.Single(p => p.Name == "front") is { Pid: { } pid } p && pid != before && p.State.IsAlive());
        var (pause, pauseOut, _) = await f.Tui("pause", "front");
        await f.Until(s => s.Single(p => p.Name == "front").State == ProcessState.Paused);
        var (resume, _, _) = await f.Tui("resume", "all");

        Assert.Equal((0, 0, 0), (restart, pause, resume));
        Assert.Equal("pause front\n", pauseOut);
        await f.Until(s => s.Single(p => p.Name == "front").State is ProcessState.Running or ProcessState.Ready);
    }

    [Fact]
    public async Task An_unknown_target_exits_1_and_an_unknown_process_exits_4()
    {
        await using var f = await Running();

        var (start, _, startError) = await f.Tui("start", "nope");
        var (status, _, statusError) = await f.Tui("status", "nope");
        var (logs, _, _) = await f.Tui("logs", "nope");

        Assert.Equal(1, start);
        Assert.Contains("nope", startError);
        Assert.Equal(4, status);
        Assert.Equal("tui status: no process named \"nope\"\n", statusError);
        Assert.Equal(4, logs);
    }

    [Fact]
    public async Task Status_of_a_running_process_exits_0_and_json_has_its_fields()
    {
        await using var f = await Running();

        var (exit, output, _) = await f.Tui("status", "api", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("api", json.RootElement.GetProperty("name").GetString());
        Assert.Equal(f.Engine.Current[0].Pid, json.RootElement.GetProperty("pid").GetInt32());
    }

    [Fact]
    public async Task Logs_prints_the_ring_and_filters_by_tail_and_stream()
    {
        await using var f = await Running();
        await f.UntilLogs(() => f.Engine.RecentLogs("api", 100).Count(l => l.Stream != Tui.Core.Logs.LogStream.System) == 2);

        var (exit, all, _) = await f.Tui("logs", "api");
        var (_, stderr, _) = await f.Tui("logs", "api", "--stderr");
        var (_, tail, _) = await f.Tui("logs", "job", "--tail", "1");
        var (bad, _, badError) = await f.Tui("logs", "api", "--since", "yesterday");

        Assert.Equal(0, exit);
        Assert.Contains("api up\n", all);
        Assert.Contains("api warn\n", all);
        Assert.Equal("api warn\n", stderr);
        Assert.Equal("working\n", tail);
        Assert.Equal(2, bad);
        Assert.Contains("--since", badError);
    }

    [Fact]
    public async Task Logs_follow_prints_lines_written_after_it_started()
    {
        await using var f = new CliFixture();
        var trigger = f.Trigger("go");
        await f.Serve($"""
            [processes.api]
            command = "echo before; while [ ! -e '{trigger}' ]; do sleep 0.05; done; echo after; exec sleep 60"
            """);
        await f.Until(s => s.Single().State.IsAlive());
        using var follow = System.Diagnostics.Process.Start(f.StartInfo(["logs", "api", "-f", "-c", f.ConfigPath]))!;
        // Only the child's own lines: Tui's "started: pid ..." line in the ring is not printed.
        try
        {
            Assert.Equal("before", await follow.StandardOutput.ReadLineAsync().WaitAsync(CliFixture.WaitLimit));
            File.WriteAllText(trigger, "");
            Assert.Equal("after", await follow.StandardOutput.ReadLineAsync().WaitAsync(CliFixture.WaitLimit));
        }
        finally
        {
            follow.Kill();
            await follow.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Wait_exits_with_the_jobs_exit_code_once_it_finishes()
    {
        await using var f = new CliFixture();
        var trigger = f.Trigger("go");
        await f.Serve($"""
            [processes.job]
            command = "while [ ! -e '{trigger}' ]; do sleep 0.05; done; exit 5"
            kind = "job"
            """);
        await f.Until(s => s.Single().State.IsAlive());
        var waiting = f.Tui("wait", "job");
        // wait is subscribed once it has asked for the status; the job's first run is still blocked on the trigger.
        await f.Until(s => s.Single().State.IsAlive());
        File.WriteAllText(trigger, "");

        var (exit, _, _) = await waiting;
        var (again, _, _) = await f.Tui("wait", "job");
        var (unknown, _, _) = await f.Tui("wait", "nope");

        Assert.Equal(5, exit);
        Assert.Equal(5, again);
        Assert.Equal(4, unknown);
    }

    [Fact]
    public async Task Down_asks_the_instance_to_stop_and_returns_when_it_has()
    {
        await using var f = await Running();
        var down = f.Tui("down");

        await f.ShutdownRequested.WaitAsync(CliFixture.WaitLimit);
        await ((Supervisor)f.Engine).ShutdownAsync();
        await f.Server!.DisposeAsync();
        var (exit, output, _) = await down;

        Assert.Equal(0, exit);
        Assert.StartsWith("stopped test ", output);
        Assert.All(f.Engine.Current, p => Assert.False(p.State.IsAlive()));
    }

    [Fact]
    public async Task Bash_completion_offers_a_commands_subcommands_and_their_options()
    {
        await using var f = new CliFixture();
        var (_, script, _) = await f.Run("completion", "bash");

        async Task<string> Complete(params string[] words)
        {
            var line = string.Join(' ', words.Select(w => $"'{w}'"));
            var probe = $"{script}\nCOMP_WORDS=({line}); COMP_CWORD={words.Length - 1}; _tui; printf '%s\\n' \"${{COMPREPLY[@]}}\"\n";
            using var timeout = new CancellationTokenSource(CliFixture.WaitLimit);
            var result = await CliWrap.Cli.Wrap("bash").WithStandardInputPipe(CliWrap.PipeSource.FromString(probe))
                .ExecuteBufferedAsync(timeout.Token);
            return result.StandardOutput;
        }

        Assert.Equal("systemd\n", await Complete("tui", "export", ""));
        Assert.Contains("--user\n", await Complete("tui", "export", "systemd", "--u"));
    }

    [Fact]
    public async Task Completion_scripts_name_every_command_and_complete_names_from_ps()
    {
        await using var f = new CliFixture();

        var (bash, bashScript, _) = await f.Run("completion", "bash");
        var (zsh, zshScript, _) = await f.Run("completion", "zsh");
        var (bad, _, _) = await f.Run("completion", "fish");

        Assert.Equal((0, 0), (bash, zsh));
        Assert.NotEqual(0, bad);
        foreach (var command in new[] { "up", "ps", "start", "stop", "restart", "pause", "resume", "logs", "status", "wait", "down", "attach", "history", "check" })
        {
            Assert.Contains(command, bashScript);
            Assert.Contains(command, zshScript);
        }
        Assert.Contains("complete -F _tui tui", bashScript);
        Assert.Contains("tui ps -q", zshScript);
        // The bash script is valid bash.
        using var timeout = new CancellationTokenSource(CliFixture.WaitLimit);
        var check = await CliWrap.Cli.Wrap("bash").WithArguments(["-n"]).WithStandardInputPipe(CliWrap.PipeSource.FromString(bashScript))
            .WithValidation(CliWrap.CommandResultValidation.None).ExecuteBufferedAsync(timeout.Token);
        Assert.True(check.ExitCode == 0, check.StandardError);
    }
}
