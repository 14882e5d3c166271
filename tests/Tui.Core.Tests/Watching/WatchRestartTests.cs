using Tui.Core.Processes;
using Tui.Core.Supervision;
using Tui.Core.Tests.Reload;

namespace Tui.Core.Tests.Watching;

/// <summary>File changes restarting supervised processes: fake children, fake watcher, virtual clock.</summary>
public sealed class WatchRestartTests : IAsyncLifetime
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);
    private readonly ReloadHarness _h = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private const string ApiWatches = """
        [processes.api]
        command = ["fake", "api"]
        watch = { paths = ["src/**/*.py"], ignore = ["**/__pycache__/**", "*.tmp"], debounce = "300ms" }

        [processes.worker]
        command = ["fake", "worker"]
        """;

    private string Src(string relative) => _h.File.PathOf(relative);

    [Fact]
    public async Task A_save_restarts_exactly_the_watching_process_once()
    {
        await _h.Start(ApiWatches);
        var workerPid = _h.Pid("worker");

        _h.Watcher.Change(Src("src/app.py"));
        _h.Clock.AdvanceBy(Debounce);

        Assert.Equal(2, _h.Runs("api"));
        Assert.Equal(ProcessState.Ready, _h.Snapshot("api").State);
        Assert.Equal(1, _h.Runs("worker"));
        Assert.Equal(workerPid, _h.Pid("worker"));
        var restart = Assert.Single(_h.Events.All.OfType<RestartScheduled>());
        Assert.Equal(("api", "file changed: src/app.py"), (restart.Process, restart.Cause));
        Assert.Contains(_h.Events.All.OfType<Notice>(), n => n.Process == "api" && n.Message == "file changed: src/app.py: restarting");
        Assert.Equal(1, _h.Snapshot("api").Restarts);
    }

    [Fact]
    public async Task A_burst_of_500_changes_is_one_restart()
    {
        await _h.Start(ApiWatches);

        for (var i = 0; i < 500; i++)
        {
            _h.Watcher.Change(Src($"src/pkg{i % 7}/mod{i}.py"));
            _h.Clock.AdvanceBy(TimeSpan.FromMilliseconds(2));
        }
        _h.Clock.AdvanceBy(Debounce);

        Assert.Equal(2, _h.Runs("api"));
        Assert.Contains(_h.Events.All.OfType<Notice>(), n => n.Message == "file changed: src/pkg0/mod0.py and 499 more: restarting");
    }

    [Fact]
    public async Task Ignored_and_unwatched_paths_do_nothing()
    {
        await _h.Start(ApiWatches);

        _h.Watcher.Change(Src("src/pkg/__pycache__/mod.py"));
        _h.Watcher.Change(Src("src/notes.tmp"));
        _h.Watcher.Change(Src("src/node_modules/x/index.py"));
        _h.Watcher.Change(Src("src/readme.md"));
        _h.Watcher.Change(Src("tests/test_app.py"));
        _h.Clock.AdvanceBy(TimeSpan.FromSeconds(10));

        Assert.Equal(1, _h.Runs("api"));
        Assert.Empty(_h.Events.All.OfType<RestartScheduled>());
    }

    [Fact]
    public async Task A_change_during_a_restart_does_not_start_a_second_one()
    {
        _h.Launcher.FatalSignals.Remove(Signals.SIGTERM); // the old run takes its time to stop
        await _h.Start(ApiWatches);
        var old = _h.Launcher.Latest("api");

        _h.Watcher.Change(Src("src/app.py"));
        _h.Clock.AdvanceBy(Debounce);
        Assert.Equal(ProcessState.Stopping, _h.Snapshot("api").State);
        _h.Watcher.Change(Src("src/other.py"));
        _h.Clock.AdvanceBy(Debounce);
        Assert.Equal([Signals.SIGTERM], old.Signals);

        old.Exit(0);
        _h.Clock.AdvanceBy(TimeSpan.FromSeconds(10));
        Assert.Equal(2, _h.Runs("api"));
        Assert.Single(_h.Events.All.OfType<RestartScheduled>());
    }

    [Fact]
    public async Task A_watch_with_a_signal_sends_it_instead_of_restarting()
    {
        await _h.Start(ApiWatches.Replace("debounce = \"300ms\"", "debounce = \"300ms\", signal = \"SIGHUP\""));

        _h.Watcher.Change(Src("src/app.py"));
        _h.Clock.AdvanceBy(Debounce);

        Assert.Equal(1, _h.Runs("api"));
        Assert.Equal([Signals.SIGHUP], _h.Launcher.Latest("api").Signals);
        Assert.Contains(_h.Events.All.OfType<Notice>(), n => n.Message == "file changed: src/app.py: sent SIGHUP");
    }

    [Fact]
    public async Task A_process_the_user_stopped_stays_stopped()
    {
        var supervisor = await _h.Start(ApiWatches);
        await supervisor.StopAsync(new ProcessTarget.One("api"));

        _h.Watcher.Change(Src("src/app.py"));
        _h.Clock.AdvanceBy(Debounce);

        Assert.Equal(ProcessState.Stopped, _h.Snapshot("api").State);
        Assert.Equal(1, _h.Runs("api"));
    }

    [Fact]
    public async Task A_crashed_process_waiting_out_its_backoff_restarts_at_once_on_a_change()
    {
        await _h.Start(ApiWatches.Replace("[\"fake\", \"api\"]", "[\"fake\", \"api\"]\nrestart = \"always\"\nbackoff = { initial = \"1m\", max = \"1m\" }"));
        _h.Launcher.Latest("api").Exit(1);
        Assert.Equal(ProcessState.Backoff, _h.Snapshot("api").State);

        _h.Watcher.Change(Src("src/app.py"));
        _h.Clock.AdvanceBy(Debounce);

        Assert.Equal(ProcessState.Ready, _h.Snapshot("api").State);
        Assert.Equal(2, _h.Runs("api"));
    }

    [Fact]
    public async Task A_reload_that_adds_a_watch_starts_watching()
    {
        var supervisor = await _h.Start(ApiWatches);
        _h.File.Write(ApiWatches.Replace("[\"fake\", \"worker\"]", "[\"fake\", \"worker\"]\nwatch = { paths = [\"jobs/*.sh\"] }"));
        await supervisor.ReloadAsync();
        var runs = _h.Runs("worker");

        _h.Watcher.Change(Src("jobs/nightly.sh"));
        _h.Clock.AdvanceBy(TimeSpan.FromSeconds(1));

        Assert.Equal(runs + 1, _h.Runs("worker"));
    }
}
