using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Tui.Client;

/// <summary>
/// A supervised program's line to Tui. <see cref="ConnectAsync"/> reads the environment Tui sets, connects to its
/// socket, sends heartbeats on a timer when the process has a heartbeat_timeout, and reconnects (with a growing
/// delay) whenever the connection is lost, for instance because Tui restarted; the last status is sent again then.
/// Not under Tui (no TUI_SOCKET), every call does nothing, after one warning. Calls never throw for a lost
/// connection: a message sent while disconnected is dropped, as a heartbeat that is late anyway would be.
/// Thread-safe.
/// </summary>
public sealed class ProcessClient : IAsyncDisposable
{
    private static readonly byte[] HeartbeatLine = "{\"type\":\"heartbeat\"}\n"u8.ToArray();

    private readonly ProcessClientOptions _options;
    private readonly string? _socketPath;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly CancellationTokenSource _closed = new();
    private readonly ITimer? _heartbeat;
    private Socket? _socket;
    private Task _reconnecting = Task.CompletedTask;
    private string? _lastStatusLine;
    private int _disconnects;

    private ProcessClient(ProcessClientOptions options, IReadOnlyDictionary<string, string> environment)
    {
        _options = options;
        _socketPath = environment.GetValueOrDefault(TuiEnvironment.Socket) is { Length: > 0 } path ? path : null;
        ProcessName = environment.GetValueOrDefault(TuiEnvironment.Process);
        Metadata = ParseMetadata(environment.GetValueOrDefault(TuiEnvironment.Metadata));
        Replica = int.TryParse(environment.GetValueOrDefault(TuiEnvironment.Replica), NumberStyles.None, CultureInfo.InvariantCulture, out var replica) ? replica : null;
        HeartbeatInterval = options.HeartbeatInterval ?? (
            long.TryParse(environment.GetValueOrDefault(TuiEnvironment.HeartbeatMilliseconds), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0
                ? TimeSpan.FromMilliseconds(ms)
                : null);
        if (_socketPath is not null && HeartbeatInterval is { } every)
            _heartbeat = options.Time.CreateTimer(_ => _ = HeartbeatAsync(), null, every, every);
    }

    /// <summary>Whether the process runs under Tui at all (TUI_SOCKET is set).</summary>
    public bool UnderTui => _socketPath is not null;

    /// <summary>Whether the socket is connected right now.</summary>
    public bool Connected => Volatile.Read(ref _socket) is not null;

    /// <summary>The process's name in Tui's config (TUI_PROCESS); null when not under Tui.</summary>
    public string? ProcessName { get; }

    /// <summary>The replica index (TUI_REPLICA); null without replicas.</summary>
    public int? Replica { get; }

    /// <summary>
    /// The metadata given when the process was spawned (TUI_METADATA): a JSON object, detached (safe to keep); null
    /// when there is none, or when it is not a JSON object.
    /// </summary>
    public JsonElement? Metadata { get; }

    /// <summary>How often heartbeats are sent; null when none are (no heartbeat_timeout).</summary>
    public TimeSpan? HeartbeatInterval { get; }

    /// <summary>Connections lost so far (each is followed by reconnect attempts).</summary>
    public int Disconnects => Volatile.Read(ref _disconnects);

    /// <summary>
    /// Reads the environment and connects. Never fails for Tui being absent or unreachable: not under Tui, the client
    /// is a no-op (with a warning); under Tui but not reachable yet, it keeps trying in the background.
    /// </summary>
    public static async Task<ProcessClient> ConnectAsync(ProcessClientOptions? options = null, CancellationToken cancel = default)
    {
        options ??= new ProcessClientOptions();
        var client = new ProcessClient(options, options.Environment ?? ReadEnvironment());
        if (!client.UnderTui)
        {
            options.Warnings?.WriteLine($"tui-client: not running under Tui ({TuiEnvironment.Socket} is not set); heartbeats, events and status go nowhere");
            return client;
        }
        if (!await client.TryConnectAsync(cancel).ConfigureAwait(false)) client.Reconnect();
        return client;
    }

    /// <summary>Sends an event declared in Tui's config; <paramref name="data"/> is serialised as a JSON object (null sends {}).</summary>
    public Task EmitAsync(string name, object? data = null, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var json = data is null ? "{}" : JsonSerializer.Serialize(data, data.GetType());
        if (!json.StartsWith('{')) throw new ArgumentException("event data must serialise to a JSON object", nameof(data));
        return SendAsync(Line($"{{\"type\":\"event\",\"name\":{JsonSerializer.Serialize(name)},\"data\":{json}}}"), cancel);
    }

    /// <summary>Reports progress (0 to 100) through the built-in progress event.</summary>
    public Task ReportProgressAsync(double percent, CancellationToken cancel = default) =>
        EmitAsync("progress", new Dictionary<string, double> { ["percent"] = Math.Clamp(percent, 0, 100) }, cancel);

    /// <summary>Sets the one-line status shown beside the process; null or empty clears it. Sent again after a reconnect.</summary>
    public Task SetStatusAsync(string? text, CancellationToken cancel = default)
    {
        var line = Line($"{{\"type\":\"status\",\"text\":{JsonSerializer.Serialize(text)}}}");
        Volatile.Write(ref _lastStatusLine, Encoding.UTF8.GetString(line));
        return SendAsync(line, cancel);
    }

    /// <summary>Sends one heartbeat now (the timer sends them by itself when the process has a heartbeat_timeout).</summary>
    public Task HeartbeatAsync(CancellationToken cancel = default) => SendAsync(HeartbeatLine, cancel);

    /// <summary>Stops the heartbeats and reconnects and closes the connection; later calls do nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_closed.IsCancellationRequested) return;
        _closed.Cancel();
        if (_heartbeat is not null) await _heartbeat.DisposeAsync().ConfigureAwait(false);
        Interlocked.Exchange(ref _socket, null)?.Dispose();
        try
        {
            await _reconnecting.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static JsonElement? ParseMetadata(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[] Line(string json) => Encoding.UTF8.GetBytes(json + "\n");

    private async Task SendAsync(byte[] line, CancellationToken cancel)
    {
        if (!UnderTui || _closed.IsCancellationRequested) return;
        await _writing.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _socket) is not { } socket) return; // reconnecting: dropped
            try
            {
                await socket.SendAsync(line, SocketFlags.None, cancel).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                Lost(socket);
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task<bool> TryConnectAsync(CancellationToken cancel)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(_socketPath!), cancel).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            socket.Dispose();
            return false;
        }
        if (_closed.IsCancellationRequested)
        {
            socket.Dispose();
            return false;
        }
        Volatile.Write(ref _socket, socket);
        _ = WatchForClose(socket);
        if (Volatile.Read(ref _lastStatusLine) is { } status) await SendAsync(Encoding.UTF8.GetBytes(status), cancel).ConfigureAwait(false);
        return true;
    }

