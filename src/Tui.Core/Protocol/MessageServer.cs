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

    /// <summary>
    /// Accepts go through one reused SocketAsyncEventArgs: closing the listener then ends a pending accept with an
    /// error code instead of an exception. Most jobs never connect, and the exception thrown at every close of an
    /// awaited AcceptAsync was a tenth of a short job's cost on the thread pool.
    /// </summary>
    private readonly SocketAsyncEventArgs _accept = new();

    public void Start()
    {
        SocketFiles.Bind(_listener, path);
        _listener.Listen(Backlog);
        _accept.Completed += (_, args) => OnAccepted(args);
        AcceptNext();
    }

    public void Dispose()
    {
        _stopped.Cancel();
        _listener.Dispose(); // a pending accept ends with OperationAborted (OnAccepted sees _stopped)
        _accept.Dispose();   // deferred by .NET until that accept has completed
        lock (_gate)
        {
            foreach (var connection in _connections) connection.Dispose();
            _connections.Clear();
        }
        SocketFiles.Remove(path);
    }

    /// <summary>Starts accepting again; connections that are already waiting are handled here, in a loop.</summary>
    private void AcceptNext()
    {
        while (!_stopped.IsCancellationRequested)
        {
            _accept.AcceptSocket = null;
            bool pending;
            try
            {
                pending = _listener.AcceptAsync(_accept);
            }
            catch (ObjectDisposedException)
            {
                return; // closed meanwhile
            }
            if (pending || !Handle(_accept)) return;
        }
    }

    private void OnAccepted(SocketAsyncEventArgs args)
    {
        if (Handle(args)) AcceptNext();
    }

    /// <summary>Takes one accepted connection; false once the listener is closed.</summary>
    private bool Handle(SocketAsyncEventArgs args)
    {
        if (_stopped.IsCancellationRequested)
        {
            args.AcceptSocket?.Dispose();
            return false;
        }
        // A connection that failed while being accepted (the peer gave up): keep accepting.
        if (args.SocketError != SocketError.Success || args.AcceptSocket is not { } connection) return true;
        var refusal = Admit(connection);
        if (refusal is not null)
        {
            channel.Drop(DropReason.Refused, refusal);
            connection.Dispose();
            return true;
        }
        _ = Serve(connection);
        return true;
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
