using System.Collections.Concurrent;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Text.Json;
using Tui.Core.Config;
using Tui.Core.Stats;
using Tui.Core.Supervision;

namespace Tui.Jobs;

/// <summary>
/// Reads the engine's streams once for the manager: turns its events into <see cref="JobEvent"/> records and keeps
/// what a status needs that a snapshot lacks (the latest sample, the last run's length). Events come on the engine
/// loop, one at a time, so the translation needs no lock; readers of the facts are on any thread.
/// </summary>
internal sealed class EngineFeed : IDisposable
{
    private readonly Subject<JobEvent> _events = new();
    private readonly ConcurrentDictionary<string, RunFacts> _facts = new(StringComparer.Ordinal);
    private readonly IDisposable _eventFeed;
    private readonly IDisposable _statsFeed;

    public EngineFeed(Supervisor supervisor)
    {
        _eventFeed = supervisor.Events.Subscribe(OnEvent, _events.OnError, _events.OnCompleted);
        _statsFeed = supervisor.Stats.Subscribe(OnSample);
    }

    public IObservable<JobEvent> Events => _events.AsObservable();

    public RunFacts Facts(string process) => _facts.GetValueOrDefault(process) ?? RunFacts.None;

    public void Dispose()
    {
        _eventFeed.Dispose();
        _statsFeed.Dispose();
        _events.OnCompleted();
        _events.Dispose();
    }

    private void OnSample(ProcessStats sample) =>
        _facts.AddOrUpdate(sample.Process, _ => RunFacts.None with { Sample = sample }, (_, known) => known with { Sample = sample });

    private void OnEvent(SupervisorEvent @event)
    {
        if (@event is ProcessStarted started)
            _facts.AddOrUpdate(started.Process, _ => RunFacts.None with { LastStartedAt = started.At, LastPid = started.Pid },
                (_, known) => known with { LastStartedAt = started.At, LastPid = started.Pid, Sample = null });
        if (@event is ProcessExited exited)
            _facts.AddOrUpdate(exited.Process, _ => RunFacts.None with { LastRuntime = exited.Uptime }, (_, known) => known with { LastRuntime = exited.Uptime, Sample = null });
        if (Translate(@event) is { } job) _events.OnNext(job);
    }

    private JobEvent? Translate(SupervisorEvent @event) => @event switch
    {
        ProcessStarted s => new JobStarted(s.Process, s.At, s.Pid, s.Run),
        StateChanged { To: ProcessState.Ready } c => new JobReady(c.Process, c.At),
        StateChanged { To: ProcessState.Stopped } c => new JobStopped(c.Process, c.At, c.Reason),
        StateChanged { To: ProcessState.Completed } c => new JobCompleted(c.Process, c.At, Facts(c.Process).LastRuntime ?? TimeSpan.Zero),
        StateChanged { To: ProcessState.Errored } c => new JobFailed(c.Process, c.At, JobState.Errored, c.Reason),
        StateChanged { To: ProcessState.Failed } c => new JobFailed(c.Process, c.At, JobState.Failed, c.Reason),
        RestartScheduled r => new JobRestarting(r.Process, r.At, r.Attempt, r.Delay, r.Cause),
        HealthChanged { Status: HealthStatus.Stale } h => new JobStale(h.Process, h.At, h.Text),
        LimitExceeded l => new JobLimitExceeded(l.Process, l.At, l.Limit, l.Reason),
        ChildEvent { Name: EventSchema.ProgressEvent } e => new JobProgress(e.Process, e.At, Percent(e.Data), Message(e.Data)),
        ChildEvent e => new JobCustomEvent(e.Process, e.At, e.Name, e.Data),
        _ => null,
    };

    private static double Percent(JsonElement data) =>
        data.TryGetProperty(EventSchema.PercentField, out var percent) && percent.TryGetDouble(out var value) ? value : 0;

    private static string? Message(JsonElement data) =>
        data.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : null;
}
