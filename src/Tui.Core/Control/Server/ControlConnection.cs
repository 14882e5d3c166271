using System.Net.Sockets;
using System.Reactive.Disposables;
using System.Text;
using System.Threading.Channels;
using Tui.Core.Control.Wire;

namespace Tui.Core.Control.Server;

/// <summary>
/// One client of the control socket: reads request lines, answers each (concurrently: a slow stop does not hold up a ps),
/// and after subscribe pushes the engine's streams. Everything written goes through one bounded queue drained by one
/// writer, so engine threads only enqueue and never wait on a client; a client that lets the queue fill is dropped.
/// </summary>
internal sealed class ControlConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly ControlHandler _handler;
    private readonly IControlHost _host;
    private readonly Channel<string> _outgoing = Channel.CreateBounded<string>(new BoundedChannelOptions(ControlLimits.MaxQueuedLines)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait, // TryWrite fails when full: the connection is then dropped.
    });
    private readonly CompositeDisposable _subscriptions = [];
    private readonly CancellationTokenSource _closing = new();

    public ControlConnection(Socket socket, IControlHost host)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _host = host;
        _handler = new ControlHandler(host);
    }

    /// <summary>Serves until the client closes, sends a line that is too long, or falls too far behind.</summary>
    public async Task RunAsync()
    {
        var writer = WriteLoopAsync();
        var reader = new LineReader(_stream, ControlLimits.MaxRequestBytes);
        try
        {
            while (!_closing.IsCancellationRequested && await reader.ReadLineAsync(_closing.Token).ConfigureAwait(false) is { } line)
            {
                if (line.Length == 0) continue;
                if (ControlJson.DecodeRequest(line, out var error) is not { } request)
                {
                    Send(ControlReply.Failure(null, error!));
                    continue;
                }
                _ = AnswerAsync(request);
            }
        }
        catch (LineTooLongException e)
        {
            Send(ControlReply.Failure(null, $"bad request: {e.Message}; closing"));
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The client went away or we are closing: nothing to answer.
        }
        _subscriptions.Dispose();
        _outgoing.Writer.TryComplete();
        await writer.ConfigureAwait(false);
    }

    private async Task AnswerAsync(ControlRequest request)
    {
        try
        {
            switch (request.Op)
            {
                case ControlOps.Subscribe:
                    Send(new ControlReply { Id = request.Id, Ok = true });
                    Subscribe();
                    break;
                case ControlOps.Down:
                    Send(new ControlReply { Id = request.Id, Ok = true });
                    _host.RequestShutdown();
                    break;
                default:
                    Send(await _handler.HandleAsync(request).ConfigureAwait(false));
                    break;
            }
        }
        catch (Exception e)
        {
            // A bug or an engine already disposed: the client gets a reason, the server keeps serving.
            Send(ControlReply.Failure(request.Id, $"internal error: {e.Message}"));
        }
    }

    private void Subscribe()
    {
        var engine = _host.Engine;
        _subscriptions.Add(engine.Snapshots.Subscribe(s => Send(new ControlReply { Ok = true, Push = "snapshot", Processes = [.. s.Select(ProcessInfo.From)] })));
        _subscriptions.Add(engine.Events.Subscribe(e => Send(new ControlReply { Ok = true, Push = "event", Event = EventInfo.Of(e) })));
        _subscriptions.Add(engine.Logs.Subscribe(l => Send(new ControlReply { Ok = true, Push = "log", Logs = [LogEntry.From(l)] })));
        _subscriptions.Add(engine.Stats.Subscribe(s => Send(new ControlReply { Ok = true, Push = "stats", Stats = [StatsEntry.From(s)] })));
    }

    private void Send(ControlReply reply)
    {
        if (!_outgoing.Writer.TryWrite(ControlJson.Encode(reply)))
        {
            // Full (a client not reading) or already completed: stop feeding it and close.
            _closing.Cancel();
            _outgoing.Writer.TryComplete();
        }
    }

    private async Task WriteLoopAsync()
    {
        var buffer = new MemoryStream();
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                // Batch what is queued into one write: a burst of log pushes becomes one syscall.
                buffer.SetLength(0);
                while (_outgoing.Reader.TryRead(out var line))
                {
                    buffer.Write(Encoding.UTF8.GetBytes(line));
                    buffer.WriteByte((byte)'\n');
                }
                await _stream.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            _closing.Cancel();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _closing.Cancel();
        _subscriptions.Dispose();
        _outgoing.Writer.TryComplete();
        try { _socket.Shutdown(SocketShutdown.Both); } catch (SocketException) { } catch (ObjectDisposedException) { }
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}
