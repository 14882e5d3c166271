using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Tui.Core.Processes;
using Tui.Core.Stats;
using Tui.Core.Supervision;
using Tui.Storage.Reading;
using Tui.Storage.Recording;

namespace Tui.Storage.Tests.Support;

/// <summary>
/// A recorder on a real SQLite file, fed by subjects in virtual time. The writer is the immediate scheduler, so a
/// batch is on disk as soon as virtual time cuts it. Made-up pids get made-up start times (pid * 1000).
/// </summary>
public sealed class RecorderHarness : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly List<string> _problems = [];
    private readonly IDisposable _problemSubscription;

    public RecorderHarness(string path, RecorderOptions? options = null, DateTimeOffset? clockStart = null, IScheduler? writer = null)
    {
        Path = path;
        Options = options ?? RecorderOptions.Default;
        Clock = new HistoricalScheduler(clockStart ?? T0);
        Recorder = new HistoryRecorder(path, Clock, Options, writer ?? ImmediateScheduler.Instance, pid => pid * 1000L);
        _problemSubscription = Recorder.Problems.Subscribe(p => { lock (_problems) _problems.Add(p); });
        Recorder.Attach(Events, Stats);
    }

    public string Path { get; }
    public RecorderOptions Options { get; }
    public HistoricalScheduler Clock { get; }
    public HistoryRecorder Recorder { get; }
    public Subject<SupervisorEvent> Events { get; } = new();
    public Subject<ProcessStats> Stats { get; } = new();

    public IReadOnlyList<string> Problems { get { lock (_problems) return [.. _problems]; } }

    public DateTimeOffset Now => Clock.Now;

    public void Emit(params SupervisorEvent[] events)
    {
        foreach (var e in events) Events.OnNext(e);
    }

    /// <summary>Lets the batch interval pass, so whatever is buffered is written.</summary>
    public void Flush() => Clock.AdvanceBy(Options.BatchInterval);

    public T Read<T>(Func<HistoryStore, T> query)
    {
        using var store = HistoryStore.Open(Path);
        return query(store);
    }

    public void Dispose()
    {
        Recorder.Dispose();
        _problemSubscription.Dispose();
    }

    // Event builders, dated at the virtual clock's now unless given.
    public StateChanged Changed(string process, ProcessState from, ProcessState to, string reason, int? pid = null) =>
        new(Now, process, from, to, reason, pid);

    public ProcessStarted Started(string process, int pid, int run) => new(Now, process, pid, run);

    public ProcessExited Exited(string process, int pid, ExitStatus status, TimeSpan uptime) => new(Now, process, pid, status, uptime);

    public RestartScheduled Restart(string process, int attempt, TimeSpan delay, string cause) => new(Now, process, attempt, delay, cause);
}
