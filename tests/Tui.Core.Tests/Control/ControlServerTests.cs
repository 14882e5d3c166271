using CliWrap;
using CliWrap.Buffered;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Tui.Core.Control;
using Tui.Core.Control.Server;
using Tui.Core.Control.Wire;
using Tui.Core.Supervision;
using Tui.Core.Tests.TestSupport;

namespace Tui.Core.Tests.Control;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ControlServerTests
{
    private const string Sleeper = "echo started; echo warning >&2; exec sleep 60";

    [Fact]
    public async Task Ps_lists_every_process_in_config_order_with_its_state_and_pid()
    {
        await using var f = new ControlFixture();
        await f.Serve(null, ("api", Sleeper, "web"), ("worker", Sleeper, null));
        await f.Until(s => s.All(p => p.State is ProcessState.Ready or ProcessState.Running));
        await using var client = await f.Connect();

        var reply = await f.Ask(client, ControlOps.Ps);

        Assert.True(reply.Ok);
        Assert.Equal(["api", "worker"], reply.Processes!.Select(p => p.Name));
        Assert.Equal("web", reply.Processes![0].Group);
        Assert.All(reply.Processes!, p => Assert.Contains(p.State, new[] { "ready", "running" }));
        Assert.Equal(f.Real.Snapshot("api").Pid, reply.Processes![0].Pid);
    }

    [Fact]
    public async Task Hello_names_the_config_and_the_serving_process()
    {
        await using var f = new ControlFixture();
        await f.Serve(null, ("api", Sleeper, null));
        await using var client = await f.Connect();

        var reply = await f.Ask(client, ControlOps.Hello);

        Assert.Equal(Path.Combine(f.Real.Dir.FullName, "processes.toml"), reply.Server!.ConfigPath);
        Assert.Equal(Environment.ProcessId, reply.Server.Pid);
        Assert.Equal(ControlOps.ProtocolVersion, reply.Server.Protocol);
    }

    [Fact]
    public async Task Stop_by_group_stops_its_members_and_says_which()
    {
        await using var f = new ControlFixture();
        await f.Serve(null, ("api", Sleeper, "web"), ("front", Sleeper, "web"), ("db", Sleeper, null));
        await f.Until(s => s.All(p => p.State.IsAlive()));
        await using var client = await f.Connect();

        var reply = await f.Ask(client, ControlOps.Stop, target: "@web");

        Assert.True(reply.Ok, reply.Error);
        Assert.Equal(["api", "front"], reply.Affected!.Order());
        var after = await f.Until(s => s.Where(p => p.Group == "web").All(p => p.State == ProcessState.Stopped));
        Assert.True(after.Single(p => p.Name == "db").State.IsAlive());
    }

    [Fact]
    public async Task Unknown_target_and_unknown_process_fail_with_a_reason()
    {
        await using var f = new ControlFixture();
        await f.Serve(null, ("api", Sleeper, null));
        await using var client = await f.Connect();

        var stop = await f.Ask(client, ControlOps.Restart, target: "nope");
        var status = await f.Ask(client, ControlOps.Status, process: "nope");
        var missing = await f.Ask(client, ControlOps.Start);

        Assert.False(stop.Ok);
        Assert.Contains("nope", stop.Error);
        Assert.False(status.Ok);
        Assert.Equal("no process named \"nope\"", status.Error);
        Assert.False(missing.Ok);
        Assert.Contains("target", missing.Error);
    }

    [Fact]
    public async Task Logs_returns_the_newest_lines_and_filters_stderr()
    {
        await using var f = new ControlFixture();
        var trigger = Path.Combine(f.Real.Dir.FullName, "go");
        await f.Serve(null, ("counter", $"while [ ! -e '{trigger}' ]; do sleep 0.05; done; for i in 1 2 3 4 5; do echo line$i; done; echo bad >&2; exec sleep 60", null));
        await f.Until(s => s.Single().State.IsAlive());
        // stdout and stderr are two pipes: wait for the last line of each.
        var last = f.Engine.Logs.Where(l => l.Text is "bad" or "line5").Take(2).LastAsync().Timeout(ControlFixture.WaitLimit).ToTask();
        File.WriteAllText(trigger, "");
        await last;
        await using var client = await f.Connect();

        var tail = await f.Ask(client, ControlOps.Logs, process: "counter", tail: 2);
        var stderr = await f.Ask(client, ControlOps.Logs, process: "counter", stderr: true);

        Assert.Equal(f.Engine.RecentLogs("counter", 2).Select(l => l.Text), tail.Logs!.Select(l => l.Text));
        Assert.Equal(2, tail.Logs!.Count);
        Assert.Equal(["bad"], stderr.Logs!.Select(l => l.Text));
        Assert.Equal("stderr", stderr.Logs![0].Stream);
    }

