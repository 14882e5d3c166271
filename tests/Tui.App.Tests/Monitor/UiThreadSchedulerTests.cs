using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using Tui.App.Monitor;

namespace Tui.App.Tests.Monitor;

public class UiThreadSchedulerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public void Work_runs_on_one_thread_in_due_order_not_in_order_of_scheduling()
    {
        var errors = new ConcurrentQueue<Exception>();
        using var scheduler = new UiThreadScheduler("test ui", errors.Enqueue);
        var ran = new ConcurrentQueue<(string Name, int Thread)>();
        using var done = new ManualResetEventSlim();
        scheduler.Schedule(TimeSpan.FromMilliseconds(60), () => { ran.Enqueue(("late", Environment.CurrentManagedThreadId)); done.Set(); });
        scheduler.Schedule(TimeSpan.FromMilliseconds(20), () => ran.Enqueue(("soon", Environment.CurrentManagedThreadId)));
        scheduler.Schedule(() => ran.Enqueue(("now", Environment.CurrentManagedThreadId)));
        Assert.True(done.Wait(Wait));
        Assert.Equal(["now", "soon", "late"], ran.Select(r => r.Name));
        Assert.Single(ran.Select(r => r.Thread).Distinct());
        Assert.NotEqual(Environment.CurrentManagedThreadId, ran.First().Thread);
        Assert.Empty(errors);
    }

    [Fact]
    public void Work_scheduled_at_the_same_time_runs_in_the_order_it_was_scheduled()
    {
        using var scheduler = new UiThreadScheduler("test ui", _ => { });
        var ran = new ConcurrentQueue<int>();
        using var done = new ManualResetEventSlim();
        using (var gate = new ManualResetEventSlim())
        {
            scheduler.Schedule(() => gate.Wait(Wait)); // hold the thread while the rest is queued
            for (int i = 0; i < 100; i++)
            {
                int n = i;
                scheduler.Schedule(() => ran.Enqueue(n));
            }
            scheduler.Schedule(done.Set);
            gate.Set();
            Assert.True(done.Wait(Wait));
        }
        Assert.Equal(Enumerable.Range(0, 100), ran);
    }

    [Fact]
    public void Disposing_scheduled_work_before_it_is_due_cancels_it()
    {
        using var scheduler = new UiThreadScheduler("test ui", _ => { });
        bool cancelledRan = false;
        using var done = new ManualResetEventSlim();
        var cancelled = scheduler.Schedule(TimeSpan.FromMilliseconds(20), () => cancelledRan = true);
        cancelled.Dispose();
        scheduler.Schedule(TimeSpan.FromMilliseconds(60), done.Set);
        Assert.True(done.Wait(Wait));
        Assert.False(cancelledRan);
    }

    [Fact]
    public void An_exception_goes_to_the_handler_and_the_thread_goes_on()
    {
        var errors = new ConcurrentQueue<Exception>();
        using var scheduler = new UiThreadScheduler("test ui", errors.Enqueue);
        using var done = new ManualResetEventSlim();
        scheduler.Schedule(() => throw new InvalidOperationException("boom"));
        scheduler.Schedule(done.Set);
        Assert.True(done.Wait(Wait));
        Assert.Equal("boom", Assert.Single(errors).Message);
    }

    [Fact]
    public void After_dispose_nothing_runs()
    {
        var scheduler = new UiThreadScheduler("test ui", _ => { });
        bool ran = false;
        scheduler.Schedule(TimeSpan.FromMilliseconds(50), () => ran = true);
        scheduler.Dispose();
        scheduler.Schedule(() => ran = true);
        Assert.False(ran);
    }
}
