using Tui.Core.Supervision;

namespace Tui.Core.Tests.Supervision;

/// <summary>The engine loop: one message at a time, each exactly once, whoever posts it.</summary>
public sealed class EngineLoopTests
{
    private const int Threads = 8, PostsPerThread = 2_000;

    [Fact]
    public async Task Messages_posted_from_many_threads_run_one_at_a_time_and_each_exactly_once()
    {
        var errors = new List<Exception>();
        var loop = new EngineLoop(errors.Add);
        var running = 0;
        var overlaps = 0;
        var counts = new int[Threads * PostsPerThread];

        var posters = Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < PostsPerThread; i++)
            {
                var id = t * PostsPerThread + i;
                loop.Post(() =>
                {
                    if (Interlocked.Increment(ref running) != 1) Interlocked.Increment(ref overlaps);
                    counts[id]++; // not atomic on purpose: only safe because handlers never overlap
                    Interlocked.Decrement(ref running);
                });
            }
        }));
        await Task.WhenAll(posters).WaitAsync(EventLog.WaitLimit);

        Assert.Equal(0, overlaps);
        Assert.All(counts, c => Assert.Equal(1, c));
        Assert.Empty(errors);
    }

    [Fact]
    public void A_message_posted_by_a_message_runs_after_it_not_inside_it()
    {
        var loop = new EngineLoop(_ => { });
        var order = new List<string>();

        loop.Post(() =>
        {
            order.Add("outer start");
            loop.Post(() => order.Add("inner"));
            order.Add("outer end");
        });

        Assert.Equal(["outer start", "outer end", "inner"], order);
    }

    [Fact]
    public async Task A_failing_message_is_reported_and_the_loop_keeps_running()
    {
        var errors = new List<Exception>();
        var loop = new EngineLoop(errors.Add);

        loop.Post(() => throw new InvalidOperationException("boom"));
        var answer = await loop.Ask(() => 42);

        Assert.Equal(42, answer);
        Assert.Equal("boom", Assert.Single(errors).Message);
    }

    [Fact]
    public async Task A_failing_error_report_does_not_stop_the_loop()
    {
        var loop = new EngineLoop(_ => throw new InvalidOperationException("the reporter fails too"));

        loop.Post(() => throw new InvalidOperationException("boom"));

        Assert.Equal("still running", await loop.Ask(() => "still running").WaitAsync(EventLog.WaitLimit));
    }

    [Fact]
    public async Task An_answer_is_given_only_once_the_loop_is_idle_again()
    {
        var loop = new EngineLoop(_ => { });
        var followUpRan = false;

        var answer = loop.Ask(() =>
        {
            loop.Post(() => followUpRan = true);
            return followUpRan;
        });

        Assert.False(await answer);
        Assert.True(followUpRan);
    }
}
