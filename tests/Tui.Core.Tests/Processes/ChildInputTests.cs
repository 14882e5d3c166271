using System.Text;
using Tui.Core.Processes;

namespace Tui.Core.Tests.Processes;

/// <summary>The launcher's input ends: a stdin pipe only when asked for, a pty always; both written without blocking.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ChildInputTests : IDisposable
{
    private readonly ChildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Without_KeepStdinOpen_a_piped_child_has_no_input_and_reads_end_of_input()
    {
        using var child = _harness.Launcher.Start(_harness.Spec(["/bin/sh", "-c", "cat; echo eof"]));

        Assert.Null(child.Input);
        Assert.Equal("eof\n", await ChildHarness.ReadAll(child.Stdout));
    }

    [Fact]
    public async Task A_kept_stdin_pipe_carries_what_is_written_and_is_closed_on_dispose()
    {
        var child = _harness.Launcher.Start(_harness.Spec(["/bin/sh", "-c", "read x; echo \"got $x\"; exec cat"]) with { KeepStdinOpen = true });
        using var reader = new StreamReader(child.Stdout, leaveOpen: true);

        Assert.False(child.Input!.IsTerminal);
        Assert.Equal(6, child.Input.Write("hello\n"u8));
        var lines = await ChildHarness.ReadLinesUntil(reader, l => l.Count == 1);
        Assert.Equal("got hello", lines[0]);

        child.Dispose();
        Assert.Throws<IOException>(() => child.Input.Write("late\n"u8));
        await ChildHarness.ExitOf(child);
    }

    [Fact]
    public async Task A_pty_child_takes_input_on_its_terminal()
    {
        using var child = _harness.Launcher.Start(_harness.Spec(["/bin/sh", "-c", "read x; echo \"got [$x]\""], tty: true));
        using var reader = new StreamReader(child.Stdout, leaveOpen: true);

        Assert.True(child.Input!.IsTerminal);
        child.Input.Write(Encoding.UTF8.GetBytes("abc\r"));

        // The terminal echoes the line, then the script answers (a pty ends lines in CRLF).
        var lines = await ChildHarness.ReadLinesUntil(reader, l => l.Any(x => x.Contains("got")));
        Assert.Equal("got [abc]", lines.Last().TrimEnd('\r'));
    }

    [Fact]
    public void More_than_the_bound_in_one_write_is_refused()
    {
        using var child = _harness.Launcher.Start(_harness.Spec(["/bin/sh", "-c", "exec cat"]) with { KeepStdinOpen = true });

        Assert.Throws<ArgumentOutOfRangeException>(() => child.Input!.Write(new byte[ChildInput.MaxWriteBytes + 1]));
    }
}
