using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Tui.Core.Tests.Supervision;
using Tui.Core.Watching;

namespace Tui.Core.Tests.Watching;

/// <summary>The real watcher on real files: each test waits (bounded) for the event it expects.</summary>
public sealed class SystemFileWatcherTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("tui-watch-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string PathOf(string relative) => Path.Combine(_dir.FullName, relative);

    private static Task<WatchEvent> First(IObservable<WatchEvent> events, Func<WatchEvent, bool> match, out IDisposable subscription)
    {
        var seen = new TaskCompletionSource<WatchEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        subscription = events.Subscribe(e =>
        {
            if (match(e)) seen.TrySetResult(e);
        });
        return seen.Task.WaitAsync(EventLog.WaitLimit);
    }

    [Fact]
    public async Task Writing_a_file_is_reported()
    {
        var file = PathOf("app.txt");
        var changed = First(SystemFileWatcher.Instance.Watch(new WatchRoot(_dir.FullName, false)),
            e => e is FileChanged c && c.FullPath == file, out var subscription);
        using (subscription)
        {
            await File.WriteAllTextAsync(file, "v2");
            Assert.IsType<FileChanged>(await changed);
        }
    }

    [Fact]
    public async Task A_file_in_a_folder_made_after_the_watch_began_is_reported_when_recursive()
    {
        var file = PathOf("src/new/deep.cs");
        var changed = First(SystemFileWatcher.Instance.Watch(new WatchRoot(_dir.FullName, true)),
            e => e is FileChanged c && c.FullPath == file, out var subscription);
        using (subscription)
        {
            Directory.CreateDirectory(PathOf("src/new"));
            // The folder's own watch is added when its creation is read; until then a write may go unseen, so write until seen.
            var seen = await Eventually.True(() =>
            {
                if (changed.IsCompleted) return true;
                File.WriteAllText(file, DateTime.UtcNow.ToString("O"));
                return changed.Wait(50);
            });
            Assert.True(seen, $"{file} was written for {Eventually.Patience} and never reported");
            Assert.IsType<FileChanged>(await changed);
        }
    }

    [Fact]
    public async Task A_rename_over_a_file_reports_the_new_name()
    {
        var file = PathOf("config.json");
        await File.WriteAllTextAsync(file, "{}");
        await File.WriteAllTextAsync(PathOf("config.json.tmp"), "{\"a\":1}");
        var changed = First(SystemFileWatcher.Instance.Watch(new WatchRoot(_dir.FullName, false)),
            e => e is FileChanged c && c.FullPath == file, out var subscription);
        using (subscription)
        {
            File.Move(PathOf("config.json.tmp"), file, overwrite: true);
            Assert.IsType<FileChanged>(await changed);
        }
    }

    [Fact]
    public async Task A_missing_folder_is_reported_as_trouble_not_thrown()
    {
        var missing = PathOf("nope");
        var trouble = await SystemFileWatcher.Instance.Watch(new WatchRoot(missing, true)).FirstAsync().ToTask().WaitAsync(EventLog.WaitLimit);
        Assert.Equal(new WatchTrouble($"cannot watch {missing}: no such folder", false), trouble);
    }
}
