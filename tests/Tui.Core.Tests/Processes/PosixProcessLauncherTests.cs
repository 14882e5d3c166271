using System.Runtime.Versioning;
using Tui.Core.Processes;

namespace Tui.Core.Tests.Processes;

[SupportedOSPlatform("linux")]
public sealed class PosixProcessLauncherTests : IDisposable
{
    private readonly ChildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Child_leads_its_own_session_and_process_group()
    {
        var child = _harness.StartShell("echo started; exec sleep 30");
        using var reader = new StreamReader(child.Stdout);
        await ChildHarness.ReadLinesUntil(reader, lines => lines.Contains("started"));

        var stat = ProcStat.Read(child.Pid);

        Assert.NotNull(stat);
        Assert.Equal(child.Pid, stat.Value.ProcessGroup);
        Assert.Equal(child.Pid, stat.Value.Session);
        Assert.NotEqual(ProcStat.Read(Environment.ProcessId)!.Value.Session, stat.Value.Session);
    }

    [Fact]
    public async Task Exit_code_is_reported()
    {
        var child = _harness.StartShell("exit 3");

        var status = await ChildHarness.ExitOf(child);

        Assert.Equal(new ExitStatus(3, null), status);
        Assert.False(status.Success);
    }

    [Fact]
    public async Task Successful_exit_is_success()
    {
        var child = _harness.Start(_harness.Spec(["true"]));

        Assert.True((await ChildHarness.ExitOf(child)).Success);
    }

    [Fact]
    public async Task Death_by_signal_is_reported_as_the_signal()
    {
        var child = _harness.StartShell("echo up; exec sleep 30");
        using var reader = new StreamReader(child.Stdout);
        await ChildHarness.ReadLinesUntil(reader, lines => lines.Contains("up"));

        child.SignalGroup(Signals.SIGTERM);

        Assert.Equal(new ExitStatus(null, Signals.SIGTERM), await ChildHarness.ExitOf(child));
    }

    [Fact]
    public async Task Self_inflicted_SIGSEGV_is_reported_as_SIGSEGV()
    {
        var child = _harness.StartShell("kill -SEGV $$");

        var status = await ChildHarness.ExitOf(child);

        Assert.Equal(Signals.SIGSEGV, status.Signal);
        Assert.Equal("killed by SIGSEGV", ExitCodes.Describe(status));
    }

    [Fact]
    public async Task Stdout_and_stderr_are_separate_streams()
    {
        var child = _harness.StartShell("echo to-out; echo to-err >&2; echo more-out");

        var stdout = ChildHarness.ReadAll(child.Stdout);
        var stderr = ChildHarness.ReadAll(child.Stderr!);

        Assert.Equal("to-out\nmore-out\n", await stdout);
        Assert.Equal("to-err\n", await stderr);
        Assert.Equal(0, (await ChildHarness.ExitOf(child)).Code);
    }

    [Fact]
    public async Task Environment_is_exactly_the_given_one()
    {
        var env = _harness.BaseEnvironment();
        env["TUI_TEST_GREETING"] = "hello world";
        var child = _harness.Start(_harness.Spec(["env"], env: env));

        var lines = (await ChildHarness.ReadAll(child.Stdout)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("TUI_TEST_GREETING=hello world", lines);
        Assert.Equal(env.Count, lines.Length);
    }

    [Fact]
    public async Task Working_directory_is_applied()
    {
        var sub = _harness.Directory.CreateSubdirectory("work dir");
        var child = _harness.Start(_harness.Spec(["pwd"], cwd: sub.FullName));

        Assert.Equal(sub.FullName + "\n", await ChildHarness.ReadAll(child.Stdout));
    }

    [Fact]
    public async Task Arguments_reach_the_child_verbatim()
    {
        var script = _harness.WriteScript("args.sh", "for a in \"$@\"; do printf '[%s]\\n' \"$a\"; done");
        var child = _harness.Start(_harness.Spec([script, "two words", "--", "-c", "$HOME", "*"]));

        Assert.Equal("[two words]\n[--]\n[-c]\n[$HOME]\n[*]\n", await ChildHarness.ReadAll(child.Stdout));
    }

    [Fact]
    public async Task Stdin_is_at_end_of_input_from_the_start()
    {
        var child = _harness.StartShell("cat; echo cat-done");

        Assert.Equal("cat-done\n", await ChildHarness.ReadAll(child.Stdout));
        Assert.Equal(0, (await ChildHarness.ExitOf(child)).Code);
    }

    [Fact]
    public async Task Command_is_found_on_the_childs_PATH()
    {
        var bin = _harness.Directory.CreateSubdirectory("bin");
        File.WriteAllText(Path.Combine(bin.FullName, "hello-tui"), "#!/bin/sh\necho from-private-bin\n");
        File.SetUnixFileMode(Path.Combine(bin.FullName, "hello-tui"), (UnixFileMode)0b111_101_101);
        var env = _harness.BaseEnvironment();
        env["PATH"] = bin.FullName + ":" + env["PATH"];

        var child = _harness.Start(_harness.Spec(["hello-tui"], env: env));

        Assert.Equal("from-private-bin\n", await ChildHarness.ReadAll(child.Stdout));
    }

    [Fact]
    public async Task StartedAt_comes_from_the_given_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        using var child = new PosixProcessLauncher(clock).Start(_harness.Spec(["true"]));

        Assert.Equal(clock.Now, child.StartedAt);
        await ChildHarness.ExitOf(child);
    }

    [Fact]
    public async Task Shell_exit_127_for_a_missing_command_is_an_exit_with_a_reason()
    {
        var child = _harness.StartShell("nosuch-command-tui 2>/dev/null");

        var status = await ChildHarness.ExitOf(child);

        Assert.Equal(ExitCodes.NotFound, status.Code);
        Assert.Equal("exit 127: command not found", ExitCodes.Describe(status));
    }

    [Fact]
    public async Task Child_starts_with_no_signal_blocked_or_ignored()
    {
        // .NET ignores SIGPIPE in Tui itself; a child that inherited that would not die writing to a closed pipe.
        var child = _harness.Start(_harness.Spec(["grep", "-E", "^Sig(Blk|Ign):", "/proc/self/status"]));

        Assert.Equal("SigBlk:\t0000000000000000\nSigIgn:\t0000000000000000\n", await ChildHarness.ReadAll(child.Stdout));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Child_inherits_only_its_three_standard_streams(bool keepStdinOpen)
    {
        // Tui's own fds (its logs, the history database, other children's pipes) are close-on-exec.
        // ls lists /proc/self/fd with one more fd of its own: the directory it reads.
        using var child = _harness.Start(_harness.Spec(["ls", "/proc/self/fd"]) with { KeepStdinOpen = keepStdinOpen });

        Assert.Equal("0\n1\n2\n3\n", await ChildHarness.ReadAll(child.Stdout));
    }

    [Fact]
    public async Task Argv0_is_the_command_as_written_not_its_resolved_path()
    {
        // With -c and no further arguments, a shell's $0 is its own argv[0]: the path it was exec'd by would show.
        var child = _harness.Start(_harness.Spec(["sh", "-c", "echo \"$0\""]));

        Assert.Equal("sh\n", await ChildHarness.ReadAll(child.Stdout));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now => now;
        public override DateTimeOffset GetUtcNow() => now;
    }
}
