using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Tui.Core.Config;
using Tui.Core.Processes;
using Tui.Core.Supervision;
using Tui.Core.Tests.TestSupport;
using Xunit.Abstractions;

namespace Tui.Core.Tests.Supervision;

/// <summary>Counts this test process's own fds and threads, so it must not share the process with other tests.</summary>
[CollectionDefinition(nameof(SupervisorHygieneTests), DisableParallelization = true)]
public sealed class SupervisorHygieneCollection;

[Collection(nameof(SupervisorHygieneTests))]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SupervisorHygieneTests(ITestOutputHelper output)
{
    private const int Cycles = 200;

    /// <summary>Cycles run before the baseline, so that JIT, thread pool and runtime caches have settled.</summary>
    private const int WarmUpCycles = 20;

    /// <summary>Slack for runtime noise: a thread-pool thread born or retired, the last run's pipes not yet disposed.</summary>
    private const int FdTolerance = 6, ThreadTolerance = 8;

    /// <summary>A leak of even 10 KB per cycle would show as 2 MB.</summary>
    private const long HeapToleranceBytes = 1024 * 1024;

    /// <summary>Small, so that the in-memory log ring is full after the warm-up and cannot look like growth.</summary>
    private const int RingLines = 16;

    [Fact]
    public async Task Two_hundred_start_stop_cycles_through_the_supervisor_leak_no_fds_threads_or_memory()
    {
        var dir = Directory.CreateTempSubdirectory("tui-hygiene-");
        var launcher = new TrackingLauncher(new PosixProcessLauncher());
        var clock = new LockedVirtualClock(FakeEngine.T0);
        var process = TestConfigs.Process("svc", new CommandSpec.Exec(["/bin/sh", "-c", "echo up; exec sleep 1000"])) with
        {
            Cwd = dir.FullName,
            Autostart = false,
        };
        var config = TestConfigs.ConfigOf(Settings.Default with { LogRingLines = RingLines }, process);
        var supervisor = new Supervisor(config, new SupervisorOptions(launcher, clock));
        try
        {
            for (var i = 0; i < WarmUpCycles; i++) await Cycle(supervisor, clock);
            var before = OwnResources.Measure();
            var (fds, threads, heap) = before;

            for (var i = 0; i < Cycles; i++) await Cycle(supervisor, clock);
            var (fdsAfter, threadsAfter, heapAfter) = await OwnResources.Settled(before, FdTolerance, ThreadTolerance);
            output.WriteLine($"after {Cycles} cycles: fds {fds} -> {fdsAfter}, threads {threads} -> {threadsAfter}, GC heap {heap} -> {heapAfter} bytes");

            Assert.Equal(WarmUpCycles + Cycles, launcher.Groups.Count);
            Assert.True(fdsAfter <= fds + FdTolerance, $"fds {fds} -> {fdsAfter}");
            Assert.True(threadsAfter <= threads + ThreadTolerance, $"threads {threads} -> {threadsAfter}");
            Assert.True(heapAfter <= heap + HeapToleranceBytes, $"GC heap {heap} -> {heapAfter}");
            Assert.All(launcher.Groups, g => Assert.False(ProcessGroup.IsAlive(g), $"group {g} is alive"));
        }
        finally
        {
            var shutdown = supervisor.DisposeAsync().AsTask();
            clock.AdvanceBy(config.Settings.ShutdownTimeout); // SIGKILL whatever a failed cycle left running
            await shutdown.WaitAsync(EventLog.WaitLimit);
            foreach (var pgid in launcher.Groups) ProcessGroup.KillGroupAndWait(pgid, TimeSpan.FromSeconds(5));
            dir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Starts the process, waits until it is ready, stops it with SIGTERM and waits until it is stopped. Then the clock
    /// passes the stop timeout: a virtual clock keeps a cancelled timer (and what it holds) queued until its due time.
    /// </summary>
    private static async Task Cycle(Supervisor supervisor, LockedVirtualClock clock)
    {
        var svc = ProcessTarget.Parse("svc");
        var ready = When(supervisor, ProcessState.Ready);
        Assert.True((await supervisor.StartAsync(svc).WaitAsync(EventLog.WaitLimit)).Ok);
        await ready.WaitAsync(EventLog.WaitLimit);

        var stopped = When(supervisor, ProcessState.Stopped);
        Assert.True((await supervisor.StopAsync(svc).WaitAsync(EventLog.WaitLimit)).Ok);
        var change = await stopped.WaitAsync(EventLog.WaitLimit);
        Assert.Equal("user stop: signal SIGTERM", change.Reason);
        clock.AdvanceBy(supervisor.Config.Processes[0].StopTimeout);
    }

    private static Task<StateChanged> When(Supervisor supervisor, ProcessState state) =>
        supervisor.Events.OfType<StateChanged>().FirstAsync(c => c.To == state).ToTask();
}
