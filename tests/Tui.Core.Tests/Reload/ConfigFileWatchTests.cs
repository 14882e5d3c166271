using System.Reactive.Concurrency;
using Tui.Core.Config;
using Tui.Core.Reload;
using Tui.Core.Tests.Supervision;
using Tui.Core.Tests.Watching;
using Tui.Core.Watching;

namespace Tui.Core.Tests.Reload;

/// <summary>The config watch on real files with a fake watcher and a virtual clock: the test says which file changed when.</summary>
public sealed class ConfigFileWatchTests : IDisposable
{
    private readonly ConfigFile _file = new();
    private readonly HistoricalScheduler _clock = new(FakeEngine.T0);
    private readonly FakeFileWatcher _watcher = new();
    private readonly List<ReloadResult> _results = [];

    public void Dispose() => _file.Dispose();

    private (FakeReloadTarget, ConfigFileWatch) Start(string toml)
    {
        var target = new FakeReloadTarget(_file.Load(toml));
        var reloader = new ConfigReloader(target, ConfigLoader.Load);
        return (target, new ConfigFileWatch(target.Config, _watcher, _clock, reloader, _results.Add));
    }

    [Fact]
    public void An_editors_save_of_the_config_is_one_reload()
    {
        var (target, watch) = Start("[processes.api]\ncommand = \"a\"\n");
        using (watch)
        {
            _file.Write("[processes.api]\ncommand = \"b\"\n");
            _watcher.Change(_file.PathOf("processes.toml.swp"));
            _watcher.Change(_file.Path);
            _watcher.Change(_file.Path);
            _watcher.Change(_file.PathOf("processes.toml~"));
            Assert.Empty(target.Applied);
            _clock.AdvanceBy(ConfigFileWatch.Debounce);

            var applied = Assert.Single(target.Applied);
            Assert.Equal("b", ((CommandSpec.Shell)applied.Find("api")!.Command).Line);
            Assert.Equal("reloaded: 0 added, 0 removed, 1 changed", Assert.Single(_results).Summary);
        }
    }

    [Fact]
    public void Other_files_beside_the_config_do_nothing()
    {
        var (target, watch) = Start("[processes.api]\ncommand = \"a\"\n");
        using (watch)
        {
            _watcher.Change(_file.PathOf("notes.md"));
            _watcher.Change(_file.PathOf("processes.toml.bak"));
            _clock.AdvanceBy(TimeSpan.FromSeconds(5));
            Assert.Empty(target.Applied);
            Assert.Empty(target.Errors);
        }
    }

    [Fact]
    public void An_env_file_added_by_an_edit_is_watched_from_then_on()
    {
        var (target, watch) = Start("[processes.api]\ncommand = \"a\"\n");
        using (watch)
        {
            File.WriteAllText(_file.PathOf("api.env"), "PORT=1\n");
            _file.Write("env_file = \"api.env\"\n[processes.api]\ncommand = \"a\"\n");
            _watcher.Change(_file.Path);
            _clock.AdvanceBy(ConfigFileWatch.Debounce);
            Assert.Contains(_file.PathOf("api.env"), watch.Files);

            File.WriteAllText(_file.PathOf("api.env"), "PORT=2\n");
            _watcher.Change(_file.PathOf("api.env"));
            _clock.AdvanceBy(ConfigFileWatch.Debounce);

            Assert.Equal(2, target.Applied.Count);
            Assert.Equal("2", target.Config.Find("api")!.Env["PORT"]);
            Assert.Equal(["reloaded: 0 added, 0 removed, 1 changed"], _results.Skip(1).Select(r => r.Summary));
        }
    }

    [Fact]
    public void An_invalid_save_is_reported_and_the_next_valid_one_applies()
    {
        var (target, watch) = Start("[processes.api]\ncommand = \"a\"\n");
        using (watch)
        {
            _file.Write("[processes.api]\ncommand = \"a\n");
            _watcher.Change(_file.Path);
            _clock.AdvanceBy(ConfigFileWatch.Debounce);
            Assert.Single(target.Errors);
            Assert.Empty(target.Applied);

            _file.Write("[processes.api]\ncommand = \"fixed\"\n");
            _watcher.Change(_file.Path);
            _clock.AdvanceBy(ConfigFileWatch.Debounce);
            Assert.Single(target.Applied);
        }
    }
}
