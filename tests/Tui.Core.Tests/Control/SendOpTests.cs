using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Tui.Core.Control;
using Tui.Core.Control.Client;
using Tui.Core.Control.Wire;
using Tui.Core.Supervision;

namespace Tui.Core.Tests.Control;

/// <summary>The send op: input written to a served engine's real children, and its refusals, on the wire and through RemoteSupervisor.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SendOpTests
{
    private static Task<ControlReply> Send(ControlClient client, string? process, string? text) =>
        client.RequestAsync(new ControlRequest(0, ControlOps.Send, Process: process, Text: text)).WaitAsync(ControlFixture.WaitLimit);

    private static Task LogLine(ISupervisorClient engine, string process, string text) =>
        engine.Logs.FirstAsync(l => l.Process == process && l.Text == text).Timeout(ControlFixture.WaitLimit).ToTask();

    private static async Task<ControlFixture> ServeCatAndWeb()
    {
        var f = new ControlFixture();
        await f.Serve(null, f.Real.Process("cat", "exec cat") with { Stdin = true }, f.Real.Process("web", "exec sleep 60"));
        await f.Until(s => s.All(p => p.State == ProcessState.Ready));
        return f;
    }

    [Fact]
    public async Task Send_writes_the_text_to_the_process_input()
    {
        await using var f = await ServeCatAndWeb();
        await using var client = await f.Connect();
        var echoed = LogLine(f.Engine, "cat", "over the wire");

        var reply = await Send(client, "cat", "over the wire\n");

        Assert.True(reply.Ok, reply.Error);
        Assert.Equal(["cat"], reply.Affected);
        await echoed;
    }

    [Fact]
    public async Task Send_to_a_process_without_stdin_or_an_unknown_one_or_without_text_is_refused()
    {
        await using var f = await ServeCatAndWeb();
        await using var client = await f.Connect();

        var web = await Send(client, "web", "hi\n");
        var unknown = await Send(client, "nope", "hi\n");
        var noText = await Send(client, "cat", null);

        Assert.Equal((false, "web has no stdin: set stdin = true or tty = true"), (web.Ok, web.Error));
        Assert.Equal((false, "no process named \"nope\""), (unknown.Ok, unknown.Error));
        Assert.Equal((false, "send needs a \"process\" and a \"text\""), (noText.Ok, noText.Error));
    }

    [Fact]
    public async Task A_remote_supervisor_sends_through_the_socket()
    {
        await using var f = await ServeCatAndWeb();
        await using var remote = await RemoteSupervisor.ConnectAsync(f.SocketPath, _ => null);
        var echoed = LogLine(remote, "cat", "remote");

        var sent = await remote.SendInputAsync("cat", "remote\n");
        var refused = await remote.SendInputAsync("web", "x");

        Assert.True(sent.Ok, sent.Error);
        await echoed;
        Assert.Equal("web has no stdin: set stdin = true or tty = true", refused.Error);
    }
}
