using System.Reactive.Concurrency;
using Tui.Core.Config;
using Tui.Core.Supervision;
using Tui.Core.Tests.Supervision;
using Tui.Core.Watching;

namespace Tui.Core.Tests.Watching;

public sealed class ProcessWatchTests
{
    private const string Cwd = "/srv/app";
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);
    private readonly HistoricalScheduler _clock = new(FakeEngine.T0);
    private readonly FakeFileWatcher _watcher = new();
    private readonly RecordingWatchTarget _target = new();

    private static ProcessConfig Watching(string name, string[] paths, params string[] ignore) =>
        TestConfigs.Process(name) with { Cwd = Cwd, Watch = new WatchConfig([.. paths], [.. ignore], Debounce, null) };

    [Fact]
    public void A_save_reaches_the_target_once_after_the_debounce_with_the_relative_path()
    {
        using var watch = new ProcessWatch(Watching("api", ["src/**/*.py"]), _watcher, _clock, _target);
        // An editor's save: write a temp file, rename it over the original, delete the backup.
        _watcher.Change("/srv/app/src/.app.py.swp");
        _watcher.Change("/srv/app/src/app.py");
        _watcher.Change("/srv/app/src/app.py~");
        _clock.AdvanceBy(Debounce - TimeSpan.FromTicks(1));
        Assert.Empty(_target.Batches);
        _clock.AdvanceBy(TimeSpan.FromTicks(1));
        Assert.Equal([("api", new ChangeBatch("src/app.py", 1))], _target.Batches);
    }

    [Fact]
    public void Ignored_and_unmatched_paths_do_nothing()
    {
        using var watch = new ProcessWatch(Watching("api", ["**/*.py"], "**/__pycache__/**"), _watcher, _clock, _target);
        _watcher.Change("/srv/app/pkg/__pycache__/mod.py");
        _watcher.Change("/srv/app/node_modules/x/y.py");
        _watcher.Change("/srv/app/notes.txt");
        _clock.AdvanceBy(TimeSpan.FromSeconds(10));
        Assert.Empty(_target.Batches);
    }

    [Fact]
    public void Lost_changes_warn_and_restart_to_be_safe()
    {
        using var watch = new ProcessWatch(Watching("api", ["**/*.py"]), _watcher, _clock, _target);
        _watcher.Trouble("/srv/app/x", "too many changes at once", changesLost: true);
        _clock.AdvanceBy(Debounce);
        Assert.Equal([("api", NoticeLevel.Warning, "too many changes at once")], _target.Notices);
        Assert.Equal([("api", new ChangeBatch(ProcessWatch.UnknownChanges, 1))], _target.Batches);
    }

    [Fact]
    public void Trouble_without_lost_changes_only_warns()
    {
        using var watch = new ProcessWatch(Watching("api", ["**/*.py"]), _watcher, _clock, _target);
        _watcher.Trouble("/srv/app/x", "inotify limit", changesLost: false);
        _clock.AdvanceBy(Debounce);
        Assert.Single(_target.Notices);
        Assert.Empty(_target.Batches);
    }

    [Fact]
    public void Each_process_sees_only_its_own_files()
    {
        using var watchers = new ProcessWatchers(_watcher, _clock, _target);
        watchers.Apply(TestConfigs.ConfigOf(Watching("api", ["api/**/*"]), Watching("web", ["web/**/*"]), TestConfigs.Process("db")));
        _watcher.Change("/srv/app/web/index.html");
        _clock.AdvanceBy(Debounce);
        Assert.Equal([("web", new ChangeBatch("web/index.html", 1))], _target.Batches);
        Assert.Equal(["api", "web"], watchers.Watched.Order());
    }

    [Fact]
    public void A_reload_keeps_an_unchanged_watch_replaces_a_changed_one_and_drops_a_removed_one()
    {
        using var watchers = new ProcessWatchers(_watcher, _clock, _target);
        watchers.Apply(TestConfigs.ConfigOf(Watching("api", ["api/**/*"]), Watching("web", ["web/**/*"])));
        // A change is pending in api's batch when the reload comes: an unchanged watch must not lose it.
        _watcher.Change("/srv/app/api/main.go");
        watchers.Apply(TestConfigs.ConfigOf(Watching("api", ["api/**/*"]), Watching("docs", ["docs/**/*"])));
        _clock.AdvanceBy(Debounce);
        Assert.Equal([("api", new ChangeBatch("api/main.go", 1))], _target.Batches);
        Assert.Equal(
            [new WatchRoot("/srv/app/api", true), new WatchRoot("/srv/app/docs", true)],
            _watcher.Live.OrderBy(r => r.Directory));
        Assert.Equal(3, _watcher.Opened.Count); // api once, web once, docs once

        watchers.Apply(TestConfigs.ConfigOf(Watching("api", ["api/**/*.go"])));
        Assert.Equal([new WatchRoot("/srv/app/api", true)], _watcher.Live);
        Assert.Equal(4, _watcher.Opened.Count);
    }

    [Fact]
    public void Disposing_closes_every_watch()
    {
        var watchers = new ProcessWatchers(_watcher, _clock, _target);
        watchers.Apply(TestConfigs.ConfigOf(Watching("api", ["api/**/*", "shared/*.json"])));
        Assert.Equal(2, _watcher.Live.Count);
        watchers.Dispose();
        Assert.Empty(_watcher.Live);
    }
}
