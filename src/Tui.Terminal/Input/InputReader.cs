using System.Reactive.Concurrency;
using Tui.Terminal.Backend;

namespace Tui.Terminal.Input;

/// <summary>
/// Reads the terminal's input on a background thread, decodes it, and passes the events to a sink.
/// When the decoder holds a partial sequence (a lone ESC), the reader schedules
/// <see cref="InputDecoder.Expire"/> on the injected scheduler; more input cancels that timer.
/// </summary>
internal sealed class InputReader : IDisposable
{
    /// <summary>How often the reading thread looks up from a quiet terminal to see whether it should stop.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private const int ReadBufferSize = 4096;

    private readonly ITerminalBackend _terminal;
    private readonly IScheduler _scheduler;
    private readonly Action<InputEvent> _sink;
    private readonly InputDecoder _decoder = new();
    private readonly object _gate = new();
    private IDisposable? _expiry;
    private Thread? _thread;
    private volatile bool _stopping;
    private readonly ManualResetEventSlim _resumed = new(initialState: true);

    public InputReader(ITerminalBackend terminal, IScheduler scheduler, Action<InputEvent> sink)
    {
        _terminal = terminal;
        _scheduler = scheduler;
        _sink = sink;
    }

    /// <summary>Raised once when the terminal's input ends (the tty closed).</summary>
    public event Action? Ended;

    /// <summary>
    /// While paused the reader leaves the terminal's input alone, so keys typed after the program gave the
    /// terminal back (suspended, or exiting) reach the shell instead of being eaten.
    /// </summary>
    public bool Paused
    {
        get => !_resumed.IsSet;
        set
        {
            if (value) _resumed.Reset();
            else _resumed.Set();
        }
    }

    public void Start()
    {
        if (_thread is not null) return;
        _thread = new Thread(Run) { IsBackground = true, Name = "terminal input" };
        _thread.Start();
    }

    /// <summary>Decodes bytes as if they had been read (the reading thread calls this; tests may too).</summary>
    public void Deliver(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            _expiry?.Dispose();
            _expiry = null;
            foreach (var e in _decoder.Feed(bytes)) _sink(e);
            if (_decoder.PendingTimeout is { } timeout) _expiry = _scheduler.Schedule(timeout, Expire);
        }
    }

    private void Expire()
    {
        lock (_gate)
        {
            _expiry = null;
            foreach (var e in _decoder.Expire()) _sink(e);
        }
    }

    private void Run()
    {
        var buffer = new byte[ReadBufferSize];
        while (!_stopping)
        {
            if (!_resumed.Wait(PollInterval)) continue;
            int read;
            try
            {
                if (!_terminal.WaitForInput(PollInterval)) continue;
                // Paused while waiting: the bytes now belong to whoever has the terminal (the shell).
                if (Paused || _stopping) continue;
                read = _terminal.Read(buffer);
            }
            catch (IOException)
            {
                read = -1;
            }
            if (read < 0)
            {
                Ended?.Invoke();
                return;
            }
            if (read > 0) Deliver(buffer.AsSpan(0, read));
        }
    }

    public void Dispose()
    {
        _stopping = true;
        if (_thread is not null && _thread != Thread.CurrentThread) _thread.Join(PollInterval * 5);
        lock (_gate) _expiry?.Dispose();
    }
}
