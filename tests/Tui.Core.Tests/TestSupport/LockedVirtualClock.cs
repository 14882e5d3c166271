using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace Tui.Core.Tests.TestSupport;

/// <summary>
/// A <see cref="HistoricalScheduler"/> that several threads may use: with real children, the engine schedules
/// timers on the thread that reports an exit while the test advances the clock on its own. Scheduling and advancing
/// take one lock; reading <see cref="Now"/> does not, because log readers read the time under their own lock, and
/// a timer action run by <see cref="AdvanceBy"/> may write to a log.
/// Children in tests that use it print whole lines only: a partial line makes a log reader schedule a timer under
/// the log's lock, which could then wait for this lock while an advancing timer waits for the log's.
/// </summary>
internal sealed class LockedVirtualClock(DateTimeOffset start) : IScheduler
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
