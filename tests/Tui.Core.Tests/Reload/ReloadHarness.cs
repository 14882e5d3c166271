using System.Reactive.Concurrency;
using Tui.Core.Config;
using Tui.Core.Supervision;
using Tui.Core.Tests.Supervision;
using Tui.Core.Tests.Watching;

namespace Tui.Core.Tests.Reload;

/// <summary>
/// A supervisor with the fake launcher, a fake file watcher and a virtual clock, running a real config file:
/// the test edits the file, says which path changed, and advances the clock; everything happens on its thread.
/// </summary>
internal sealed class ReloadHarness : IAsyncDisposable
{
    private Supervisor? _supervisor;
    private EventLog? _events;

    public ConfigFile File { get; } = new();
    public HistoricalScheduler Clock { get; } = new(FakeEngine.T0);
    public FakeLauncher Launcher { get; } = new();
    public FakeFileWatcher Watcher { get; } = new();
    public Supervisor Supervisor => _supervisor ?? throw new InvalidOperationException("call Start first");
    public EventLog Events => _events ?? throw new InvalidOperationException("call Start first");

    /// <summary>Writes the config, loads it and starts its autostart processes.</summary>
    public async Task<Supervisor> Start(string toml)
    {
        _supervisor = new Supervisor(File.Load(toml), new SupervisorOptions(Launcher, Clock) { FileWatcher = Watcher, OutputGrace = TimeSpan.Zero });
        _events = new EventLog(_supervisor);
        await _supervisor.StartAsync();
        return _supervisor;
    }

    public ProcessSnapshot Snapshot(string name) => Supervisor.Current.Single(s => s.Name == name);

    public int? Pid(string name) => Snapshot(name).Pid;

    /// <summary>Children ever started for a process.</summary>
    public int Runs(string name) => Launcher.All(name).Count;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_supervisor is not null)
            {
                var shutdown = _supervisor.DisposeAsync().AsTask();
                if (!shutdown.IsCompleted) Clock.AdvanceBy(Settings.Default.ShutdownTimeout + SupervisorEngine.KillGrace);
                await shutdown.WaitAsync(EventLog.WaitLimit);
            }
        }
        finally
        {
            _events?.Dispose();
            File.Dispose();
        }
    }
}
