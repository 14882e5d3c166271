using System.Reactive.Concurrency;
using Tui.Core.Processes;
using Tui.Core.Protocol;

namespace Tui.Client.Tests;

/// <summary>
/// The client against Tui's real socket (a <see cref="ChildChannel"/> attached with this test process's own group,
/// the test playing the supervised child), on a clock the test moves: heartbeats, events, status, reconnects.
/// </summary>
public sealed class ProcessClientTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly int OwnGroup = ProcStat.Read(Environment.ProcessId)!.Value.ProcessGroup;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("tui-client-");
    private readonly ManualTime _time = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly StringWriter _warnings = new();
    private readonly System.Threading.Channels.Channel<ChildMessage> _received = System.Threading.Channels.Channel.CreateUnbounded<ChildMessage>();
    private ChildChannel _tui = null!;
    private IDisposable _attachment = null!;

    private string SocketPath => Path.Combine(_dir.FullName, "worker.sock");

    public Task InitializeAsync()
    {
        StartTui();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _attachment.Dispose();
        _tui.Dispose();
        _dir.Delete(recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Binds Tui's socket for "worker" (again, after <see cref="StopTui"/>: a restarted Tui).</summary>
    private void StartTui()
    {
        _tui = new ChildChannel("worker", SocketPath, new HistoricalScheduler());
        _tui.Open();
        _attachment = _tui.Attach(OwnGroup, m => _received.Writer.TryWrite(m), (_, _) => { });
    }

    private void StopTui()
    {
        _attachment.Dispose();
        _tui.Dispose();
    }

    private ProcessClientOptions Options(int? heartbeatMs = null) => new()
    {
        Environment = new Dictionary<string, string>
        {
            [TuiEnvironment.Socket] = SocketPath,
            [TuiEnvironment.Process] = "worker",
            [TuiEnvironment.Replica] = "2",
            [TuiEnvironment.HeartbeatMilliseconds] = heartbeatMs?.ToString() ?? "",
        },
        Time = _time,
        Warnings = _warnings,
    };

    private async Task<T> Next<T>() where T : ChildMessage =>
        Assert.IsType<T>(await _received.Reader.ReadAsync().AsTask().WaitAsync(Patience));

    [Fact]
    public void The_environment_names_are_the_ones_Tui_sets()
    {
        Assert.Equal(ProtocolEnvironment.Socket, TuiEnvironment.Socket);
        Assert.Equal(ProtocolEnvironment.HeartbeatMilliseconds, TuiEnvironment.HeartbeatMilliseconds);
        var replica = Tui.Core.Config.ConfigLoader.Parse("[processes.w]\ncommand = \"run\"\nreplicas = 2", Path.Combine(_dir.FullName, "processes.toml"),
            new Dictionary<string, string>()).Processes[1];
        Assert.Equal("w-2", replica.Env[TuiEnvironment.Process]);
        Assert.Equal("2", replica.Env[TuiEnvironment.Replica]);
    }

    [Fact]
    public async Task Metadata_given_at_spawn_is_read_as_a_JSON_object_and_anything_else_as_none()
    {
        Assert.Equal(Tui.Core.Supervision.AdHocJob.MetadataVariable, TuiEnvironment.Metadata);
        var withMetadata = Options().Environment!.ToDictionary();
        withMetadata[TuiEnvironment.Metadata] = """{"strategy":"momentum","window":20}""";
        await using var client = await ProcessClient.ConnectAsync(Options() with { Environment = withMetadata });
        Assert.Equal("momentum", client.Metadata!.Value.GetProperty("strategy").GetString());
        Assert.Equal(20, client.Metadata!.Value.GetProperty("window").GetInt32());

        foreach (var bad in new[] { "", "[1,2]", "{not json" })
        {
            withMetadata[TuiEnvironment.Metadata] = bad;
            await using var other = await ProcessClient.ConnectAsync(Options() with { Environment = withMetadata });
            Assert.Null(other.Metadata);
        }
    }

    [Fact]
    public async Task Not_under_Tui_every_call_is_a_no_op_after_one_warning()
    {
        await using var client = await ProcessClient.ConnectAsync(new ProcessClientOptions
        {
            Environment = new Dictionary<string, string>(),
            Time = _time,
            Warnings = _warnings,
        });
        await client.HeartbeatAsync();
        await client.EmitAsync("progress", new { percent = 10 });
        await client.SetStatusAsync("nobody listens");

        Assert.False(client.UnderTui);
        Assert.False(client.Connected);
        Assert.Equal("tui-client: not running under Tui (TUI_SOCKET is not set); heartbeats, events and status go nowhere" + Environment.NewLine, _warnings.ToString());
    }

    [Fact]
    public async Task Events_status_and_progress_reach_Tui_as_it_reads_them()
    {
        await using var client = await ProcessClient.ConnectAsync(Options());
        Assert.True(client.Connected);
        Assert.Equal(("worker", 2), (client.ProcessName!, client.Replica!.Value));

        await client.EmitAsync("epoch", new { n = 3, loss = 0.25, note = "warm \"start\"" });
        await client.SetStatusAsync("training");
        await client.ReportProgressAsync(42.5);

        var epoch = await Next<ChildMessage.Event>();
        Assert.Equal("epoch", epoch.Name);
        Assert.Equal(3, epoch.Data.GetProperty("n").GetInt32());
        Assert.Equal("warm \"start\"", epoch.Data.GetProperty("note").GetString());
        Assert.Equal("training", (await Next<ChildMessage.Status>()).Text);
        var progress = await Next<ChildMessage.Event>();
        Assert.Equal(("progress", 42.5), (progress.Name, progress.Data.GetProperty("percent").GetDouble()));
        Assert.Equal(0, _tui.Drops.Total);
    }

    [Fact]
    public async Task Heartbeats_go_out_on_the_interval_Tui_asks_for()
    {
        await using var client = await ProcessClient.ConnectAsync(Options(heartbeatMs: 2000));
        Assert.Equal(TimeSpan.FromSeconds(2), client.HeartbeatInterval);

        _time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(_received.Reader.TryRead(out _));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await Next<ChildMessage.Heartbeat>();
        _time.Advance(TimeSpan.FromSeconds(2));
        await Next<ChildMessage.Heartbeat>();
    }

    [Fact]
    public async Task Without_a_heartbeat_timeout_no_heartbeats_are_sent()
    {
        await using var client = await ProcessClient.ConnectAsync(Options());
        Assert.Null(client.HeartbeatInterval);
        _time.Advance(TimeSpan.FromMinutes(5));
        await client.SetStatusAsync("marker");
        Assert.Equal("marker", (await Next<ChildMessage.Status>()).Text); // the first thing Tui got
    }

    [Fact]
    public async Task A_restarted_Tui_is_found_again_and_gets_the_last_status()
    {
        await using var client = await ProcessClient.ConnectAsync(Options());
        await client.SetStatusAsync("serving 3 clients");
        Assert.Equal("serving 3 clients", (await Next<ChildMessage.Status>()).Text);

        StopTui();
        Assert.True(await Until(() => client.Disconnects == 1 && _time.Pending == 1), "the client noticed Tui went away and waits to retry");
        await client.EmitAsync("dropped", new { }); // nobody to send to: dropped, no exception
        Assert.Contains("lost the connection to Tui", _warnings.ToString());

        StartTui();
        _time.Advance(ProcessClientOptions.DefaultReconnectDelay);
        Assert.Equal("serving 3 clients", (await Next<ChildMessage.Status>()).Text);
        Assert.True(client.Connected);
        await client.EmitAsync("back", new { ok = true });
        Assert.Equal("back", (await Next<ChildMessage.Event>()).Name);
    }

    [Fact]
    public async Task A_Tui_not_up_yet_is_retried_with_a_growing_delay()
    {
        StopTui();
        await using var client = await ProcessClient.ConnectAsync(Options());
        Assert.True(client.UnderTui);
        Assert.False(client.Connected);

        _time.Advance(ProcessClientOptions.DefaultReconnectDelay); // first retry: still nobody
        Assert.True(await Until(() => _time.Pending == 1), "the first retry failed and the next one waits");
        StartTui();
        _time.Advance(ProcessClientOptions.DefaultReconnectDelay * 2 - TimeSpan.FromMilliseconds(1));
        Assert.False(client.Connected);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await Until(() => client.Connected));
    }

    [Fact]
    public async Task Event_data_must_be_an_object()
    {
        await using var client = await ProcessClient.ConnectAsync(Options());
        await Assert.ThrowsAsync<ArgumentException>(() => client.EmitAsync("bad", new[] { 1, 2 }));
    }

    /// <summary>A bounded wait for state the client changes on its own threads (no event announces it).</summary>
    private static async Task<bool> Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(10);
        }
        return true;
    }
}
