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

    /// <param name="configure">Changes the engine's options (a scripted system load for the pool).</param>
    /// <param name="start">Where the virtual clock starts (a day with a DST change); <see cref="T0"/> by default.</param>
    public FakeEngine(TuiConfig config, Func<SupervisorOptions, SupervisorOptions>? configure = null, DateTimeOffset? start = null)
    {
        Clock = new HistoricalScheduler(start ?? T0);
        // Fake children's output is not a pipe that ends with them: their exits are handled at once, as they come.
        var options = new SupervisorOptions(Launcher, Clock) { OutputGrace = TimeSpan.Zero };
        Supervisor = new Supervisor(config, configure?.Invoke(options) ?? options);
        Events = new EventLog(Supervisor);
    }

    public HistoricalScheduler Clock { get; }
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
