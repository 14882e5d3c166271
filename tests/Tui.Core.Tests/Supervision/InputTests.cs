using System.Reactive.Linq;
using Tui.Core.Config;
using Tui.Core.Processes;
using Tui.Core.Supervision;

namespace Tui.Core.Tests.Supervision;

/// <summary>Input to real children: stdin = true keeps a pipe open, tty = true writes to the pty; the refusals say why.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class InputTests
{
    private const string ReadPrompt = "echo 'name?'; read x; echo \"got $x\"";

    [Fact]
    public async Task A_cat_with_stdin_echoes_each_line_sent_to_it()
    {
        await using var engine = new RealEngine();
        engine.Run(engine.Process("echo", "exec cat") with { Stdin = true });
        await engine.Supervisor.StartAsync();
        await engine.Events.WaitForState("echo", ProcessState.Ready);

        var first = await engine.Supervisor.SendInputAsync("echo", "hello\n");
        await RealProcessTests.WaitForLog(engine, "echo", "hello");
        var second = await engine.Supervisor.SendInputAsync("echo", "zwölf ✓\n");
        await RealProcessTests.WaitForLog(engine, "echo", "zwölf ✓");

        Assert.True(first.Ok, first.Error);
        Assert.Equal(["echo"], first.Affected);
        Assert.True(second.Ok, second.Error);
        Assert.True(engine.Snapshot("echo").State.IsAlive());
    }

    [Fact]
    public async Task A_read_prompt_on_a_pipe_gets_the_line_and_the_script_goes_on()
    {
        await using var engine = new RealEngine();
        engine.Run(engine.Process("ask", ReadPrompt) with { Stdin = true });
        await engine.Supervisor.StartAsync();
        await RealProcessTests.WaitForLog(engine, "ask", "name?");

        var sent = await engine.Supervisor.SendInputAsync("ask", "world\n");

        Assert.True(sent.Ok, sent.Error);
        await RealProcessTests.WaitForLog(engine, "ask", "got world");
        await engine.Events.WaitForState("ask", ProcessState.Completed);
    }

    [Fact]
    public async Task A_read_prompt_on_a_pty_gets_the_line_through_the_terminal()
    {
        await using var engine = new RealEngine();
        engine.Run(engine.Process("ask", ReadPrompt) with { Tty = true });
        await engine.Supervisor.StartAsync();
        await RealProcessTests.WaitForLog(engine, "ask", "name?");

        // A terminal's Enter is \r; the line discipline turns it into the \n that read waits for.
        var sent = await engine.Supervisor.SendInputAsync("ask", "abc\r");

        Assert.True(sent.Ok, sent.Error);
        await RealProcessTests.WaitForLog(engine, "ask", "got abc");
        await engine.Events.WaitForState("ask", ProcessState.Completed);
    }

    [Fact]
    public async Task A_process_without_stdin_says_how_to_give_it_one()
    {
        await using var engine = new RealEngine();
        engine.Run(engine.Process("web", "exec sleep 60"));
        await engine.Supervisor.StartAsync();
        await engine.Events.WaitForState("web", ProcessState.Ready);

        var sent = await engine.Supervisor.SendInputAsync("web", "hi\n");

        Assert.False(sent.Ok);
        Assert.Equal("web has no stdin: set stdin = true or tty = true", sent.Error);
    }

    [Fact]
    public async Task An_unknown_or_stopped_process_is_refused()
    {
        await using var engine = new RealEngine();
        engine.Run(engine.Process("cat", "exec cat") with { Stdin = true, Autostart = false });
        await engine.Supervisor.StartAsync();

        var unknown = await engine.Supervisor.SendInputAsync("nope", "hi\n");
        var pending = await engine.Supervisor.SendInputAsync("cat", "hi\n");

        Assert.Equal("no process named \"nope\"", unknown.Error);
        Assert.Equal("cat is pending; input goes to a running process", pending.Error);
    }

    [Fact]
    public async Task Input_longer_than_the_bound_is_refused_whole()
    {
        await using var engine = new RealEngine();
        engine.Run(engine.Process("cat", "exec cat") with { Stdin = true });
        await engine.Supervisor.StartAsync();
        await engine.Events.WaitForState("cat", ProcessState.Ready);

        var sent = await engine.Supervisor.SendInputAsync("cat", new string('x', ChildInput.MaxWriteBytes + 1));

        Assert.False(sent.Ok);
        Assert.Equal($"input of {ChildInput.MaxWriteBytes + 1} bytes is too long: at most {ChildInput.MaxWriteBytes} at a time", sent.Error);
        Assert.DoesNotContain(engine.Supervisor.RecentLogs("cat", 100), l => l.Stream != Tui.Core.Logs.LogStream.System);
    }

    [Fact]
    public async Task A_child_that_never_reads_fills_its_pipe_and_the_send_is_refused_without_blocking_the_engine()
    {
        await using var engine = new RealEngine();
        engine.Run(engine.Process("deaf", "exec sleep 60") with { Stdin = true }, engine.Process("other", "exec sleep 60"));
        await engine.Supervisor.StartAsync();
        await engine.Events.WaitForState("deaf", ProcessState.Ready);
        var chunk = new string('x', ChildInput.MaxWriteBytes);

        // A pipe holds 64 KiB by default (at most 1 MiB): the refusal comes long before this bound.
        CommandResult sent = new(true, []);
        for (var i = 0; i < 1024 / 8 + 1 && sent.Ok; i++) sent = await engine.Supervisor.SendInputAsync("deaf", chunk);

        Assert.False(sent.Ok);
        Assert.StartsWith("deaf is not reading its input: ", sent.Error);
        // The loop still answers commands.
        var stop = await engine.Supervisor.StopAsync(ProcessTarget.Parse("other"));
        Assert.True(stop.Ok, stop.Error);
    }

    [Fact]
    public async Task A_child_that_closed_its_stdin_is_reported_as_closed()
    {
        await using var engine = new RealEngine();
        // sleep's group keeps the run alive; nothing holds the pipe's read end any more.
        engine.Run(engine.Process("closer", "exec 0<&-\necho closed\nexec sleep 60") with { Stdin = true });
        await engine.Supervisor.StartAsync();
        await RealProcessTests.WaitForLog(engine, "closer", "closed");

        var sent = await engine.Supervisor.SendInputAsync("closer", "hi\n");

        Assert.False(sent.Ok);
        Assert.Equal("closer has closed its input", sent.Error);
    }
}