    [Fact]
    public async Task Garbage_gets_an_error_line_and_the_connection_keeps_serving()
    {
        await using var f = new ControlFixture();
        await f.Serve(null, ("api", Sleeper, null));
        var (socket, reader) = await f.ConnectRaw();
        using var _ = socket;

        await ControlFixture.SendRaw(socket, "this is not json\n{\"id\":5}\n{\"id\":6,\"op\":\"fly\"}\n{\"id\":7,\"op\":\"ps\"}\n");

        var garbage = ControlJson.DecodeReply((await reader.ReadLineAsync())!)!;
        var noOp = ControlJson.DecodeReply((await reader.ReadLineAsync())!)!;
        var unknown = ControlJson.DecodeReply((await reader.ReadLineAsync())!)!;
        var ps = ControlJson.DecodeReply((await reader.ReadLineAsync())!)!;
        Assert.False(garbage.Ok);
        Assert.StartsWith("bad request", garbage.Error);
        Assert.Null(garbage.Id);
        Assert.False(noOp.Ok);
        Assert.Equal("unknown op \"fly\"", unknown.Error);
        Assert.Equal(6, unknown.Id);
        Assert.True(ps.Ok);
        Assert.Equal(7, ps.Id);
    }

    [Fact]
    public async Task A_line_longer_than_the_bound_is_answered_and_the_connection_closed()
    {
        await using var f = new ControlFixture();
        await f.Serve(null, ("api", Sleeper, null));
        var (socket, reader) = await f.ConnectRaw();
        using var _ = socket;

        await ControlFixture.SendRaw(socket, new string('x', ControlLimits.MaxRequestBytes + 1));

        var reply = ControlJson.DecodeReply((await reader.ReadLineAsync().WaitAsync(ControlFixture.WaitLimit))!)!;
        Assert.Contains("longer than", reply.Error);
        Assert.Null(await reader.ReadLineAsync().WaitAsync(ControlFixture.WaitLimit));
    }

    [Fact]
    public async Task A_peer_whose_uid_is_not_the_allowed_one_is_refused_before_any_request()
    {
        await using var f = new ControlFixture();
        var server = await f.Serve(PeerUser.Own + 1, ("api", Sleeper, null));
        await using var client = await f.Connect();

        var error = await Assert.ThrowsAsync<ControlUnavailableException>(() => f.Ask(client, ControlOps.Ps));

        Assert.Contains($"peer uid {PeerUser.Own}", error.Message);
        Assert.Equal(1, server.Refused);
    }

    [Fact]
    public async Task Another_user_connecting_through_an_open_socket_is_refused_by_its_credentials()
    {
        // Only root can act as another user; elsewhere the uid override test above covers the same check.
        // The system python: a per-user one (pyenv) is not readable by the other user.
        const string Python = "/usr/bin/python3";
        if (PeerUser.Own != 0 || !File.Exists(Python)) return;
        // A container may deny even root a change of uid; then there is no other user to try.
        if ((await RunAsNobody(Python, "-c", "pass")).Exit != 0) return;
        using var socketDir = new WorldReachableDirectory("tui-peer");
        await using var f = new ControlFixture(socketDir.Info);
        var server = await f.Serve(null, ("api", Sleeper, null));
        // Open the socket's directory and the socket to everyone, so only the credential check stands in the way.
        File.SetUnixFileMode(Path.GetDirectoryName(f.SocketPath)!, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(f.SocketPath, (UnixFileMode)0b110_110_110);
        // It only reads: the refusal comes unasked, and a request written after it would meet a closed socket.
        var script = "import socket,sys\ns=socket.socket(socket.AF_UNIX)\ns.connect(sys.argv[1])\nprint(s.makefile().readline().strip())";
        var (exit, output, error) = await RunAsNobody(Python, "-c", script, f.SocketPath);

        Assert.True(exit == 0, $"python as uid 65534 exited {exit}: {error}");
        var reply = ControlJson.DecodeReply(output.Trim());
        Assert.True(reply is not null, $"no reply line; stderr: {error}");
        Assert.False(reply.Ok);
        Assert.StartsWith("refused: peer uid 65534", reply.Error);
        Assert.Null(reply.Processes);
        Assert.Equal(1, server.Refused);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsNobody(params string[] command)
    {
        using var timeout = new CancellationTokenSource(ControlFixture.WaitLimit);
        var result = await Cli.Wrap("setpriv").WithArguments(["--reuid=65534", "--regid=65534", "--clear-groups", .. command])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);
        return (result.ExitCode, result.StandardOutput, result.StandardError);
    }

    [Fact]
    public async Task The_socket_is_private_to_its_user()
    {
        await using var f = new ControlFixture();
        await f.Serve(null, ("api", Sleeper, null));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f.SocketPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(f.SocketPath)!));
    }

    [Fact]
    public async Task A_second_server_is_refused_while_the_first_answers_and_a_stale_socket_is_replaced()
    {
        await using var f = new ControlFixture();
        var first = await f.Serve(null, ("api", Sleeper, null));

        var error = Assert.Throws<ControlException>(() => ControlServer.Start(f.SocketPath, f));
        Assert.Contains("already running", error.Message);

        // A socket file nobody listens on (a Tui that was SIGKILLed) is taken over.
        await first.DisposeAsync();
        using (var stale = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified))
        {
            stale.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(f.SocketPath));
        }
        await using var second = ControlServer.Start(f.SocketPath, f);
        await using var client = await f.Connect();
        Assert.True((await f.Ask(client, ControlOps.Ps)).Ok);
    }

    [Fact]
    public async Task Down_is_acknowledged_then_handed_to_the_host()
    {
        await using var f = new ControlFixture();
        await f.Serve(null, ("api", Sleeper, null));
        await using var client = await f.Connect();

        var reply = await f.Ask(client, ControlOps.Down);

        Assert.True(reply.Ok);
        await f.ShutdownRequested.WaitAsync(ControlFixture.WaitLimit);
    }
}
