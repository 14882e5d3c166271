using System.Collections.Concurrent;
using Tui.Core.Processes;
using Tui.Core.Supervision;

namespace Tui.Core.Tests.Supervision;

/// <summary>
/// Real spawns run off the engine's loop: a process is Starting, without a pid, until its child exists. What is asked
/// meanwhile (a stop, a kill) reaches the child once it exists, and children are seen to start in the order the
/// engine began them even when a later spawn finishes first. (A command that cannot start, off the loop too, is
/// <see cref="RealProcessTests.Command_that_does_not_exist_fails_with_the_reason"/>.)
/// </summary>
/// <remarks>Alone, not beside other tests: a held spawn holds a pool thread for as long as the test holds it.</remarks>
[Collection(nameof(OffLoopLaunchTests))]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class OffLoopLaunchTests
{
    [Fact]
    public async Task A_stop_asked_while_the_child_is_being_spawned_reaches_it_once_it_exists()
    {
        var gate = new GatedLauncher();
        await using var engine = new RealEngine(gate.Around);
        engine.Run(engine.Process("api", "echo up\nexec sleep 1000"));
        var starting = engine.Supervisor.StartAsync();
        await gate.Waiting("api");
        Assert.Equal(ProcessState.Starting, engine.Snapshot("api").State);
        Assert.Null(engine.Snapshot("api").Pid);

        var stopping = engine.Supervisor.StopAsync(ProcessTarget.Parse("api"));
        await engine.Events.WaitForState("api", ProcessState.Stopping);
        gate.Release("api");
        await starting;
        await stopping;

        var stopped = await engine.Events.WaitForState("api", ProcessState.Stopped);
        var pid = (await engine.Events.WaitFor<ProcessStarted>(s => s.Process == "api")).Pid;
        Assert.StartsWith("user stop", stopped.Reason);
        Assert.True(await RealEngine.Gone(pid), $"pid {pid} outlived its stop");
    }

    [Fact]
    public async Task A_kill_asked_while_the_child_is_being_spawned_SIGKILLs_it_once_it_exists()
    {
        var gate = new GatedLauncher();
        await using var engine = new RealEngine(gate.Around);
        // Its stop signal is one whose default action is to do nothing, and stop_timeout is long: only the SIGKILL ends it.
        engine.Run(engine.Process("stubborn", "exec sleep 1000") with { StopSignal = Signals.SIGWINCH, StopTimeout = TimeSpan.FromHours(1) });
        _ = engine.Supervisor.StartAsync();
        await gate.Waiting("stubborn");

        var killed = engine.Supervisor.KillAsync(ProcessTarget.Parse("stubborn"));
        gate.Release("stubborn");
        await killed;

        var stopped = await engine.Events.WaitForState("stubborn", ProcessState.Stopped);
        Assert.Equal("forced stop: signal SIGKILL", stopped.Reason);
    }

    [Fact]
    public async Task Processes_are_seen_to_start_in_the_order_begun_when_a_later_spawn_finishes_first()
    {
        var gate = new GatedLauncher();
        await using var engine = new RealEngine(gate.Around);
        engine.Run(engine.Process("first", "exec sleep 1000"), engine.Process("second", "exec sleep 1000"));
        var started = new ConcurrentQueue<string>();
        using var watch = engine.Supervisor.Events.Subscribe(e => { if (e is ProcessStarted s) started.Enqueue(s.Process); });
        var starting = engine.Supervisor.StartAsync();
        await gate.Waiting("first");
        await gate.Waiting("second");

        gate.Release("second");
        await gate.Spawned("second");
        Assert.Empty(started); // second's child exists, but first began earlier and is not started yet
        gate.Release("first");
        await starting;

        Assert.Equal(["first", "second"], started);
        Assert.All(["first", "second"], name => Assert.Equal(ProcessState.Ready, engine.Snapshot(name).State));
    }

    /// <summary>The real launcher, holding each spawn back until the test releases it by name.</summary>
    private sealed class GatedLauncher
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new();
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _released = new();
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _spawned = new();

        public GatedLauncher()
        {
            // Held spawns hold pool threads (a real spawn blocks one for a moment; these for as long as a test
            // wants): enough of them that the tests' own continuations, and other tests, never wait for the pool to grow.
            ThreadPool.GetMinThreads(out var workers, out var io);
            if (workers < 32) ThreadPool.SetMinThreads(32, io);
        }

        public IProcessLauncher Around(IProcessLauncher inner) => new Gated(this, inner);

        public Task Waiting(string process) => Slot(_waiting, process).Task.WaitAsync(EventLog.WaitLimit);
        public Task Spawned(string process) => Slot(_spawned, process).Task.WaitAsync(EventLog.WaitLimit);
        public void Release(string process) => Slot(_released, process).TrySetResult();

        private static TaskCompletionSource Slot(ConcurrentDictionary<string, TaskCompletionSource> slots, string process) =>
            slots.GetOrAdd(process, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

        private sealed class Gated(GatedLauncher gate, IProcessLauncher inner) : IProcessLauncher
        {
            public bool StartBlocks => true;

            public IChildProcess Start(LaunchSpec spec)
            {
                var process = Path.GetFileNameWithoutExtension(spec.Argv[0]); // RealEngine's script for the process
                Slot(gate._waiting, process).TrySetResult();
                Slot(gate._released, process).Task.Wait(EventLog.WaitLimit);
                var child = inner.Start(spec);
                Slot(gate._spawned, process).TrySetResult();
                return child;
            }
        }
    }
}

[CollectionDefinition(nameof(OffLoopLaunchTests), DisableParallelization = true)]
public sealed class OffLoopLaunchCollection;
