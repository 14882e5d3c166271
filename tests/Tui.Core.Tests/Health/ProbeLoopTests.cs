using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using Tui.Core.Config;
using Tui.Core.Health;
using Tui.Core.Health.Probes;

namespace Tui.Core.Tests.Health;

/// <summary>
/// The probe loop's timing on a virtual clock, with probes the test holds open (a policy test: when attempts start,
/// how many at once, what a timeout reports), so that nothing depends on how fast a real server answers.
/// </summary>
public sealed class ProbeLoopTests
{
    private static readonly HealthCheckConfig Check = new(new ProbeSpec.Tcp("127.0.0.1", 1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 3, TimeSpan.Zero);
    private readonly LockedVirtualClock _clock = new(MonitoredEngine.T0);

    /// <summary>A probe whose attempts stay open until the test ends them; counts how many are open at once.</summary>
    private sealed class HeldProbe : IProbe
    {
        private readonly ConcurrentQueue<TaskCompletionSource<ProbeResult>> _open = new();
        private int _running;
        private int _peak;

        public static int GlobalRunning;
        public static int GlobalPeak;

        public int Started { get; private set; }
        public int Peak => _peak;

        public async Task<ProbeResult> RunAsync(CancellationToken cancel)
        {
            Started++;
            var attempt = new TaskCompletionSource<ProbeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            _open.Enqueue(attempt);
            Raise(ref _running, ref _peak);
            Raise(ref GlobalRunning, ref GlobalPeak);
            try
            {
                using (cancel.Register(() => attempt.TrySetCanceled()))
                {
                    return await attempt.Task;
                }
            }
            finally
            {
                Interlocked.Decrement(ref _running);
                Interlocked.Decrement(ref GlobalRunning);
            }
        }

        public bool Finish(ProbeResult result) => _open.TryDequeue(out var attempt) && attempt.TrySetResult(result);

        private static void Raise(ref int running, ref int peak)
        {
            var now = Interlocked.Increment(ref running);
            int seen;
            while ((seen = Volatile.Read(ref peak)) < now && Interlocked.CompareExchange(ref peak, now, seen) != seen) { }
        }
    }

    [Fact]
    public async Task Attempts_of_one_check_never_overlap_and_the_next_waits_an_interval_after_the_last_ended()
    {
        var probe = new HeldProbe();
        var results = new ConcurrentQueue<ProbeResult>();
        using var loop = new ProbeLoop(probe, Check, _clock, new ProbeThrottle(4), results.Enqueue);
        loop.Start();

        _clock.AdvanceBy(TimeSpan.FromSeconds(1));
        Assert.True(await Eventually.True(() => probe.Started == 1));
        _clock.AdvanceBy(TimeSpan.FromSeconds(3)); // the first attempt is still open: no second one starts
        Assert.Equal(1, probe.Started);

        Assert.True(probe.Finish(ProbeResult.Pass("ok")));
        Assert.True(await Eventually.True(() => results.Count == 1));
        _clock.AdvanceBy(TimeSpan.FromMilliseconds(999));
        Assert.Equal(1, probe.Started);
        _clock.AdvanceBy(TimeSpan.FromMilliseconds(1));
        Assert.True(await Eventually.True(() => probe.Started == 2));
        Assert.Equal(1, probe.Peak);
    }

    [Fact]
    public async Task An_attempt_that_hangs_is_reported_as_timed_out_at_its_timeout()
    {
        var probe = new HeldProbe();
        var results = new ConcurrentQueue<ProbeResult>();
        using var loop = new ProbeLoop(probe, Check, _clock, new ProbeThrottle(4), results.Enqueue);
        loop.Start();
        _clock.AdvanceBy(TimeSpan.FromSeconds(1));
        Assert.True(await Eventually.True(() => probe.Started == 1));

        _clock.AdvanceBy(TimeSpan.FromSeconds(5));
        Assert.True(await Eventually.True(() => results.Count == 1));
        Assert.Equal(ProbeResult.Fail("timed out after 5s"), Assert.Single(results));
    }

    [Fact]
    public async Task Probes_of_a_hundred_processes_do_not_pile_up_beyond_the_throttle()
    {
        HeldProbe.GlobalRunning = 0;
        HeldProbe.GlobalPeak = 0;
        const int processes = 100, slots = 8;
        var throttle = new ProbeThrottle(slots);
        var probes = Enumerable.Range(0, processes).Select(_ => new HeldProbe()).ToList();
        var results = new ConcurrentQueue<ProbeResult>();
        var loops = probes.Select(p => new ProbeLoop(p, Check, _clock, throttle, results.Enqueue)).ToList();
        try
        {
            loops.ForEach(l => l.Start());
            _clock.AdvanceBy(TimeSpan.FromSeconds(1));
            Assert.True(await Eventually.True(() => probes.Sum(p => p.Started) == slots));
            Assert.Equal(0, throttle.Free);

            // Every attempt hangs: each round of timeouts frees the slots for as many waiting processes (first come,
            // first served), so all are probed in turn while no more than the throttle ever run together.
            for (var round = 1; probes.Count(p => p.Started > 0) < processes; round++)
            {
                Assert.True(round <= processes / slots + 1, "every process gets its turn");
                _clock.AdvanceBy(TimeSpan.FromSeconds(5));
                var expected = Math.Min(processes, slots * (round + 1));
                Assert.True(await Eventually.True(() => probes.Count(p => p.Started > 0) >= expected), $"round {round}: {probes.Count(p => p.Started > 0)} probed");
            }
            Assert.All(probes, p => Assert.True(p.Started >= 1));
            Assert.True(HeldProbe.GlobalPeak <= slots, $"peak {HeldProbe.GlobalPeak} > {slots}");
            Assert.All(probes, p => Assert.Equal(1, p.Peak));
        }
        finally
        {
            loops.ForEach(l => l.Dispose());
        }
    }
}
