using System.Net;
using System.Net.Sockets;
using System.Text;
using Tui.Core.Config;
using Tui.Core.Health.Probes;
using Tui.Core.Processes;
using Tui.Core.Tests.Processes;

namespace Tui.Core.Tests.Health;

/// <summary>Each probe against a tiny server made by the test, and what it says when it fails.</summary>
public sealed class ProbeTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ChildHarness _children = new();

    public void Dispose() => _children.Dispose();

    /// <summary>An HTTP server on a loopback port that answers every request with <paramref name="status"/> and <paramref name="body"/>.</summary>
    private static (TcpListener Listener, Uri Url, Task Serving) Serve(string status, string body, CancellationToken stop)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/health");
        var serving = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop);
                var stream = client.GetStream();
                var reader = new StreamReader(stream, Encoding.ASCII);
                while (await reader.ReadLineAsync(stop) is { Length: > 0 }) { }
                var bytes = Encoding.UTF8.GetBytes(body);
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n"), stop);
                await stream.WriteAsync(bytes, stop);
            }
        }, stop);
        return (listener, url, serving);
    }

    [Theory]
    [InlineData("200 OK", "all good", 200, 399, null, true, "200 OK")]
    [InlineData("204 No Content", "", 204, 204, null, true, "204 No Content")]
    [InlineData("302 Found", "", 200, 399, null, true, "302 Found")]
    [InlineData("500 Internal Server Error", "boom", 200, 399, null, false, "status 500 Internal Server Error (expected 200-399)")]
    [InlineData("200 OK", "status: degraded", 200, 299, "status: ok", false, "status 200 OK but the body does not match /status: ok/")]
    [InlineData("200 OK", "{\"status\": \"ok\"}", 200, 299, "\"status\":\\s*\"ok\"", true, "200 OK")]
    public async Task Http_checks_the_status_range_and_the_body_pattern(string status, string body, int min, int max, string? pattern, bool healthy, string detail)
    {
        using var stop = new CancellationTokenSource();
        var (listener, url, _) = Serve(status, body, stop.Token);
        try
        {
            var result = await new HttpProbe(new ProbeSpec.Http(url, min, max, pattern)).RunAsync(CancellationToken.None).WaitAsync(Patience);
            Assert.Equal(new ProbeResult(healthy, detail), result);
        }
        finally
        {
            stop.Cancel();
            listener.Stop();
        }
    }

    [Fact]
    public async Task Http_to_a_closed_port_is_refused()
    {
        var (holder, port) = MonitoredEngine.RefusingPort();
        using var _ = holder;
        var result = await new HttpProbe(new ProbeSpec.Http(new Uri($"http://127.0.0.1:{port}/"), 200, 399, null)).RunAsync(CancellationToken.None).WaitAsync(Patience);
        Assert.Equal(ProbeResult.Fail("connection refused"), result);
    }

    [Fact]
    public async Task Http_that_never_answers_ends_when_cancelled()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(); // accepts into the backlog, never answers
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        using var cancel = new CancellationTokenSource();
        var attempt = new HttpProbe(new ProbeSpec.Http(url, 200, 399, null)).RunAsync(cancel.Token);
        Assert.False(attempt.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => attempt.WaitAsync(Patience));
    }

    [Fact]
    public async Task Tcp_and_unix_connect_or_say_why_not()
    {
        using var tcp = new TcpListener(IPAddress.Loopback, 0);
        tcp.Start();
        var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
        Assert.True((await new TcpProbe("127.0.0.1", port).RunAsync(CancellationToken.None)).Healthy);
        var (holder, closedPort) = MonitoredEngine.RefusingPort();
        using var _ = holder;
        Assert.Equal(ProbeResult.Fail("connection refused"), await new TcpProbe("127.0.0.1", closedPort).RunAsync(CancellationToken.None));

        var path = Path.Combine(_children.Directory.FullName, "probe.sock");
        var missing = await new UnixSocketProbe(path).RunAsync(CancellationToken.None);
        Assert.False(missing.Healthy);
        using var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        unix.Bind(new UnixDomainSocketEndPoint(path));
        unix.Listen();
        Assert.True((await new UnixSocketProbe(path).RunAsync(CancellationToken.None)).Healthy);
    }

    [Theory]
    [InlineData("exit 0", true, "exit 0")]
    [InlineData("echo fine; exit 0", true, "exit 0")]
    [InlineData("exit 3", false, "exit 3")]
    [InlineData("echo 'first'; echo 'not ready yet'; exit 1", false, "exit 1: not ready yet")]
    [InlineData("echo 'on stdout'; echo 'db down' >&2; echo 'later on stdout'; exit 2", false, "exit 2: db down")]
    [InlineData("kill -TERM $$", false, "signal SIGTERM")]
    public async Task Exec_is_healthy_on_exit_0_and_otherwise_says_the_exit_and_the_last_line(string script, bool healthy, string detail)
    {
        var probe = new ExecProbe(_children.Runner, _children.Command(["sh", "-c", script]));
        Assert.Equal(new ProbeResult(healthy, detail), await probe.RunAsync(CancellationToken.None).WaitAsync(Patience));
    }

    [Fact]
    public async Task Exec_explains_with_one_short_line_however_much_it_printed()
    {
        // 8 MB of output, then one long last line on stderr.
        var probe = new ExecProbe(_children.Runner, _children.Command(["sh", "-c", "head -c 8000000 /dev/zero | tr '\\0' x; printf '%0300d\\n' 7 >&2; exit 1"]));
        var result = await probe.RunAsync(CancellationToken.None).WaitAsync(Patience);
        Assert.False(result.Healthy);
        Assert.Equal("exit 1: " + new string('0', ExecProbe.MaxDetailChars - 1) + "…", result.Detail);
    }

    [Fact]
    public async Task Exec_cancelled_kills_and_reaps_its_whole_group_before_it_ends()
    {
        var pidFile = Path.Combine(_children.Directory.FullName, "probe.pid");
        var probe = new ExecProbe(_children.Runner, _children.Command(["sh", "-c", $"sleep 1000 & echo $! > {pidFile}.child; echo $$ > {pidFile}; wait"]));
        using var cancel = new CancellationTokenSource();
        var attempt = probe.RunAsync(cancel.Token);
        Assert.True(await Eventually.True(() => File.Exists(pidFile) && File.ReadAllText(pidFile).EndsWith('\n') && File.Exists(pidFile + ".child")));
        var leader = int.Parse(File.ReadAllText(pidFile));
        var grandchild = int.Parse(File.ReadAllText(pidFile + ".child"));

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => attempt.WaitAsync(Patience));
        Assert.Null(ProcStat.Read(leader));
        Assert.True(ProcStat.Read(grandchild) is null or { IsDead: true }, "the probe's own child went with its group");
    }

    [Fact]
    public async Task Exec_that_cannot_start_says_so()
    {
        var probe = new ExecProbe(_children.Runner, _children.Command(["no-such-command-here"]));
        var result = await probe.RunAsync(CancellationToken.None);
        Assert.Equal(ProbeResult.Fail("cannot run: command not found: no-such-command-here"), result);
    }
}
