using System.Net.Sockets;

namespace Tui.Core.Protocol;

/// <summary>
/// The stream socket of one process: accepts connections (at most <see cref="ProtocolLimits.MaxConnections"/>),
/// refuses a peer of another uid at once and a peer outside the child's process group at its first message, and
/// reads newline-delimited JSON into the <see cref="ChildChannel"/>. Each connection is read by its own async loop;
/// nothing a peer sends can block another connection, the engine, or Tui's memory.
/// </summary>
internal sealed class MessageServer(string path, ChildChannel channel) : IDisposable
{
    /// <summary>One read takes what a burst of small messages fills; a long line comes in several reads.</summary>
    private const int ReadBufferBytes = 16 * 1024;

    private const int Backlog = 16;

    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly CancellationTokenSource _stopped = new();
    private readonly Lock _gate = new();
    private readonly HashSet<Socket> _connections = [];

    public void Start()
    {
        SocketFiles.Bind(_listener, path);
        _listener.Listen(Backlog);
        _ = AcceptLoop();
    }

    public void Dispose()
    {
        _stopped.Cancel();
        _listener.Dispose();
        lock (_gate)
        {
            foreach (var connection in _connections) connection.Dispose();
            _connections.Clear();
        }
        SocketFiles.Remove(path);
    }

    private async Task AcceptLoop()
    {
        while (!_stopped.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await _listener.AcceptAsync(_stopped.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stopped.IsCancellationRequested) return;
                continue; // a connection that failed while being accepted (the peer gave up): keep accepting
            }

            var refusal = Admit(connection);
            if (refusal is not null)
            {
                channel.Drop(DropReason.Refused, refusal);
                connection.Dispose();
                continue;
            }
            _ = Serve(connection);
        }
    }

    /// <summary>Why a new connection is turned away (another uid, too many open), or null.</summary>
    private string? Admit(Socket connection)
    {
        PeerCredentials peer;
        try
        {
            peer = PeerCredentials.Of(connection);
        }
        catch (SocketException e)
        {
            return $"cannot read the peer's credentials: {e.Message}";
        }
        if (peer.Uid != PeerCredentials.OwnUid) return $"peer uid {peer.Uid} is not Tui's uid {PeerCredentials.OwnUid}";
        lock (_gate)
        {
            if (_stopped.IsCancellationRequested) return "closing";
            if (_connections.Count >= ProtocolLimits.MaxConnections) return $"more than {ProtocolLimits.MaxConnections} connections at once";
            _connections.Add(connection);
        }
        return null;
    }

    private async Task Serve(Socket connection)
    {
        var peer = PeerCredentials.Of(connection);
        var reader = new BoundedLineReader();
        var checkedGeneration = -1;
        var buffer = new byte[ReadBufferBytes];
        try
        {
            while (true)
            {
                var read = await connection.ReceiveAsync(buffer, SocketFlags.None, _stopped.Token).ConfigureAwait(false);
                if (read == 0) return;
                var keep = reader.Feed(buffer.AsSpan(0, read), OnLine,
                    () => channel.Drop(DropReason.Oversized, $"a line longer than {ProtocolLimits.MaxLineBytes} bytes"));
                if (!keep) return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Tui is closing the channel, or the peer went away.
        }
        finally
        {
            lock (_gate) _connections.Remove(connection);
            connection.Dispose();
        }

        bool OnLine(ReadOnlyMemory<byte> line)
        {
            // The peer is checked against the run being watched whenever that run changes (a new run, a detach).
            var (group, generation) = channel.CurrentRun();
            if (group is not null && generation != checkedGeneration)
            {
                if (peer.Refusal(group, PeerCredentials.GroupOf) is { } refusal)
                {
                    channel.Drop(DropReason.Refused, refusal);
                    return false; // a stranger is cut off
                }
                checkedGeneration = generation;
            }
            if (!channel.TakeToken()) return true;
            var parsed = JsonMessageParser.Parse(line);
            if (parsed.Message is not { } message) channel.Drop(DropReason.Malformed, parsed.Error!);
            else if (group is null) channel.Hold(message, PeerCredentials.GroupOf(peer.Pid)); // the child may stay connected for its next run
            else channel.Deliver(message);
            return true;
        }
    }
}