    /// <summary>Tui never writes to the socket: a read that ends means it closed the connection (it stopped or restarted).</summary>
    private async Task WatchForClose(Socket socket)
    {
        var buffer = new byte[64];
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, _closed.Token).ConfigureAwait(false) > 0) { }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        Lost(socket);
    }

    private void Lost(Socket socket)
    {
        if (Interlocked.CompareExchange(ref _socket, null, socket) != socket) return;
        socket.Dispose();
        if (_closed.IsCancellationRequested) return;
        Reconnect();
        Interlocked.Increment(ref _disconnects);
        _options.Warnings?.WriteLine($"tui-client: lost the connection to Tui at {_socketPath}; reconnecting");
    }

    private void Reconnect()
    {
        lock (_closed)
        {
            if (!_reconnecting.IsCompleted || _closed.IsCancellationRequested) return;
            _reconnecting = ReconnectLoop();
        }
    }

    private async Task ReconnectLoop()
    {
        var delay = _options.ReconnectDelay;
        while (!_closed.IsCancellationRequested)
        {
            await Task.Delay(delay, _options.Time, _closed.Token).ConfigureAwait(false);
            if (await TryConnectAsync(_closed.Token).ConfigureAwait(false)) return;
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxReconnectDelay.Ticks));
        }
    }

    private static Dictionary<string, string> ReadEnvironment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value) environment[key] = value;
        }
        return environment;
    }
}
