using Tui.Core.Processes;

namespace Tui.Core.Tests.Processes;

public sealed class PseudoTerminalTests : IDisposable
{
    private readonly ChildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Tty_child_runs_on_a_pseudo_terminal()
    {
        var child = _harness.StartShell("tty; test -t 0 && echo in-tty; test -t 1 && echo out-tty; test -t 2 && echo err-tty", tty: true);

        var lines = Lines(await ChildHarness.ReadAll(child.Stdout));

        Assert.Null(child.Stderr);
        Assert.Matches("^/dev/pts/[0-9]+$", lines[0]);
        Assert.Equal(["in-tty", "out-tty", "err-tty"], lines[1..]);
        Assert.Equal(0, (await ChildHarness.ExitOf(child)).Code);
    }

    [Fact]
    public async Task Tty_is_the_childs_controlling_terminal()
    {
        // /dev/tty opens only for a process with a controlling terminal.
        var child = _harness.StartShell("echo via-dev-tty >/dev/tty && echo done", tty: true);

        Assert.Equal(["via-dev-tty", "done"], Lines(await ChildHarness.ReadAll(child.Stdout)));
    }

    [Fact]
    public async Task Tty_child_still_leads_its_own_session_and_process_group()
    {
        // The shell reports its own pid: equal to the launcher's pid means setsid and the pty wrapper exec'd in place.
        // (Reading /proc/PID/comm here instead would race the shell's own exec of sleep.)
        var child = _harness.StartShell("echo \"started $$\"; exec sleep 30", tty: true);
        using var reader = new StreamReader(child.Stdout);
        var lines = await ChildHarness.ReadLinesUntil(reader, lines => lines.Any(l => l.StartsWith("started ", StringComparison.Ordinal)));

        var stat = ProcStat.Read(child.Pid);

        Assert.NotNull(stat);
        Assert.Equal(child.Pid, stat.Value.ProcessGroup);
        Assert.Equal(child.Pid, stat.Value.Session);
        Assert.Equal($"started {child.Pid}", lines.First(l => l.StartsWith("started ", StringComparison.Ordinal)).Trim());
    }

    [Fact]
    public async Task Colour_only_on_a_tty_programs_emit_colour()
    {
        _harness.Directory.CreateSubdirectory("a-directory");
        var env = _harness.BaseEnvironment();
        env["TERM"] = "xterm-256color";

        var onTty = _harness.Start(_harness.Spec(["ls", "--color=auto"], tty: true, env: env));
        var onPipe = _harness.Start(_harness.Spec(["ls", "--color=auto"], tty: false, env: env));

        Assert.Contains("\e[", await ChildHarness.ReadAll(onTty.Stdout));
        Assert.DoesNotContain("\e[", await ChildHarness.ReadAll(onPipe.Stdout));
    }

    [Fact]
    public async Task Window_size_is_the_default_or_the_requested_one()
    {
        var byDefault = _harness.Start(_harness.Spec(["stty", "size"], tty: true));
        var requested = _harness.Start(_harness.Spec(["stty", "size"], tty: true) with { WindowSize = new TerminalSize(100, 30) });

        Assert.Equal($"{TerminalSize.Default.Rows} {TerminalSize.Default.Columns}", Lines(await ChildHarness.ReadAll(byDefault.Stdout))[0]);
        Assert.Equal("30 100", Lines(await ChildHarness.ReadAll(requested.Stdout))[0]);
    }

    [Fact]
    public async Task Resize_reaches_the_child_as_SIGWINCH()
    {
        var child = (PosixChildProcess)_harness.StartShell(
            "trap 'stty size; exit 0' WINCH; echo ready; sleep 300 & wait", tty: true);
        using var reader = new StreamReader(child.Stdout);
        await ChildHarness.ReadLinesUntil(reader, lines => lines.Contains("ready"));

        child.Resize(new TerminalSize(90, 20));

        await ChildHarness.ReadLinesUntil(reader, lines => lines.Contains("20 90"));
        Assert.Equal(0, (await ChildHarness.ExitOf(child)).Code);
    }

    [Fact]
    public async Task Output_written_just_before_exit_is_not_lost()
    {
        var child = _harness.StartShell("i=0; while [ $i -lt 2000 ]; do echo line-$i; i=$((i+1)); done", tty: true);

        var lines = Lines(await ChildHarness.ReadAll(child.Stdout));

        Assert.Equal(2000, lines.Length);
        Assert.Equal("line-1999", lines[^1]);
    }

    [Fact]
    public async Task Output_ends_when_the_child_exits_even_if_nobody_reads_until_then()
    {
        var child = _harness.StartShell("echo bye", tty: true);
        await ChildHarness.ExitOf(child);

        Assert.Equal(["bye"], Lines(await ChildHarness.ReadAll(child.Stdout)));
    }

    [Fact]
    public async Task Killing_a_tty_group_ends_its_output()
    {
        var child = _harness.StartShell("sleep 300 & echo ready; wait", tty: true);
        using var reader = new StreamReader(child.Stdout);
        await ChildHarness.ReadLinesUntil(reader, lines => lines.Contains("ready"));

        child.SignalGroup(Signals.SIGKILL);

        Assert.Equal("", await reader.ReadToEndAsync().WaitAsync(ChildHarness.Patience));
        Assert.Equal(Signals.SIGKILL, (await ChildHarness.ExitOf(child)).Signal);
    }

    /// <summary>A terminal turns "\n" into "\r\n" (onlcr).</summary>
    private static string[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
