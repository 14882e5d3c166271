using System.Text.Json;
using Tui.Core.Config;
using Tui.Core.Limits;
using Tui.Core.Logs;
using Tui.Core.Protocol;
using Tui.Core.Supervision;

namespace Tui.Core.Health;

/// <summary>
/// One subscription to one run: its <see cref="RunHealth"/>, its <see cref="LimitWatch"/>, its messages (from the
/// process's <see cref="ChildChannel"/> and its stdout markers), turned into <see cref="RunReport"/>s for the engine.
/// All of it runs on one <see cref="SerialWork"/>, so reports come out one at a time and in order.
/// </summary>
internal sealed class RunWatch : IDisposable
{
    private readonly RunContext _run;
    private readonly MonitorOptions _options;
    private readonly ChildChannel? _channel;
    private readonly Action<string, RunMemory> _remember;
    private readonly IObserver<RunReport> _observer;
    private readonly SerialWork _work;
    private readonly RunHealth _health;
    private readonly LimitWatch? _limits;
    private RunMemory _memory;
    private IDisposable? _attachment;
    private IDisposable? _output;
    private volatile bool _disposed;
    private bool _invalidTold;

    public RunWatch(RunContext run, MonitorOptions options, ChildChannel? channel, RunMemory memory,
        Action<string, RunMemory> remember, Action<ProbeAttempt> attempted, IObserver<RunReport> observer)
    {
        _run = run;
        _options = options;
        _channel = channel;
        _memory = memory;
        _remember = remember;
        _observer = observer;
        _work = new SerialWork(error => Emit(Notice(NoticeLevel.Error, $"internal error in the monitor: {error.Message}")));
        var process = run.Process;
        _health = new RunHealth(process, run.StartedAt, options.Clock, options.Throttle, _work,
            spec => Probes.ProbeFactory.Create(spec, options.ProbeRunner, process.Cwd, run.Environment), Emit, attempted);
        if (process.Limits is { } limits) _limits = new LimitWatch(process.Name, limits, run.StartedAt, options.Clock, _work, Emit);
    }

    private string Name => _run.Process.Name;

    public void Start()
    {
        _health.Start(_memory.OutputSeen, _memory.NotifyReady);
        if (_health.OutputPattern is { } pattern && !_memory.OutputSeen) WatchOutput(pattern);
        if (_channel is { } channel)
        {
            // Markers are taken out of the log for good; what they say reaches whichever run is attached.
            _run.Log.Intercept = (stream, line) => stream == LogStream.Stdout && channel.OfferMarker(line);
            _attachment = channel.Attach(_run.Pid,
                message => _work.Post(() => OnMessage(message)),
                (reason, detail) => _work.Post(() => OnDrop(reason, detail)));
        }
        _limits?.Start(_run.Stats);
    }

    public void Dispose()
    {
        _disposed = true;
        _output?.Dispose();
        _attachment?.Dispose();
        _limits?.Dispose();
        _work.Post(_health.Dispose);
    }

    private void WatchOutput(string pattern)
    {
        var matcher = new OutputMatcher(pattern);
        var seen = 0;
        // Called on a log reader thread under the log's lock: only the match runs there, the rest is posted.
        _output = _run.Log.Lines.Subscribe(line =>
        {
            if (line.Stream == LogStream.System || Volatile.Read(ref seen) != 0 || !matcher.Offer(line.Text)) return;
            if (Interlocked.Exchange(ref seen, 1) != 0) return;
            _work.Post(() =>
            {
                Remember(_memory with { OutputSeen = true });
                _health.OnOutputMatched();
            });
        });
    }

    private void OnMessage(ChildMessage message)
    {
        if (_disposed) return;
        switch (message)
        {
            case ChildMessage.Heartbeat:
                _health.OnHeartbeat();
                break;
            case ChildMessage.Ready:
                Remember(_memory with { NotifyReady = true });
                _health.OnNotifyReady();
                break;
            case ChildMessage.Stopping:
                Emit(Notice(NoticeLevel.Info, "is stopping (STOPPING=1)"));
                break;
            case ChildMessage.Status status:
                Emit(new RunStatusReport(status.Text));
                break;
            case ChildMessage.Event e:
                OnEvent(e.Name, e.Data);
                break;
        }
    }

    private void OnEvent(string name, JsonElement data)
    {
        if (EventValidator.Validate(name, data, _run.Process.Events) is { } problem)
        {
            _channel?.Drops.Add(DropReason.Invalid);
            // Told once per run, like every other kind of drop; later ones are only counted.
            if (!_invalidTold) Emit(Notice(NoticeLevel.Warning, $"sent an invalid event: {problem}"));
            _invalidTold = true;
            return;
        }
        Emit(new RunEventReport(new ChildEvent(_options.Clock.Now, Name, name, data)));
        if (name == EventSchema.ProgressEvent && data.GetProperty(EventSchema.PercentField).TryGetDouble(out var percent))
            Emit(new RunProgressReport(percent / 100));
    }

    private void OnDrop(DropReason reason, string detail) =>
        Emit(Notice(NoticeLevel.Warning, $"a message was dropped ({reason.ToString().ToLowerInvariant()}: {detail}); more like it are only counted"));

    private void Remember(RunMemory memory)
    {
        _memory = memory;
        _remember(Name, memory);
    }

    private Notice Notice(NoticeLevel level, string text) => new(_options.Clock.Now, Name, level, text);

    private void Emit(RunReport report)
    {
        if (_disposed) return;
        _observer.OnNext(report);
    }

    private void Emit(SupervisorEvent e) => Emit(new RunEventReport(e));
}
