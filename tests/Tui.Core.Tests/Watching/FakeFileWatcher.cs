using System.Reactive.Disposables;
using System.Reactive.Linq;
using Tui.Core.Watching;

namespace Tui.Core.Tests.Watching;

/// <summary>A watcher the test drives: <see cref="Change"/> reaches every live subscription whose root contains the path.</summary>
internal sealed class FakeFileWatcher : IFileWatcher
{
    private readonly List<(WatchRoot Root, IObserver<WatchEvent> Observer)> _live = [];

    public List<WatchRoot> Opened { get; } = [];

    public IReadOnlyList<WatchRoot> Live
    {
        get { lock (_live) return [.. _live.Select(l => l.Root)]; }
    }

    public IObservable<WatchEvent> Watch(WatchRoot root) => Observable.Create<WatchEvent>(observer =>
    {
        var entry = (root, observer);
        lock (_live)
        {
            Opened.Add(root);
            _live.Add(entry);
        }
        return Disposable.Create(() =>
        {
            lock (_live) _live.Remove(entry);
        });
    });

    public void Change(string fullPath) => Send(fullPath, new FileChanged(fullPath));

    public void Trouble(string underPath, string message, bool changesLost) => Send(underPath, new WatchTrouble(message, changesLost));

    private void Send(string path, WatchEvent e)
    {
        List<IObserver<WatchEvent>> targets;
        lock (_live)
        {
            targets = [.. _live.Where(l => Contains(l.Root, path)).Select(l => l.Observer)];
        }
        foreach (var observer in targets) observer.OnNext(e);
    }

    private static bool Contains(WatchRoot root, string path)
    {
        var parent = Path.GetDirectoryName(path) ?? "/";
        return parent == root.Directory || (root.Recursive && path.StartsWith(root.Directory + "/", StringComparison.Ordinal));
    }
}
