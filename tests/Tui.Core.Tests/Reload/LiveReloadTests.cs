using System.Reactive.Linq;
using Tui.Core.Config;
using Tui.Core.Processes;
using Tui.Core.Reload;
using Tui.Core.Supervision;

namespace Tui.Core.Tests.Reload;

/// <summary>Config edits applied to a running supervisor (fake children, virtual clock, real TOML files).</summary>
public sealed class LiveReloadTests : IAsyncLifetime
{
    private readonly ReloadHarness _h = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private const string Three = """
        [processes.db]
        command = ["fake", "db"]

        [processes.api]
        command = ["fake", "api"]
        depends_on = ["db"]

        [processes.worker]
        command = ["fake", "worker"]
        """;

    [Fact]
    public async Task A_config_edit_that_changes_one_process_restarts_only_that_one()
    {
        var supervisor = await _h.Start(Three);
        var before = supervisor.Current.ToDictionary(s => s.Name, s => s.Pid);

        _h.File.Write(Three.Replace("[\"fake\", \"api\"]", "[\"fake\", \"api\", \"--port\", \"81\"]"));
        var result = await supervisor.ReloadAsync();

        Assert.Equal(new CommandResult(true, ["api"]).Affected, result.Affected);
        Assert.Equal(2, _h.Runs("api"));
        Assert.NotEqual(before["api"], _h.Pid("api"));
        Assert.Equal(ProcessState.Ready, _h.Snapshot("api").State);
        Assert.Equal(before["db"], _h.Pid("db"));
        Assert.Equal(before["worker"], _h.Pid("worker"));
        Assert.Equal(1, _h.Runs("db"));
        Assert.Equal(1, _h.Runs("worker"));
        var reloaded = Assert.Single(_h.Events.All.OfType<ConfigReloaded>());
        Assert.Equal(["api"], reloaded.Changed);
        Assert.Empty(reloaded.Added);
        Assert.Empty(reloaded.Removed);
        Assert.Contains("config changed", _h.Events.Changes("api").Select(c => c.Reason));
    }

    [Fact]
    public async Task An_invalid_edit_changes_nothing_and_reports_the_position()
    {
        var supervisor = await _h.Start(Three);
        var before = supervisor.Current;
        var config = supervisor.Config;

        _h.File.Write(Three + "\n[processes.mail]\ncommand = [\"fake\", \"mail\"]\nrestart = \"whenever\"\n");
        var result = await supervisor.ReloadAsync();

        Assert.False(result.Ok);
        var error = Assert.Single(_h.Events.All.OfType<ConfigError>());
        Assert.Contains($"{_h.File.Path}:12:11", error.Message);
        Assert.Equal(error.Message, result.Error);
        Assert.Same(config, supervisor.Config);
        Assert.Equal(before.Select(s => (s.Name, s.Pid, s.State)), supervisor.Current.Select(s => (s.Name, s.Pid, s.State)));
        Assert.Empty(_h.Events.All.OfType<ConfigReloaded>());
    }

