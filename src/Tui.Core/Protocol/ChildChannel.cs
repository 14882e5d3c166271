using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace Tui.Core.Protocol;

/// <summary>
/// Everything one process may tell Tui, from every way in (its socket, its sd_notify socket, its stdout markers),
/// brought to one place: peers are checked, the rate is limited, messages are parsed, and what survives goes to
/// the run being watched (<see cref="Attach"/>). Whatever is dropped is counted in <see cref="Drops"/>.
/// Lives as long as the process is in the config, across its runs, so the socket path stays the same.
/// Thread-safe: connections, the notify receiver and the log reader call in concurrently.
/// </summary>
public sealed class ChildChannel : IDisposable
{
    /// <summary>Made once: a flood drops thousands of messages a second, and each drop must cost next to nothing.</summary>
    private static readonly string FloodDetail = $"more than {ProtocolLimits.MessagesPerSecond} messages a second";

    private readonly RateLimiter _rate;
    private readonly Lock _gate = new();
    private MessageServer? _server;
    private NotifyReceiver? _notify;
    private readonly List<(ChildMessage Message, int? SenderGroup)> _held = [];
    private Attachment? _run;
    private int _generation;
    private bool _disposed;

    /// <param name="socketPath">Where the stream socket is bound.</param>
    public ChildChannel(string process, string socketPath, IScheduler clock)
    {
        Process = process;
        SocketPath = socketPath;
        _rate = new RateLimiter(clock);
    }

    public string Process { get; }
    public string SocketPath { get; }

    /// <summary>The sd_notify socket, once <see cref="EnableNotify"/> was called.</summary>
    public string? NotifyPath { get; private set; }

    public DropCounts Drops { get; } = new();

    /// <summary>Binds the stream socket (replacing a stale file from an earlier Tui) and starts accepting.</summary>
    public void Open()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_server is not null) return;
            _server = new MessageServer(SocketPath, this);
            _server.Start();
        }
    }

    /// <summary>Binds the sd_notify datagram socket at <paramref name="path"/> (once).</summary>
    public void EnableNotify(string path)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_notify is not null) return;
            _notify = new NotifyReceiver(path, this);
            _notify.Start();
            NotifyPath = path;
        }
    }

    /// <summary>
    /// Sends what arrives from now on to one run, whose child leads process group <paramref name="childGroup"/>;
    /// disposing the result detaches it (messages are then dropped as <see cref="DropReason.NoRun"/>).
    /// </summary>
    /// <param name="onMessage">Called for each accepted message, on the thread that read it: it must not block.</param>
    /// <param name="onDrop">Called for the first drop of each reason during this run (later ones are only counted), with the detail.</param>
    public IDisposable Attach(int childGroup, Action<ChildMessage> onMessage, Action<DropReason, string> onDrop)
    {
        var attachment = new Attachment(childGroup, onMessage, onDrop);
        lock (_gate)
        {
            _run = attachment;
            _generation++;
            // What the child said before its run was attached (it may speak before Tui has finished starting it).
            foreach (var (message, senderGroup) in _held)
            {
                if (senderGroup == childGroup) onMessage(message);
                else Drops.Add(DropReason.NoRun);
            }
            _held.Clear();
        }
        return Disposable.Create(() =>
        {
            lock (_gate)
            {
                if (_run != attachment) return;
                _run = null;
                _generation++;
            }
        });
    }

    /// <summary>A stdout line of the child; true when it is a marker (taken out of the log, whether it parses or not).</summary>
    public bool OfferMarker(string line)
    {
        if (!MarkerParser.IsMarker(line)) return false;
        if (!_rate.TryTake())
        {
            Drop(DropReason.Flooding, "more than the rate limit of marker lines");
            return true;
        }
        var parsed = MarkerParser.Parse(line);
        if (parsed.Message is { } message) Deliver(message);
        else Drop(DropReason.Malformed, $"marker \"{Shorten(line)}\": {parsed.Error}");
        return true;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _run = null;
        }
        _server?.Dispose();
        _notify?.Dispose();
    }

    /// <summary>Messages held for the next run (tests).</summary>
    internal int HeldCount
    {
        get { lock (_gate) return _held.Count; }
    }

    /// <summary>The process group of the run being watched, and a number that changes whenever the run does.</summary>
    internal (int? Group, int Generation) CurrentRun()
    {
        lock (_gate) return (_run?.ChildGroup, _generation);
    }

    /// <summary>A rate token for one message from a socket; false (and counted) when over the limit.</summary>
    internal bool TakeToken()
    {
        if (_rate.TryTake()) return true;
        Drop(DropReason.Flooding, FloodDetail);
        return false;
    }

    /// <summary>A message from the child's own output, or from a peer already checked against the attached run.</summary>
    internal void Deliver(ChildMessage message)
    {
        Attachment? run;
        lock (_gate) run = _run;
        if (run is null)
        {
            Drop(DropReason.NoRun, "a message arrived while no run was watched");
            return;
        }
        run.OnMessage(message);
    }

    /// <summary>
    /// A message from a peer of Tui's uid while no run is attached: held (up to <see cref="ProtocolLimits.MaxHeldMessages"/>)
    /// for the next run, which gets it only if the sender was in that run's process group.
    /// </summary>
    /// <param name="senderGroup">The sender's process group when the message arrived; null when it was already gone (then it is not delivered).</param>
    internal void Hold(ChildMessage message, int? senderGroup)
    {
        Attachment? run;
        lock (_gate)
        {
            run = _run;
            if (run is null)
            {
                if (_held.Count < ProtocolLimits.MaxHeldMessages)
                {
                    _held.Add((message, senderGroup));
                    return;
                }
            }
        }
        if (run is null) Drop(DropReason.NoRun, "more messages than can be held while no run is watched");
        else if (senderGroup == run.ChildGroup) run.OnMessage(message);
        else Drop(DropReason.Refused, $"a peer in process group {senderGroup}, not the child's {run.ChildGroup}");
    }

    internal void Drop(DropReason reason, string detail)
    {
        Drops.Add(reason);
        Attachment? run;
        lock (_gate) run = _run;
        if (run is not null && run.FirstOf(reason)) run.OnDrop(reason, detail);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..59] + "…";

    /// <summary>The run messages go to; each reason of drop is told to it once, later ones are only counted.</summary>
    private sealed class Attachment(int childGroup, Action<ChildMessage> onMessage, Action<DropReason, string> onDrop)
    {
        private int _told;

        public int ChildGroup => childGroup;
        public Action<ChildMessage> OnMessage => onMessage;
        public Action<DropReason, string> OnDrop => onDrop;

        public bool FirstOf(DropReason reason)
        {
            var bit = 1 << (int)reason;
            int before, after;
            do
            {
                before = Volatile.Read(ref _told);
                after = before | bit;
            } while (before != after && Interlocked.CompareExchange(ref _told, after, before) != before);
            return before != after;
        }
    }
}
