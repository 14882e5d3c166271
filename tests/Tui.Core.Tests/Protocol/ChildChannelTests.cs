using System.Net.Sockets;
using System.Reactive.Concurrency;
using System.Runtime.Versioning;
using System.Text;
using Tui.Core.Processes;
using Tui.Core.Protocol;
using Tui.Core.Tests.Health;
using Tui.Core.Tests.Processes;
using Tui.Core.Tests.TestSupport;

namespace Tui.Core.Tests.Protocol;

/// <summary>
/// A process's socket with real peers: the test process itself playing the child (attached with its own process
/// group), real children in their own groups (perl speaks the protocol), and peers that are not the child.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ChildChannelTests : IDisposable
{
    private static readonly int OwnGroup = ProcStat.Read(Environment.ProcessId)!.Value.ProcessGroup;

    private readonly ChildHarness _children = new();
    private readonly HistoricalScheduler _clock = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ChildChannel _channel;
    private readonly Inbox _inbox = new();

    public ChildChannelTests()
    {
        _channel = new ChildChannel("api", Path.Combine(_children.Directory.FullName, "api.sock"), _clock);
        _channel.Open();
    }

    public void Dispose()
    {
        _channel.Dispose();
        _children.Dispose();
    }

    private async Task<Socket> Connect()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(_channel.SocketPath)).WaitAsync(Inbox.Patience);
        return socket;
    }

    private static Task Send(Socket socket, string text) => socket.SendAsync(Encoding.UTF8.GetBytes(text).AsMemory()).AsTask().WaitAsync(Inbox.Patience);

    /// <summary>Waits for the server to close the connection (a read of 0 bytes, or a reset).</summary>
    private static async Task<bool> ClosedByServer(Socket socket)
    {
        try
        {
            return await socket.ReceiveAsync(new byte[16].AsMemory()).AsTask().WaitAsync(Inbox.Patience) == 0;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    [Fact]
    public void The_socket_is_private_to_its_owner() =>
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_channel.SocketPath));

    [Fact]
    public async Task Heartbeat_status_and_event_lines_reach_the_attached_run()
    {
        using var _ = _inbox.AttachTo(_channel, OwnGroup);
        using var socket = await Connect();
        await Send(socket, "{\"type\":\"heartbeat\"}\n{\"type\":\"status\",\"text\":\"warming up\"}\r\n");
        await Send(socket, "{\"type\":\"event\",\"name\":\"progress\",");
        await Send(socket, "\"data\":{\"percent\":42}}\n");

        await _inbox.Next<ChildMessage.Heartbeat>();
        Assert.Equal("warming up", (await _inbox.Next<ChildMessage.Status>()).Text);
        var progress = await _inbox.Next<ChildMessage.Event>();
        Assert.Equal(42, progress.Data.GetProperty("percent").GetInt32());
        Assert.Equal(0, _channel.Drops.Total);
    }

    [Fact]
    public async Task A_real_child_in_its_own_group_talks_over_the_socket()
    {
        // The child may speak before the test attaches its run: those messages are held and handed over by process
        // group, so the child stays alive (sleeping) until the test has them, or its group could no longer be told.
        var child = _children.Start(_children.Spec(["perl", "-MIO::Socket::UNIX", "-e",
            "my $s = IO::Socket::UNIX->new(Peer => $ENV{TUI_SOCKET}) or die $!; print $s qq({\"type\":\"heartbeat\"}\\n{\"type\":\"status\",\"text\":\"from perl\"}\\n); close $s; sleep 1000;"],
            env: new Dictionary<string, string>(_children.BaseEnvironment()) { [ProtocolEnvironment.Socket] = _channel.SocketPath }));
        using var _ = _inbox.AttachTo(_channel, child.Pid);

        await _inbox.Next<ChildMessage.Heartbeat>();
        Assert.Equal("from perl", (await _inbox.Next<ChildMessage.Status>()).Text);
        child.SignalGroup(Signals.SIGTERM);
        Assert.Equal(Signals.SIGTERM, (await ChildHarness.ExitOf(child)).Signal);
    }

    [Fact]
    public async Task A_peer_outside_the_childs_process_group_is_refused_and_cut_off()
    {
        var child = _children.StartShell("exec sleep 1000");
        using var _ = _inbox.AttachTo(_channel, child.Pid);
        using var stranger = await Connect();
        await Send(stranger, "{\"type\":\"status\",\"text\":\"I am the child, honest\"}\n");

        Assert.True(await ClosedByServer(stranger));
        Assert.Equal(1, _channel.Drops[DropReason.Refused]);
        var (reason, detail) = Assert.Single(_inbox.Drops);
        Assert.Equal(DropReason.Refused, reason);
        Assert.Contains($"not the child's {child.Pid}", detail);
        Assert.Empty(_inbox.Drain());
    }

    [Fact]
    public async Task A_peer_of_another_user_is_refused_at_once()
    {
        // Only root can start a process as another user; as anyone else the uid rule is shown by the check itself.
        var nobody = new PeerCredentials(Environment.ProcessId, PeerCredentials.OwnUid + 1, 0);
        Assert.Equal($"peer uid {PeerCredentials.OwnUid + 1} is not Tui's uid {PeerCredentials.OwnUid}", nobody.Refusal(OwnGroup, _ => OwnGroup));
        if (PeerCredentials.OwnUid != 0) return;

        // A channel in a directory every user can reach (the private directory normally stops them before SO_PEERCRED does).
        using var open = new WorldReachableDirectory("tui-channel");
        using var channel = new ChildChannel("api", Path.Combine(open.Info.FullName, "api.sock"), _clock);
        channel.Open();
        File.SetUnixFileMode(channel.SocketPath, (UnixFileMode)0b110_110_110);
        using var _ = _inbox.AttachTo(channel, OwnGroup);
        var child = _children.Start(_children.Spec(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "perl", "-MIO::Socket::UNIX", "-e",
            "$SIG{PIPE} = q(IGNORE); my $s = IO::Socket::UNIX->new(Peer => $ARGV[0]) or die $!; print $s qq({\"type\":\"heartbeat\"}\\n); my $r = sysread($s, my $b, 1); print +($r // 0) == 0 ? qq(closed\\n) : qq(open\\n);",
            channel.SocketPath]));
        var output = await ChildHarness.ReadAll(child.Stdout);

        Assert.Equal("closed\n", output);
        Assert.Equal(1, channel.Drops[DropReason.Refused]);
        Assert.Empty(_inbox.Drain());
    }

    [Fact]
    public async Task Garbage_is_dropped_and_counted_and_the_connection_keeps_working()
    {
        using var _ = _inbox.AttachTo(_channel, OwnGroup);
        using var socket = await Connect();
        // Random bytes cut into lines of a kilobyte: far fewer lines than the rate burst, so only their content is on trial.
        var random = new Random(7);
        var garbage = new byte[256 * 1024];
        random.NextBytes(garbage);
        for (var i = 0; i < garbage.Length; i++)
        {
            if (garbage[i] == '\n') garbage[i] = (byte)'?';
            if (i % 1024 == 1023) garbage[i] = (byte)'\n';
        }
        await socket.SendAsync(garbage.AsMemory()).AsTask().WaitAsync(Inbox.Patience);
        await Send(socket, "\n{\"type\":\"nope\"}\n[]\n{\"type\":\"heartbeat\"}\n");

        await _inbox.Next<ChildMessage.Heartbeat>();
        Assert.Equal(garbage.Length / 1024 + 2, _channel.Drops[DropReason.Malformed]);
        Assert.Contains(_inbox.Drops, d => d.Reason == DropReason.Malformed);
    }

    [Fact]
    public async Task A_10_MB_line_is_skipped_without_being_kept()
    {
        using var _ = _inbox.AttachTo(_channel, OwnGroup);
        using var socket = await Connect();
        var huge = new byte[10 * 1024 * 1024];
        huge.AsSpan().Fill((byte)'x');
        await socket.SendAsync(huge.AsMemory()).AsTask().WaitAsync(Inbox.Patience);
        await Send(socket, "\n{\"type\":\"status\",\"text\":\"after the flood\"}\n");

        Assert.Equal("after the flood", (await _inbox.Next<ChildMessage.Status>()).Text);
        Assert.Equal(1, _channel.Drops[DropReason.Oversized]);
    }

    [Fact]
    public async Task A_hundred_thousand_messages_at_once_are_cut_to_the_rate_and_counted()
    {
        using var _ = _inbox.AttachTo(_channel, OwnGroup);
        using var socket = await Connect();
        const int flood = 100_000;
        var lines = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"type\":\"heartbeat\"}\n", flood)));
        var started = DateTime.UtcNow;
        await socket.SendAsync(lines.AsMemory()).AsTask().WaitAsync(Inbox.Patience);
        // The clock does not move, so only the burst passes and the rest is counted; then the clock moves on and
        // the child can talk again.
        Assert.True(await Eventually.True(() => _channel.Drops[DropReason.Flooding] == flood - ProtocolLimits.MessageBurst),
            $"flooding drops: {_channel.Drops[DropReason.Flooding]}");
        _clock.AdvanceBy(TimeSpan.FromSeconds(10));
        await Send(socket, "{\"type\":\"status\",\"text\":\"still here\"}\n");

        ChildMessage last;
        var delivered = 0;
        while ((last = await _inbox.Next()) is ChildMessage.Heartbeat) delivered++;
        Assert.Equal("still here", Assert.IsType<ChildMessage.Status>(last).Text);
        Assert.Equal(ProtocolLimits.MessageBurst, delivered);
        Assert.Equal(flood - ProtocolLimits.MessageBurst, _channel.Drops[DropReason.Flooding]);
        Assert.True(DateTime.UtcNow - started < Inbox.Patience, "the flood was read in time");
    }

    [Fact]
    public async Task More_connections_than_the_limit_are_refused()
    {
        using var _ = _inbox.AttachTo(_channel, OwnGroup);
        var open = new List<Socket>();
        try
        {
            for (var i = 0; i < ProtocolLimits.MaxConnections; i++) open.Add(await Connect());
            // The server admits connections in order: once this one has been heard, all before it are admitted.
            await Send(open[^1], "{\"type\":\"heartbeat\"}\n");
            await _inbox.Next<ChildMessage.Heartbeat>();

            using var extra = await Connect();
            Assert.True(await ClosedByServer(extra));
            Assert.Equal(1, _channel.Drops[DropReason.Refused]);
        }
        finally
        {
            foreach (var socket in open) socket.Dispose();
        }
    }

    [Fact]
    public async Task What_the_child_says_before_its_run_is_attached_is_held_for_that_run()
    {
        using var socket = await Connect();
        await Send(socket, "{\"type\":\"status\",\"text\":\"early\"}\n");
        Assert.True(await Eventually.True(() => _channel.HeldCount == 1));
        using (_inbox.AttachTo(_channel, OwnGroup))
        {
            Assert.Equal("early", (await _inbox.Next<ChildMessage.Status>()).Text);
        }

        // Held for a run of another process group (the sender's run is over): not delivered.
        await Send(socket, "{\"type\":\"status\",\"text\":\"stale\"}\n");
        Assert.True(await Eventually.True(() => _channel.HeldCount == 1));
        var next = _children.StartShell("exec sleep 1000");
        using (_inbox.AttachTo(_channel, next.Pid))
        {
            Assert.Empty(_inbox.Drain());
        }
        Assert.Equal(1, _channel.Drops[DropReason.NoRun]);
        Assert.Equal(0, _channel.HeldCount);
    }

    [Fact]
    public void Stdout_markers_are_taken_and_delivered_and_other_lines_are_left_alone()
    {
        using var _ = _inbox.AttachTo(_channel, OwnGroup);
        Assert.True(_channel.OfferMarker("::tui progress percent=42"));
        Assert.True(_channel.OfferMarker("::tui 9bad"));
        Assert.False(_channel.OfferMarker("GET /health 200"));

        var message = Assert.IsType<ChildMessage.Event>(Assert.Single(_inbox.Drain()));
        Assert.Equal(42, message.Data.GetProperty("percent").GetInt32());
        Assert.Equal(1, _channel.Drops[DropReason.Malformed]);
    }

    [Fact]
    public async Task A_stale_socket_file_from_an_earlier_Tui_is_replaced()
    {
        var path = Path.Combine(_children.Directory.FullName, "stale.sock");
        File.WriteAllText(path, "left over");
        using var channel = new ChildChannel("stale", path, _clock);
        channel.Open();
        using var _ = _inbox.AttachTo(channel, OwnGroup);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path));
        await Send(socket, "{\"type\":\"heartbeat\"}\n");
        await _inbox.Next<ChildMessage.Heartbeat>();
    }

    [Fact]
    public async Task Sd_notify_datagrams_of_the_child_are_understood_and_its_barrier_is_released()
    {
        var notify = Path.Combine(_children.Directory.FullName, "api.notify");
        _channel.EnableNotify(notify);
        var env = new Dictionary<string, string>(_children.BaseEnvironment()) { [ProtocolEnvironment.NotifySocket] = notify };
        var child = _children.Start(_children.Spec(["sh", "-c", "systemd-notify --status='warming up' && systemd-notify --ready && echo done"], env: env));
        using var _ = _inbox.AttachTo(_channel, child.Pid);

        Assert.Equal("warming up", (await _inbox.Next<ChildMessage.Status>()).Text);
        await _inbox.Next<ChildMessage.Ready>();
        // systemd-notify waits until the descriptor it passes with BARRIER=1 is closed: it exits 0 only if Tui closed it.
        Assert.Equal("done\n", await ChildHarness.ReadAll(child.Stdout));
        Assert.Equal(0, (await ChildHarness.ExitOf(child)).Code);
        Assert.Equal(0, _channel.Drops.Total);
    }

    [Fact]
    public async Task A_datagram_from_outside_the_childs_group_and_an_oversized_one_are_dropped()
    {
        var notify = Path.Combine(_children.Directory.FullName, "api.notify");
        _channel.EnableNotify(notify);
        var child = _children.StartShell("exec sleep 1000");
        using var _ = _inbox.AttachTo(_channel, child.Pid);
        using var sender = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        sender.Connect(new UnixDomainSocketEndPoint(notify));
        sender.Send("READY=1"u8);
        Assert.True(await Eventually.True(() => _channel.Drops[DropReason.Refused] == 1));

        using (_inbox.AttachTo(_channel, OwnGroup))
        {
            sender.Send(Encoding.UTF8.GetBytes("STATUS=" + new string('x', ProtocolLimits.MaxDatagramBytes)));
            sender.Send("no assignment here"u8);
            sender.Send("STATUS=fine"u8);
            Assert.Equal("fine", (await _inbox.Next<ChildMessage.Status>()).Text);
        }
        Assert.Equal(1, _channel.Drops[DropReason.Oversized]);
        Assert.Equal(1, _channel.Drops[DropReason.Malformed]);
        Assert.Empty(_inbox.Drain());
    }

    [Fact]
    public void Disposing_removes_the_socket_file()
    {
        _channel.Dispose();
        Assert.False(File.Exists(_channel.SocketPath));
    }
}
