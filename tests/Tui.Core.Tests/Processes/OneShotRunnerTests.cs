using Tui.Core.Processes;
using Tui.Core.Processes.OneShot;
using Tui.Core.Tests.TestSupport;

namespace Tui.Core.Tests.Processes;

/// <summary>Real one-shot commands through CliWrap: exits, environment, bounded output, and groups that go with them.</summary>
public sealed class OneShotRunnerTests : IDisposable
{
    private readonly ChildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private string PathOf(string name) => Path.Combine(_harness.Directory.FullName, name);

    /// <summary>A pid a command wrote into <paramref name="name"/> (waited for: the file is complete once it ends in a newline).</summary>
    private async Task<int> PidFrom(string name)
    {
        var path = PathOf(name);
        Assert.True(await Eventually.True(() => File.Exists(path) && File.ReadAllText(path).EndsWith('\n')), $"{name} written");
        return int.Parse(File.ReadAllText(path));
    }

    private static bool Gone(int pid) => ProcStat.Read(pid) is null or { IsDead: true };

    private Task<OneShotOutcome> Run(string script, CancellationToken cancel = default) =>
        _harness.Runner.RunAsync(_harness.Command(["/bin/sh", "-c", script]), cancel).WaitAsync(ChildHarness.Patience);

    [Theory]
    [InlineData("exit 0", 0, null)]
    [InlineData("exit 42", 42, null)]
    [InlineData("kill -KILL $$", null, Signals.SIGKILL)]
    [InlineData("kill -TERM $$", null, Signals.SIGTERM)]
    public async Task The_exit_is_a_code_or_the_signal_that_killed_it(string script, int? code, int? signal)
    {
        var outcome = await Run(script);
        Assert.Equal(new ExitStatus(code, signal), outcome.Status);
        Assert.Equal(_harness.CommandPids.Single(), outcome.Pid);
    }

    [Fact]
    public async Task It_runs_in_its_cwd_with_exactly_its_environment_and_an_empty_stdin()
    {
        var env = _harness.BaseEnvironment();
        env["PROBE_ONLY"] = "yes";
        var outcome = await _harness.Runner.RunAsync(_harness.Command(["/bin/sh", "-c", "cat; pwd; env | sort"], env), CancellationToken.None)
            .WaitAsync(ChildHarness.Patience);

        var lines = outcome.StdoutTail.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(_harness.Directory.FullName, lines[0]);
        // sh adds PWD (and may add SHLVL, _); nothing of the test process's own environment comes through.
        var names = lines.Skip(1).Select(l => l[..l.IndexOf('=')]).Except(["PWD", "SHLVL", "_", "OLDPWD"]);
        Assert.Equal(["HOME", "PATH", "PROBE_ONLY"], names.Order());
        Assert.Contains("PROBE_ONLY=yes", lines);
    }

    [Fact]
    public async Task Arguments_reach_the_command_exactly_as_given()
    {
        // CliWrap joins the arguments into one string that .NET splits again: quotes, backslashes, spaces, newlines and
        // empty arguments must survive that round trip.
        string[] arguments = ["plain", "two words", "q\"uote", "back\\slash\\", "", "new\nline", "$HOME", "'single'", "tab\there"];
        var outcome = await _harness.Runner.RunAsync(
            _harness.Command(["/bin/sh", "-c", "for a in \"$@\"; do printf '<%s>' \"$a\"; done", "sh", .. arguments]), CancellationToken.None)
            .WaitAsync(ChildHarness.Patience);
        Assert.Equal(string.Concat(arguments.Select(a => $"<{a}>")), outcome.StdoutTail);
    }

    [Fact]
    public async Task Stdout_and_stderr_are_kept_apart_each_only_its_last_bytes()
    {
        var outcome = await Run("seq 1 20000; echo oops >&2");
        Assert.Equal("oops\n", outcome.StderrTail);
        Assert.Equal(OneShotSpec.DefaultKeptOutputBytes, outcome.StdoutTail.Length);
        Assert.EndsWith("\n19999\n20000\n", outcome.StdoutTail);
    }

    [Fact]
    public async Task A_command_that_cannot_start_is_a_launch_failure_with_its_reason()
    {
        var missing = await Assert.ThrowsAsync<LaunchException>(() =>
            _harness.Runner.RunAsync(_harness.Command(["no-such-command-here"]), CancellationToken.None));
        Assert.Equal("command not found: no-such-command-here", missing.Message);

        var noCwd = _harness.Command(["true"]) with { Cwd = PathOf("gone") };
        var badCwd = await Assert.ThrowsAsync<LaunchException>(() => _harness.Runner.RunAsync(noCwd, CancellationToken.None));
        Assert.StartsWith("working directory does not exist: ", badCwd.Message);
        Assert.Empty(_harness.CommandPids);
    }

    [Fact]
    public async Task It_ends_when_the_command_exits_though_a_child_left_behind_holds_its_output_and_that_child_is_gone()
    {
        // The sleep inherits stdout and stderr: CliWrap alone would wait for it to close them, 1000 s from now.
        var outcome = await Run("sleep 1000 & echo $! > child.pid; echo done; exit 0");
        Assert.Equal(new ExitStatus(0, null), outcome.Status);
        Assert.Equal("done\n", outcome.StdoutTail);
        Assert.True(Gone(await PidFrom("child.pid")), "the child it left behind went with its group");
        Assert.False(ProcessGroup.IsAlive(outcome.Pid));
    }

    [Fact]
    public async Task A_child_left_behind_without_its_output_is_gone_too_when_the_run_ends()
    {
        var outcome = await Run("sleep 1000 </dev/null >/dev/null 2>&1 & echo $! > child.pid; exit 5");
        Assert.Equal(new ExitStatus(5, null), outcome.Status);
        Assert.True(Gone(await PidFrom("child.pid")));
    }

    [Fact]
    public async Task Cancelled_its_whole_tree_is_gone_when_the_run_ends_even_a_grandchild_that_was_reparented()
    {
        // child: a direct child of the command. orphan: started by a subshell that exited at once, so its parent is
        // no longer the command (CliWrap's tree kill, which follows parents, cannot find it); it stays in the group.
        using var cancel = new CancellationTokenSource();
        var run = Run("(sleep 1000 & echo $! > orphan.pid); sleep 1000 & echo $! > child.pid; echo $$ > leader.pid; wait", cancel.Token);
        var leader = await PidFrom("leader.pid");
        var child = await PidFrom("child.pid");
        var orphan = await PidFrom("orphan.pid");
        Assert.Equal(leader, _harness.CommandPids.Single());
        Assert.NotEqual(leader, ProcStat.Read(orphan)?.ParentPid);
        Assert.Equal(leader, ProcStat.Read(orphan)?.ProcessGroup);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Null(ProcStat.Read(leader)); // killed and reaped
        Assert.True(Gone(child), $"child {child} gone");
        Assert.True(Gone(orphan), $"orphan {orphan} gone");
        Assert.Empty(ProcessGroup.LiveMembers(leader));
    }

    [Fact]
    public async Task Cancelled_before_it_starts_runs_nothing()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run("touch ran", cancel.Token));
        Assert.Empty(_harness.CommandPids);
        Assert.False(File.Exists(PathOf("ran")));
    }
}
