using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace Tui.Core.Tests.Health;

/// <summary>
/// A virtual clock several threads may schedule on while the test advances it: probes, the child protocol and the
/// engine schedule from pool threads. Scheduling and advancing share one lock; <see cref="Now"/> takes none.
/// Children of tests that use it print whole lines only (a partial line would arm a log timer under the log's lock).
/// </summary>
internal sealed class SharedVirtualClock(DateTimeOffset start) : IScheduler
{
    private readonly HistoricalScheduler _inner = new(start);
    private readonly Lock _gate = new();

    public DateTimeOffset Now => _inner.Now;

    public void AdvanceBy(TimeSpan time)
    {
        lock (_gate) _inner.AdvanceBy(time);
    }

    public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action)
    {
        lock (_gate) return Guard(_inner.Schedule(state, (_, s) => action(this, s)));
    }

    public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        lock (_gate) return Guard(_inner.Schedule(state, dueTime, (_, s) => action(this, s)));
    }

    public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        lock (_gate) return Guard(_inner.Schedule(state, dueTime, (_, s) => action(this, s)));
    }

    private IDisposable Guard(IDisposable scheduled) => Disposable.Create(() =>
    {
        lock (_gate) scheduled.Dispose();
    });
}
