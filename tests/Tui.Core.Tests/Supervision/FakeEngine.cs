using System.Reactive.Concurrency;
using Tui.Core.Config;
using Tui.Core.Supervision;

namespace Tui.Core.Tests.Supervision;

/// <summary>
/// A supervisor on a virtual clock with the fake launcher: everything happens on the test's thread, so after a
/// command, an exit or a clock advance the engine has already settled.
/// </summary>
internal sealed class FakeEngine : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public FakeEngine(params ProcessConfig[] processes) : this(TestConfigs.ConfigOf(processes))
    {
    }

    public FakeEngine(TuiConfig config)
    {
        Supervisor = new Supervisor(config, new SupervisorOptions(Launcher, Clock));
        Events = new EventLog(Supervisor);
    }

    public HistoricalScheduler Clock { get; } = new(T0);
    public FakeLauncher Launcher { get; } = new();
    public Supervisor Supervisor { get; }
    public EventLog Events { get; }

    public ProcessSnapshot Snapshot(string name) => Supervisor.Current.Single(s => s.Name == name);

    public ProcessState State(string name) => Snapshot(name).State;

    public void Advance(TimeSpan by) => Clock.AdvanceBy(by);

    public async ValueTask DisposeAsync()
    {
        // Fake children die on SIGTERM, so shutdown needs no clock; a test that made them immortal advances it itself.
        var shutdown = Supervisor.DisposeAsync().AsTask();
        if (!shutdown.IsCompleted) Clock.AdvanceBy(TestConfigs.ConfigOf().Settings.ShutdownTimeout + SupervisorEngine.KillGrace);
        await shutdown.WaitAsync(EventLog.WaitLimit);
        Events.Dispose();
    }
}
