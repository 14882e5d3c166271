using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Tui.Core.Config;
using Tui.Core.Processes;
using Tui.Core.Supervision;
using Tui.Core.Tests.Supervision;
using Tui.Core.Watching;

namespace Tui.Core.Tests.Watching;

/// <summary>
/// End to end on this machine: real files, inotify, real sh children, the real clock. Each test waits (bounded) for
/// the event it expects; every process group that was started is killed by pgid afterwards.
/// </summary>
public sealed class RealWatchRestartTests : IAsyncLifetime
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("tui-watch-e2e-");
    private readonly List<int> _groups = [];
    private Supervisor? _supervisor;
    private EventLog? _events;
    private IDisposable? _tracking;

    private string PathOf(string relative) => Path.Combine(_dir.FullName, relative);

    private string ConfigPath => PathOf("processes.toml");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        try
        {
            if (_supervisor is not null) await _supervisor.DisposeAsync().AsTask().WaitAsync(EventLog.WaitLimit);
        }
        finally
        {
            _tracking?.Dispose();
            _events?.Dispose();
            lock (_groups) foreach (var pgid in _groups) ProcessGroup.KillGroupAndWait(pgid, TimeSpan.FromSeconds(5));
            _dir.Delete(recursive: true);
        }
    }

    private async Task<EventLog> Start(string toml)
    {
        Directory.CreateDirectory(PathOf("src"));
        File.WriteAllText(ConfigPath, toml);
        _supervisor = new Supervisor(ConfigLoader.Load(ConfigPath), new SupervisorOptions(new PosixProcessLauncher(), DefaultScheduler.Instance)
        {
            FileWatcher = SystemFileWatcher.Instance,
        });
        _tracking = _supervisor.Events.OfType<ProcessStarted>().Subscribe(e => { lock (_groups) _groups.Add(e.Pid); });
        _events = new EventLog(_supervisor);
        await _supervisor.StartAsync();
        return _events;
    }

    private static Task<ProcessStarted> Run(EventLog events, string process, int run) =>
        events.WaitFor<ProcessStarted>(e => e.Process == process && e.Run == run);

    [Fact]
    public async Task Saving_a_watched_file_restarts_the_real_child_with_a_new_pid()
    {
        var events = await Start("""
            [processes.app]
            command = ["sleep", "1000"]
            watch = { paths = ["src/*.txt"], debounce = "50ms" }

            [processes.other]
            command = ["sleep", "1000"]
            """);
        var first = await Run(events, "app", 1);
        var other = await Run(events, "other", 1);

        await File.WriteAllTextAsync(PathOf("src/settings.txt"), "v2");
        var second = await Run(events, "app", 2);

        Assert.NotEqual(first.Pid, second.Pid);
        var restart = await events.WaitFor<RestartScheduled>(r => r.Process == "app");
        Assert.Equal("file changed: src/settings.txt", restart.Cause);
        Assert.True(await RealEngine.Gone(first.Pid));
        Assert.Equal(other.Pid, _supervisor!.Current.Single(s => s.Name == "other").Pid);
        Assert.DoesNotContain(events.All.OfType<ProcessStarted>(), e => e.Process == "other" && e.Run > 1);
    }

    [Fact]
    public async Task Editing_the_config_file_restarts_only_the_changed_process()
    {
        const string config = """
            [processes.api]
            command = ["sleep", "1000"]

            [processes.db]
            command = ["sleep", "1001"]
            """;
        var events = await Start(config);
        await Run(events, "api", 1);
        var db = await Run(events, "db", 1);

        // An editor's save: the new text is written beside the file and renamed over it.
        await File.WriteAllTextAsync(ConfigPath + ".tmp", config.Replace("\"1000\"", "\"2000\""));
        File.Move(ConfigPath + ".tmp", ConfigPath, overwrite: true);

        var reloaded = await events.WaitFor<ConfigReloaded>(_ => true);
        Assert.Equal(["api"], reloaded.Changed);
        await Run(events, "api", 2);
        Assert.Equal(db.Pid, _supervisor!.Current.Single(s => s.Name == "db").Pid);
    }

    [Fact]
    public async Task An_invalid_config_save_is_reported_with_its_position_and_nothing_restarts()
    {
        var events = await Start("[processes.api]\ncommand = [\"sleep\", \"1000\"]\n");
        var api = await Run(events, "api", 1);

        await File.WriteAllTextAsync(ConfigPath, "[processes.api]\ncommand = [\"sleep\", \"1000\"]\nstop_timeout = 5\n");

        // An in-place write can be seen half done (a debounce window missed on a loaded machine): that text is an
        // error too, so the one to wait for is the error of the whole text.
        var error = await events.WaitFor<ConfigError>(e => e.Message.Contains($"{ConfigPath}:3:16"));
        Assert.Contains("stop_timeout", error.Message);
        Assert.Equal(api.Pid, _supervisor!.Current.Single().Pid);
        Assert.Single(events.All.OfType<ProcessStarted>());
    }
}
