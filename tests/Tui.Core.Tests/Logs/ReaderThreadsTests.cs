using Tui.Core.Logs;

namespace Tui.Core.Tests.Logs;

public class ReaderThreadsTests
{
    [Fact]
    public async Task A_thread_whose_read_ended_takes_the_next_read_under_that_reads_name()
    {
        var pool = new ReaderThreads(TimeSpan.FromMinutes(1));
        var first = await RunOn(pool, "test reuse 1");
        await Until(() => first.Name == ReaderThreads.IdleName); // idle once its read has returned

        var second = await RunOn(pool, "test reuse 2");

        Assert.Same(first, second);
        Assert.Equal(1, pool.Started);
        await Until(() => second.Name == ReaderThreads.IdleName);
    }

    [Fact]
    public async Task Reads_that_block_at_once_each_get_a_thread_of_their_own()
    {
        const int reads = 6;
        var pool = new ReaderThreads(TimeSpan.FromMinutes(1));
        using var release = new ManualResetEventSlim();
        using var started = new CountdownEvent(reads);
        var threads = new System.Collections.Concurrent.ConcurrentBag<Thread>();
        for (var i = 0; i < reads; i++)
        {
            pool.Run(() =>
            {
                threads.Add(Thread.CurrentThread);
                started.Signal();
                release.Wait(); // a blocking read: its thread is taken until the stream ends
            }, $"test block {i}");
        }
        var all = await Task.Run(() => started.Wait(TimeSpan.FromSeconds(30)));
        release.Set();
        Assert.True(all, "every blocking read runs at once");
        Assert.Equal(reads, threads.Distinct().Count());
        Assert.Equal(reads, pool.Started);
    }

    [Fact]
    public async Task A_thread_idle_for_its_lifetime_ends_and_the_next_read_starts_a_new_one()
    {
        var pool = new ReaderThreads(TimeSpan.FromMilliseconds(50));
        var first = await RunOn(pool, "test retire 1");
        await Until(() => !first.IsAlive);

        var second = await RunOn(pool, "test retire 2");

        Assert.NotSame(first, second);
        Assert.Equal(2, pool.Started);
    }

    private static async Task<Thread> RunOn(ReaderThreads pool, string name)
    {
        var ran = new TaskCompletionSource<Thread>(TaskCreationOptions.RunContinuationsAsynchronously);
        pool.Run(() =>
        {
            Assert.Equal(name, Thread.CurrentThread.Name);
            ran.SetResult(Thread.CurrentThread);
        }, name);
        return await ran.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Polls a thread's state, which no event announces (a name set on another thread, a thread's end).</summary>
    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 30 s");
            await Task.Delay(10);
        }
    }
}
