using System.Collections.Concurrent;
using System.Net.Sockets;
using Tui.Core.Control.Wire;

namespace Tui.Core.Control.Server;

/// <summary>
/// The control socket of a running instance: a Unix stream socket (0600, in a 0700 directory) that answers only
/// connections whose kernel-reported uid is <see cref="AllowedUid"/> (this user). Line-delimited JSON, see <see cref="ControlOps"/>.
/// </summary>
public sealed class ControlServer : IAsyncDisposable
{
    private const int Backlog = 16;

    private readonly Socket _listener;
    private readonly IControlHost _host;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<ControlConnection, Task> _connections = new();
    private readonly Task _accepting;
    private int _refused, _disposed;

    private ControlServer(string path, IControlHost host, uint allowedUid)
    {
        SocketPath = path;
        _host = host;
        AllowedUid = allowedUid;
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            _listener.Bind(new UnixDomainSocketEndPoint(path));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            _listener.Listen(Backlog);
        }
        catch
        {
            _listener.Dispose();
            throw;
        }
        _accepting = AcceptLoopAsync();
    }

    public string SocketPath { get; }

    /// <summary>The only uid answered; others get one refusal line and are closed.</summary>
    public uint AllowedUid { get; }

    /// <summary>Connections refused (wrong user, too many clients).</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>
    /// Binds the socket at <paramref name="path"/>. A socket file left by a Tui that died is replaced; one that answers
    /// means this config already runs, and that is an error (two engines would start the same processes).
    /// </summary>
    /// <exception cref="ControlException">Another instance answers at the path, or the path cannot be bound.</exception>
    public static ControlServer Start(string path, IControlHost host, uint? allowedUid = null)
    {
        SocketLocation.PrepareDirectory(path);
        if (File.Exists(path) || Directory.Exists(path))
        {
            if (Answers(path)) throw new ControlException($"this configuration is already running (its control socket {path} answers); use tui attach, or tui down first");
            try { File.Delete(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new ControlException($"cannot replace the stale control socket {path}: {e.Message}"); }
        }
        try
        {
            return new ControlServer(path, host, allowedUid ?? PeerUser.Own);
        }
        catch (SocketException e)
        {
            throw new ControlException($"cannot listen on {path}: {e.Message}");
        }
    }

    private static bool Answers(string path)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            if (Refusal(client) is { } reason)
            {
                Interlocked.Increment(ref _refused);
                await RefuseAsync(client, reason).ConfigureAwait(false);
                continue;
            }
            var connection = new ControlConnection(client, _host);
            // Registered before it runs, so that its own removal at the end always finds it.
            var serving = new Task<Task>(() => ServeAsync(connection));
            _connections[connection] = serving.Unwrap();
            serving.Start(TaskScheduler.Default);
        }
    }

    private string? Refusal(Socket client)
    {
        var (pid, uid) = PeerUser.Of(client);
        if (uid != AllowedUid) return $"refused: peer uid {uid} (pid {pid}) is not this instance's user {AllowedUid}";
        if (_connections.Count >= ControlLimits.MaxConnections) return $"refused: {ControlLimits.MaxConnections} clients already connected";
        return null;
    }

    private static async Task RefuseAsync(Socket client, string reason)
    {
        try
        {
            var line = System.Text.Encoding.UTF8.GetBytes(ControlJson.Encode(ControlReply.Failure(null, reason)) + "\n");
            await client.SendAsync(line).ConfigureAwait(false);
            client.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }
        finally
        {
            client.Dispose();
        }
    }

    private async Task ServeAsync(ControlConnection connection)
    {
        try
        {
            await connection.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            _connections.TryRemove(connection, out _);
        }
    }

    /// <summary>Stops accepting, closes every client and removes the socket file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _stopping.Cancel();
        _listener.Dispose();
        await _accepting.ConfigureAwait(false);
        foreach (var connection in _connections.Keys) await connection.DisposeAsync().ConfigureAwait(false);
        await Task.WhenAll(_connections.Values).ConfigureAwait(false);
        try { File.Delete(SocketPath); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