    [Fact]
    public async Task Added_processes_start_by_autostart_and_removed_ones_stop_and_leave()
    {
        var supervisor = await _h.Start(Three);
        var workerChild = _h.Launcher.Latest("worker");

        _h.File.Write("""
            [processes.db]
            command = ["fake", "db"]

            [processes.api]
            command = ["fake", "api"]
            depends_on = ["db"]

            [processes.mail]
            command = ["fake", "mail"]

            [processes.cron]
            command = ["fake", "cron"]
            autostart = false
            """);
        var result = await supervisor.ReloadAsync();

        Assert.Equal(["mail", "cron", "worker"], result.Affected);
        Assert.Equal([Signals.SIGTERM], workerChild.Signals);
        Assert.True(workerChild.HasExited);
        Assert.Equal(["db", "api", "mail", "cron"], supervisor.Current.Select(s => s.Name));
        Assert.Equal(ProcessState.Ready, _h.Snapshot("mail").State);
        Assert.Equal(ProcessState.Pending, _h.Snapshot("cron").State);
        Assert.Equal(1, _h.Runs("api"));
        Assert.Contains(_h.Events.Changes("worker"), c => c.To == ProcessState.Stopped && c.Reason.StartsWith("removed from config", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_removed_process_that_ignores_its_stop_signal_is_shown_until_it_is_down()
    {
        _h.Launcher.FatalSignals.Remove(Signals.SIGTERM);
        var supervisor = await _h.Start(Three);

        _h.File.Write(Three.Replace("[processes.worker]\ncommand = [\"fake\", \"worker\"]", ""));
        await supervisor.ReloadAsync();
        Assert.Equal(ProcessState.Stopping, _h.Snapshot("worker").State);

        _h.Clock.AdvanceBy(_h.Snapshot("worker").Config.StopTimeout);
        Assert.DoesNotContain(supervisor.Current, s => s.Name == "worker");
        Assert.Equal([Signals.SIGTERM, Signals.SIGKILL], _h.Launcher.Latest("worker").Signals.Take(2));
    }

    [Fact]
    public async Task A_group_change_applies_live_without_a_restart_and_the_new_config_is_published()
    {
        var supervisor = await _h.Start(Three);
        var configs = new List<TuiConfig>();
        using var _ = supervisor.Configs.Subscribe(configs.Add);
        var pid = _h.Pid("worker");

        _h.File.Write(Three.Replace("[\"fake\", \"worker\"]", "[\"fake\", \"worker\"]\ngroup = \"jobs\"") + "\n[settings]\ntheme = \"nord\"\n");
        await supervisor.ReloadAsync();

        Assert.Equal(pid, _h.Pid("worker"));
        Assert.Equal("jobs", _h.Snapshot("worker").Group);
        Assert.Equal(2, configs.Count);
        Assert.Equal("nord", configs[1].Settings.Theme);
        Assert.Equal(1, _h.Runs("worker"));
    }

    [Fact]
    public async Task Disabling_stops_the_process_and_enabling_starts_it_again()
    {
        var supervisor = await _h.Start(Three);

        _h.File.Write(Three.Replace("[\"fake\", \"worker\"]", "[\"fake\", \"worker\"]\ndisabled = true"));
        await supervisor.ReloadAsync();
        Assert.Equal(ProcessState.Disabled, _h.Snapshot("worker").State);
        Assert.True(_h.Launcher.Latest("worker").HasExited);

        _h.File.Write(Three);
        await supervisor.ReloadAsync();
        Assert.Equal(ProcessState.Ready, _h.Snapshot("worker").State);
        Assert.Equal(2, _h.Runs("worker"));
    }

    [Fact]
    public async Task Saving_the_config_file_reloads_it_through_the_watcher()
    {
        var supervisor = await _h.Start(Three);

        _h.File.Write(Three.Replace("[\"fake\", \"worker\"]", "[\"fake\", \"worker\", \"-v\"]"));
        _h.Watcher.Change(_h.File.Path);
        Assert.Equal(1, _h.Runs("worker"));
        _h.Clock.AdvanceBy(ConfigFileWatch.Debounce);

        Assert.Equal(2, _h.Runs("worker"));
        Assert.Equal(["worker"], Assert.Single(_h.Events.All.OfType<ConfigReloaded>()).Changed);
    }

    [Fact]
    public async Task A_failed_process_whose_config_is_fixed_is_started_again()
    {
        _h.Launcher.Unstartable["broken"] = "command not found: brokn";
        var supervisor = await _h.Start("[processes.broken]\ncommand = [\"fake\", \"broken\"]\n");
        Assert.Equal(ProcessState.Failed, _h.Snapshot("broken").State);

        _h.Launcher.Unstartable.Clear();
        _h.File.Write("[processes.broken]\ncommand = [\"fake\", \"broken\", \"--fixed\"]\n");
        await supervisor.ReloadAsync();

        Assert.Equal(ProcessState.Ready, _h.Snapshot("broken").State);
    }
}
