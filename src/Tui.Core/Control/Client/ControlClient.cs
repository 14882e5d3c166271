using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Text;
using Tui.Core.Control.Wire;

namespace Tui.Core.Control.Client;

/// <summary>
/// A connection to an instance's control socket: requests matched to replies by id, pushes as a stream.
/// Thread-safe; pushes and replies are raised on the connection's one reader.
/// </summary>
public sealed class ControlClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<ControlReply>> _pending = new();
    private readonly Subject<ControlReply> _pushes = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reading;
    private long _nextId;
    private volatile string? _closeReason;

    private ControlClient(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reading = ReadLoopAsync();
    }

    public string SocketPath { get; private init; } = "";

    /// <summary>Pushes after subscribe: snapshot, event, log, stats.</summary>
    public IObservable<ControlReply> Pushes => _pushes.AsObservable();

    /// <summary>Completes with the reason when the connection ends (the instance stopped, refused us, or we disposed).</summary>
    public Task<string> Closed => _closed.Task;

    /// <exception cref="ControlUnavailableException">Nothing listens at <paramref name="socketPath"/>.</exception>
    public static async Task<ControlClient> ConnectAsync(string socketPath, CancellationToken cancellation = default)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellation).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new ControlUnavailableException(e.SocketErrorCode is SocketError.AddressNotAvailable or SocketError.ConnectionRefused
                ? $"no running instance for this configuration (nothing answers at {socketPath})"
                : $"cannot connect to {socketPath}: {e.Message}");
        }
        return new ControlClient(socket) { SocketPath = socketPath };
    }

    /// <summary>Sends a request (its id is assigned here) and waits for its reply.</summary>
    /// <exception cref="ControlUnavailableException">The connection ended before the reply.</exception>
    public async Task<ControlReply> RequestAsync(ControlRequest request, CancellationToken cancellation = default)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<ControlReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        if (_closeReason is { } reason) Fail(reason);
        var line = Encoding.UTF8.GetBytes(ControlJson.Encode(request with { Id = id }) + "\n");
        await _writing.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(line, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            _pending.TryRemove(id, out _);
            throw new ControlUnavailableException(_closeReason ?? $"the instance closed the connection ({e.Message})");
        }
        finally
        {
            _writing.Release();
        }
        using (cancellation.Register(() => reply.TrySetCanceled(cancellation)))
        {
            return await reply.Task.ConfigureAwait(false);
        }
    }

    private async Task ReadLoopAsync()
    {
        await Task.Yield();
        var reader = new LineReader(_stream, ControlLimits.MaxReplyBytes);
        var reason = "the instance closed the connection";
        try
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                if (ControlJson.DecodeReply(line) is not { } reply) continue;
                if (reply.Id is { } id)
                {
                    if (_pending.TryRemove(id, out var waiter)) waiter.TrySetResult(reply);
                }
                else if (reply.Push is not null)
                {
                    _pushes.OnNext(reply);
                }
                else if (!reply.Ok)
                {
                    // A connection-level refusal (another user, too many clients) or a complaint about a line we sent.
                    reason = reply.Error ?? reason;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            if (e is LineTooLongException) reason = e.Message;
        }
        _closeReason = reason;
        Fail(reason);
        _pushes.OnCompleted();
        _closed.TrySetResult(reason);
    }

    private void Fail(string reason)
    {
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var waiter)) waiter.TrySetException(new ControlUnavailableException(reason));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _closeReason ??= "disconnected";
        try { _socket.Shutdown(SocketShutdown.Both); } catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        await _stream.DisposeAsync().ConfigureAwait(false);
        await _reading.ConfigureAwait(false);
        _writing.Dispose();
    }
}
